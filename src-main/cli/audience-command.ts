import { parseArgs } from 'node:util';
import type { ExplainedNode } from '../../src-shared/audience';
import { RuleError } from '../audience/compile';
import { countAudience } from '../audience/count';
import { explainCustomer } from '../audience/explain';
import {
  deleteSuppressionList,
  importCustomerMarks,
  importSuppressionList,
  listSuppressionLists,
} from '../audience/lists';
import { readRuleFile } from '../audience/rule-file';
import {
  approveVersion,
  createAudience,
  getAudience,
  listAudiences,
  retireVersion,
  returnVersion,
  saveDraft,
  submitVersion,
} from '../audience/store';
import { currentActor } from '../db/audit';
import type { Db } from '../db/open';
import { CliError, dateOption, requireOption, withExistingDb } from './cli-error';

export const AUDIENCE_USAGE = `mainstreet audience count --db FILE --rule RULE.json [--product CODE] [--no-suppressions] [--as-of YYYY-MM-DD] [--json]
    Counts the customers a rule file selects, then the suppression waterfall and one letter per
    household. --product names the product offered (owners are left out; credit offers leave
    out under-21s). --json prints {customers, households, waterfall:[{step, removed, remaining}]}.
mainstreet audience list --db FILE [--json]
    Saved audiences, each with its versions (newest first) and their status.
mainstreet audience explain --db FILE (--audience ID | --rule RULE.json) --customer NUMBER [--as-of YYYY-MM-DD] [--json]
    Why a customer is or is not mailed: each condition with their value, each suppression, and
    their household's letter. --audience reads its approved version (else its newest).
mainstreet audience save --db FILE --name NAME --rule RULE.json [--product CODE] [--json]
    Saves a new audience, or an edit of the one with this name (an approved version stays as it
    is: the edit becomes the next version, a draft).
mainstreet audience submit|approve|return|retire --db FILE --audience ID [--approver NAME] [--comment TEXT] [--acknowledge-fair-lending] [--json]
    Moves the newest version along draft → submitted → approved → retired (return: back to draft).
mainstreet audience lists --db FILE [--json]
mainstreet audience lists import --db FILE --name NAME LIST.csv [--replace] [--json]
mainstreet audience lists delete --db FILE --name NAME
    Suppression lists: a CSV with a customer_number column; each list is a step of every waterfall.
mainstreet audience marks import --db FILE MARKS.csv [--json]
    Customer marks (columns customer_number, mark, date; mark: bankruptcy, complaint, credit_decline).`;

export function audienceCommand(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub === 'count') return count(rest);
  if (sub === 'list') return list(rest);
  if (sub === 'explain') return explain(rest);
  if (sub === 'save') return save(rest);
  if (sub === 'submit' || sub === 'approve' || sub === 'return' || sub === 'retire') return move(sub, rest);
  if (sub === 'lists') return lists(rest);
  if (sub === 'marks' && rest[0] === 'import') return marks(rest.slice(1));
  throw new CliError(
    sub
      ? `Unknown audience command "${sub}".`
      : 'Say what to do: count, list, explain, save, submit, approve, return, retire, lists or marks.',
    2,
  );
}

/** Runs `work` on the database named by --db, turning rule and app errors into messages. */
function withDb<T>(dbPath: string | undefined, source: string | undefined, work: (db: Db) => T): T {
  return withExistingDb(dbPath, work, (error) =>
    error instanceof RuleError && source ? `${source}: ${error.message}` : error.message,
  );
}

function audienceId(raw: string | undefined): number {
  const id = Number(requireOption('audience', raw));
  if (!Number.isInteger(id) || id < 1) {
    throw new CliError(`--audience takes an audience id (a whole number), got "${raw}"`, 2);
  }
  return id;
}

