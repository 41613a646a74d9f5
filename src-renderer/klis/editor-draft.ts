/**
 * The custom KLI editor's draft: what the form holds, the definition it sends, and the checks
 * that can be made before asking (the main process checks again and has the last word).
 */
import type { ApiInput } from '../../src-shared/api';
import type { ProductFamily, TransactionCode } from '../../src-shared/domain';
import { BUILTIN_KLI_IDS, type KliDefinition, type KliMeasure } from '../../src-shared/kli';
import type { MerchantCategory } from '../../src-shared/merchant-categories';
import { isMoneyMeasure } from './labels';

export type Definition = ApiInput<'kli:save'>['definition'];
export type Direction = 'credit' | 'debit' | 'any';

export interface KliDraft {
  name: string;
  id: string;
  /** Once the id is typed by hand it no longer follows the name. */
  idEdited: boolean;
  question: string;
  product: ProductFamily;
  categories: MerchantCategory[];
  /** Patterns as typed: comma-separated or one per line. */
  merchants: string;
  excludeMerchants: string;
  mccs: string;
  codes: TransactionCode[];
  direction: Direction;
  accountFamilies: ProductFamily[];
  counterpartyElsewhere: boolean;
  measure: KliMeasure;
  /** Cents for amount measures; null while the field holds no valid number. */
  min: number | null;
  minMonths: number | null;
}

export type DraftField =
  | 'name'
  | 'id'
  | 'question'
  | 'product'
  | 'match'
  | 'categories'
  | 'merchants'
  | 'excludeMerchants'
  | 'mccs'
  | 'codes'
  | 'measure'
  | 'min'
  | 'minMonths';

export type DraftErrors = Partial<Record<DraftField, string>>;

export function blankDraft(): KliDraft {
  return {
    name: '',
    id: '',
    idEdited: false,
    question: '',
    product: 'checking',
    categories: [],
    merchants: '',
    excludeMerchants: '',
    mccs: '',
    codes: [],
    direction: 'any',
    accountFamilies: [],
    counterpartyElsewhere: false,
    measure: 'months',
    min: 3,
    minMonths: 0,
  };
}

export const KLI_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The built-in id a custom id would be confused with, if any. */
export function builtinPrefix(id: string): string | undefined {
  return BUILTIN_KLI_IDS.find((b) => id.startsWith(b));
}

/** "Café fans!" → "cafe-fans": lower-case letters, digits and dashes. */
export function plainSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
}

/** A KLI id from its name; a name that starts like a built-in's id gets "custom-" in front. */
export function slugify(name: string): string {
  const slug = plainSlug(name);
  if (slug === '') return '';
  const safe = builtinPrefix(slug) ? `custom-${slug}` : slug;
  return safe.length < 2 ? `${safe}-kli` : safe;
}

export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function joinList(values: string[] | undefined): string {
  return (values ?? []).join('\n');
}

export function toDefinition(draft: KliDraft): Definition {
  const merchants = splitList(draft.merchants);
  const exclude = splitList(draft.excludeMerchants);
  const mccs = splitList(draft.mccs);
  return {
    id: draft.id.trim(),
    name: draft.name.trim(),
    question: draft.question.trim(),
    product: draft.product,
    rule: {
      type: 'activity',
      match: {
        ...(draft.categories.length ? { categories: draft.categories } : {}),
        ...(merchants.length ? { merchants } : {}),
        ...(exclude.length ? { exclude_merchants: exclude } : {}),
        ...(mccs.length ? { mccs } : {}),
        ...(draft.codes.length ? { codes: draft.codes } : {}),
        direction: draft.direction,
        ...(draft.accountFamilies.length ? { account_families: draft.accountFamilies } : {}),
        ...(draft.counterpartyElsewhere ? { counterparty_elsewhere: true } : {}),
      },
      measure: draft.measure,
      min: draft.min ?? 0,
      min_months: draft.minMonths ?? 0,
    },
  };
}

/** A saved custom KLI back into the form; null for rules the editor does not make (from a rule file). */
export function draftFrom(kli: KliDefinition): KliDraft | null {
  const rule = kli.rule;
  if (rule.type !== 'activity') return null;
  const m = rule.match;
  return {
    name: kli.name,
    id: kli.id,
    idEdited: true,
    question: kli.question,
    product: kli.product as ProductFamily,
    categories: (m.categories ?? []) as MerchantCategory[],
    merchants: joinList(m.merchants),
    excludeMerchants: joinList(m.exclude_merchants),
    mccs: (m.mccs ?? []).join(', '),
    codes: (m.codes ?? []) as TransactionCode[],
    direction: m.direction ?? 'any',
    accountFamilies: (m.account_families ?? []) as ProductFamily[],
    counterpartyElsewhere: m.counterparty_elsewhere === true,
    measure: rule.measure,
    min: rule.min,
    minMonths: rule.min_months ?? 0,
  };
}

