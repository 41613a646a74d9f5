/**
 * Mail merge: what a letter knows of its recipient (the merge fields), Handlebars templates
 * checked against those fields before a run, and the recipient's address the way USPS reads
 * it (upper case, no punctuation, nothing below the city/state/ZIP line).
 */
import Handlebars from 'handlebars';
import { MERGE_FIELDS } from '../../src-shared/plan';
import { AppError } from '../app/errors';

export interface MergeContext {
  salutation: string;
  date: string;
  keycode: string;
  customer: {
    first_name: string;
    last_name: string;
    full_name: string;
    customer_number: string;
    city: string;
    state: string;
  };
  household: { names: string; size: number };
  offer: {
    code: string;
    name: string;
    headline: string;
    body: string;
    incentive: string;
    apy: string;
    respond_by: string;
    response_days: number;
  };
  product: { code: string; name: string };
  bank: { name: string; short_name: string };
  kli: Record<string, number | boolean>;
}

const engine = Handlebars.create();

/** Every field path a template reads ({{a.b}}, {{#if a.b}}), in order of first use. */
export function templateFields(body: string): string[] {
  let ast: hbs.AST.Program;
  try {
    ast = engine.parse(body);
  } catch (error) {
    throw new AppError('invalid_input', `The template does not read: ${(error as Error).message.split('\n')[0]}`);
  }
  const fields = new Set<string>();
  class Paths extends Handlebars.Visitor {
    override PathExpression(path: hbs.AST.PathExpression): void {
      if (path.original !== 'if' && path.original !== 'unless' && path.original !== 'else') fields.add(path.original);
    }
  }
  new Paths().accept(ast);
  return [...fields];
}

/** The fields a template uses that no letter has, with what to write instead; empty when all are known. */
export function unknownFields(body: string): string[] {
  const known = new Set<string>(MERGE_FIELDS);
  return templateFields(body).filter((f) => !known.has(f) && !/^kli\.[a-z0-9-]+$/.test(f));
}

/** Compiles a template (fields checked first); merging never reads outside the context given. */
export function compileTemplate(body: string): (context: MergeContext) => string {
  const unknown = unknownFields(body);
  if (unknown.length)
    throw new AppError(
      'invalid_input',
      `The template uses ${unknown.map((f) => `{{${f}}}`).join(', ')}, which no letter has. Merge fields: ${MERGE_FIELDS.join(', ')}, kli.<id>.`,
    );
  const template = engine.compile(body, { noEscape: true, strict: false, knownHelpersOnly: true });
  return (context) =>
    template(context)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
}

/** "Dear John and Jane Smith", "Dear John Smith and Jane Doe", or "Dear John Smith". */
export function householdNames(people: readonly { first_name: string; last_name: string }[]): string {
  const [a, b] = people;
  if (!a) return '';
  if (!b) return `${a.first_name} ${a.last_name}`.trim();
  return a.last_name === b.last_name
    ? `${a.first_name} and ${b.first_name} ${a.last_name}`
    : `${a.first_name} ${a.last_name} and ${b.first_name} ${b.last_name}`;
}

/** A line as USPS wants it on a letter: upper case, no punctuation but the ZIP+4 hyphen, single spaces. */
export const uspsLine = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9# -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The recipient block: name, street lines, then CITY ST ZIP last. */
export function addressBlock(a: {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  zip: string;
}): string[] {
  const zip = a.zip.replace(/[^0-9]/g, '');
  const zipText = zip.length === 9 ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip.slice(0, 5);
  return [a.name, a.line1, a.line2 ?? '', `${a.city} ${a.state} ${zipText}`].map(uspsLine).filter((l) => l !== '');
}