function count(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      rule: { type: 'string' },
      product: { type: 'string' },
      'no-suppressions': { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const asOf = dateOption(values['as-of']);
  const rulePath = requireOption('rule', values.rule);
  withDb(values.db, rulePath, (db) => {
    const result = countAudience(db, readRuleFile(rulePath), {
      asOf,
      product: values.product ?? null,
      suppressions: !values['no-suppressions'],
    });
    if (values.json) {
      // Exactly the contract's fields (the API's steps also carry an id for the screens).
      const waterfall = result.waterfall.map(({ step, removed, remaining }) => ({ step, removed, remaining }));
      return console.log(JSON.stringify({ customers: result.customers, households: result.households, waterfall }));
    }
    const width = Math.max(...result.waterfall.map((s) => s.step.length));
    for (const step of result.waterfall) {
      const removed = step.id === 'eligible' ? '' : `−${step.removed.toLocaleString('en-US')}`;
      console.log(
        `${step.step.padEnd(width)}  ${removed.padStart(10)}  ${step.remaining.toLocaleString('en-US').padStart(10)}`,
      );
    }
    console.log(
      `\n${result.customers.toLocaleString('en-US')} customers, ${result.households.toLocaleString('en-US')} households (letters)`,
    );
  });
}

function list(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  withDb(values.db, undefined, (db) => {
    const audiences = listAudiences(db);
    if (values.json) return console.log(JSON.stringify({ audiences }));
    if (audiences.length === 0) return console.log('No saved audiences yet.');
    for (const a of audiences) {
      const v = a.versions[0]!;
      const by = v.status === 'approved' ? ` by ${v.approved_by} on ${v.approved_at!.slice(0, 10)}` : '';
      console.log(`${String(a.id).padStart(4)}  ${a.name}  (version ${v.version}, ${v.status}${by})`);
    }
  });
}

function explainWords(node: ExplainedNode, depth: number, lines: string[]): string[] {
  const what = node.op
    ? `${node.kind} ${node.op} ${JSON.stringify(node.value)} (theirs: ${node.actual === null ? 'unknown' : JSON.stringify(node.actual)})`
    : node.kind;
  lines.push(`${'  '.repeat(depth)}${what}: ${node.holds ? 'holds' : 'fails'}`);
  for (const child of node.children ?? []) explainWords(child, depth + 1, lines);
  return lines;
}

function explain(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      audience: { type: 'string' },
      rule: { type: 'string' },
      customer: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const asOf = dateOption(values['as-of']);
  const customer = requireOption('customer', values.customer);
  if ((values.audience === undefined) === (values.rule === undefined)) {
    throw new CliError('Say which rule: --audience ID or --rule RULE.json (one of them).', 2);
  }
  withDb(values.db, values.rule, (db) => {
    let result;
    if (values.rule) {
      result = explainCustomer(db, readRuleFile(values.rule), customer, { asOf });
    } else {
      const audience = getAudience(db, audienceId(values.audience));
      const version = audience.versions.find((v) => v.status === 'approved') ?? audience.versions[0]!;
      result = explainCustomer(db, version.rule, customer, {
        asOf,
        product: version.product_code,
        off: version.suppressions_off,
        audienceId: audience.id,
        version: version.version,
      });
    }
    if (values.json) return console.log(JSON.stringify(result));
    console.log(
      `Customer ${result.customer_number}: ${result.eligible ? 'selected by the rule' : 'not selected by the rule'}`,
    );
    console.log(explainWords(result.rule, 1, []).join('\n'));
    for (const s of result.suppressions.filter((x) => x.hits)) {
      console.log(`  suppression: ${s.label}${s.id === result.removed_by ? ' (removes them)' : ''}`);
    }
    const elsewhere =
      result.eligible && !result.removed_by && result.household.letter_to
        ? ` (their household's letter goes to customer id ${result.household.letter_to})`
        : '';
    console.log(result.mailed ? "Mailed: yes (their household's letter goes to them)." : `Mailed: no${elsewhere}.`);
  });
}

function save(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      rule: { type: 'string' },
      product: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const name = requireOption('name', values.name).trim();
  const rulePath = requireOption('rule', values.rule);
  withDb(values.db, rulePath, (db) => {
    const draft = { rule: readRuleFile(rulePath), product_code: values.product ?? null };
    const existing = listAudiences(db).find((a) => a.name === name);
    if (existing) saveDraft(db, existing.id, draft, currentActor());
    const audience = existing ? getAudience(db, existing.id) : createAudience(db, name, draft, currentActor());
    if (values.json) return console.log(JSON.stringify(audience));
    console.log(`Saved audience ${audience.id} "${audience.name}", version ${audience.versions[0]!.version} (draft).`);
  });
}

function move(step: 'submit' | 'approve' | 'return' | 'retire', args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      audience: { type: 'string' },
      approver: { type: 'string' },
      comment: { type: 'string' },
      'acknowledge-fair-lending': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const id = audienceId(values.audience);
  const approver = step === 'approve' ? requireOption('approver', values.approver) : '';
  withDb(values.db, undefined, (db) => {
    const latest = getAudience(db, id).versions[0]!;
    const actor = currentActor();
    const comment = values.comment ?? '';
    const version =
      step === 'submit'
        ? submitVersion(db, latest.id, actor)
        : step === 'approve'
          ? approveVersion(
              db,
              latest.id,
              { approver, comment, acknowledge_fair_lending: values['acknowledge-fair-lending'] },
              actor,
            )
          : step === 'return'
            ? returnVersion(db, latest.id, comment, actor)
            : retireVersion(db, latest.id, actor);
    if (values.json) return console.log(JSON.stringify(version));
    console.log(`Audience ${id}, version ${version.version}: ${version.status}.`);
    for (const w of version.fair_lending) console.log(`  fair-lending warning at ${w.path}: ${w.message}`);
  });
}

function lists(args: string[]): void {
  const [action] = args;
  const rest = action === 'import' || action === 'delete' ? args.slice(1) : args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      replace: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  withDb(values.db, undefined, (db) => {
    if (action === 'import') {
      if (positionals.length !== 1) throw new CliError('Name one CSV file of customer numbers.', 2);
      const list = importSuppressionList(db, requireOption('name', values.name), positionals[0]!, {
        replace: values.replace,
        actor: currentActor(),
      });
      if (values.json) return console.log(JSON.stringify(list));
      return console.log(`Suppression list "${list.name}": ${list.customers} customers.`);
    }
    if (action === 'delete') {
      const name = requireOption('name', values.name);
      if (!deleteSuppressionList(db, name, currentActor())) throw new CliError(`No suppression list named "${name}".`);
      return console.log(`Deleted the suppression list "${name}".`);
    }
    if (positionals.length) throw new CliError(`Unknown lists command "${positionals[0]}".`, 2);
    const all = listSuppressionLists(db);
    if (values.json) return console.log(JSON.stringify({ lists: all }));
    if (all.length === 0) return console.log('No suppression lists yet.');
    for (const l of all)
      console.log(`${l.name}: ${l.customers} customers (loaded ${l.created_at.slice(0, 10)} by ${l.actor})`);
  });
}

function marks(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new CliError('Name one CSV file of marks.', 2);
  withDb(values.db, undefined, (db) => {
    const result = importCustomerMarks(db, positionals[0]!, currentActor());
    if (values.json) return console.log(JSON.stringify(result));
    console.log(`Marks: ${result.added} added, ${result.already} already on file.`);
  });
}