function patternProblem(patterns: string[]): string | undefined {
  if (patterns.length > 200) return 'At most 200 patterns.';
  const bad = patterns.find((p) => !/[\p{L}\p{N}]/u.test(p) || p.length > 120);
  return bad === undefined ? undefined : `“${bad}” needs a letter or digit, and at most 120 characters.`;
}

/**
 * What can be told before asking the main process (it checks again). A new KLI's id may not
 * start like a built-in's (so "travel-lovers" is never read as a variant of "travel"); a saved
 * one keeps the id it has.
 */
export function validateDraft(draft: KliDraft, isNew = true): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the KLI a name.';
  else if (name.length > 120) errors.name = 'At most 120 characters.';
  const id = draft.id.trim();
  const prefix = builtinPrefix(id);
  if (id === '') errors.id = 'Give the KLI an id (it follows the name until you change it).';
  else if (!KLI_ID_PATTERN.test(id))
    errors.id = 'Lower-case letters, digits and dashes, 2 to 63 characters, not starting with a dash.';
  else if (prefix && isNew) errors.id = `A custom id may not start with a built-in KLI’s id (${prefix}).`;
  if (draft.question.trim().length > 500) errors.question = 'At most 500 characters.';
  const merchants = patternProblem(splitList(draft.merchants));
  if (merchants) errors.merchants = merchants;
  const exclude = patternProblem(splitList(draft.excludeMerchants));
  if (exclude) errors.excludeMerchants = exclude;
  const badMcc = splitList(draft.mccs).find((m) => !/^\d{4}$/.test(m));
  if (badMcc !== undefined) errors.mccs = `“${badMcc}” is not an MCC: an MCC is four digits.`;
  const def = toDefinition(draft).rule;
  const match = def.type === 'activity' ? def.match : {};
  const picks =
    (match.categories?.length ?? 0) +
    (match.merchants?.length ?? 0) +
    (match.mccs?.length ?? 0) +
    (match.codes?.length ?? 0) +
    (match.account_families?.length ?? 0);
  if (picks === 0 && !match.counterparty_elsewhere)
    errors.match = 'Say which transactions count: at least one category, merchant pattern, MCC or code.';
  if (draft.min === null) errors.min = isMoneyMeasure(draft.measure) ? 'Enter an amount.' : 'Enter a number.';
  if (draft.minMonths === null) errors.minMonths = 'Enter a number of months (0 for none).';
  return errors;
}

const SERVER_FIELDS: [RegExp, DraftField][] = [
  [/^definition\.id\b/, 'id'],
  [/^definition\.name\b/, 'name'],
  [/^definition\.question\b/, 'question'],
  [/^definition\.product\b/, 'product'],
  [/^definition\.rule\.match\.categories\b/, 'categories'],
  [/^definition\.rule\.match\.exclude_merchants\b/, 'excludeMerchants'],
  [/^definition\.rule\.match\.merchants\b/, 'merchants'],
  [/^definition\.rule\.match\.mccs\b/, 'mccs'],
  [/^definition\.rule\.match\.codes\b/, 'codes'],
  [/^definition\.rule\.match\b/, 'match'],
  [/^definition\.rule\.measure\b/, 'measure'],
  [/^definition\.rule\.min_months\b/, 'minMonths'],
  [/^definition\.rule\.min\b/, 'min'],
];

/**
 * The main process words a refused input as "path: message; path: message". Each part that
 * names a field of the form goes beside that field; the rest is said at the top.
 */
export function serverErrors(message: string): { fields: DraftErrors; general: string[] } {
  const fields: DraftErrors = {};
  const general: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^([\w.]+): (.+)$/s.exec(part);
    const field = match ? SERVER_FIELDS.find(([pattern]) => pattern.test(match[1] ?? ''))?.[1] : undefined;
    if (match && field) fields[field] = fields[field] ? `${fields[field]} ${match[2]}` : match[2];
    else general.push(part);
  }
  return { fields, general };
}
