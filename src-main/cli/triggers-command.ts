import { parseArgs } from 'node:util';
import { AppError } from '../app/errors';
import { currentActor } from '../db/audit';
import type { Db } from '../db/open';
import { allHits } from '../triggers/hits-store';
import { bankCurrency, moneyFormat } from '../triggers/money';
import { actionWords, ruleWords } from '../triggers/rule-checks';
import { evaluateTriggers, listTriggers } from '../triggers/service';
import { CliError, openExistingDb } from './cli-error';

export const TRIGGERS_USAGE = `mainstreet triggers run --db FILE [--json]
    Evaluate every enabled trigger on the latest balance snapshots and transactions, keep the
    hits (replacing the previous run's) and print them; with --json
    {as_of, evaluated_at, seconds, by_trigger, total, hits:[{trigger_id, customer_id, evidence, …}]}.
mainstreet triggers list --db FILE [--json]
    The trigger rules in order, each with what it watches and its action.`;

function hasData(db: Db): boolean {
  return (
    db
      .prepare('SELECT EXISTS (SELECT 1 FROM balance_snapshots) OR EXISTS (SELECT 1 FROM transactions)')
      .pluck()
      .get() === 1
  );
}

function run(db: Db, json: boolean): void {
  if (!hasData(db)) {
    throw new CliError(
      'The bank has no balance snapshots or transactions to evaluate. Import its files first: ' +
        'mainstreet import --db FILE --profile NAME PATH...',
    );
  }
  const summary = evaluateTriggers(db, currentActor());
  // Customer numbers identify; names stay out of a run's output, which scheduled jobs log.
  const hits = allHits(db).map((h) => ({
    trigger_id: h.trigger_id,
    trigger_name: h.trigger_name,
    customer_id: h.customer_id,
    customer_number: h.customer_number,
    account_number: h.account_number,
    evidence: h.evidence,
    action: h.action,
  }));
  if (json) {
    const { hits: total, ...rest } = summary;
    console.log(JSON.stringify({ ...rest, total, hits }));
    return;
  }
  console.log(
    `${hits.length.toLocaleString('en-US')} hit(s) for the period to ${summary.as_of ?? '-'} ` +
      `(evaluated ${summary.evaluated_at}, ${summary.seconds.toFixed(1)} s)`,
  );
  for (const [id, count] of Object.entries(summary.by_trigger))
    console.log(`  ${id.padEnd(28)}${String(count).padStart(8)}`);
  if (hits.length === 0) return;
  const idWidth = Math.max(7, ...hits.map((h) => h.trigger_id.length)) + 2;
  const numberWidth = Math.max(8, ...hits.map((h) => h.customer_number.length)) + 2;
  const accountWidth = Math.max(7, ...hits.map((h) => (h.account_number ?? '').length)) + 2;
  console.log('');
  console.log(`${'Trigger'.padEnd(idWidth)}${'Customer'.padEnd(numberWidth)}${'Account'.padEnd(accountWidth)}Evidence`);
  for (const h of hits) {
    console.log(
      `${h.trigger_id.padEnd(idWidth)}${h.customer_number.padEnd(numberWidth)}${(h.account_number ?? '').padEnd(accountWidth)}${h.evidence}`,
    );
  }
}

function list(db: Db, json: boolean): void {
  const rules = listTriggers(db);
  if (json) {
    console.log(JSON.stringify(rules));
    return;
  }
  const money = moneyFormat(bankCurrency(db));
  for (const rule of rules) {
    console.log(`${rule.id}${rule.enabled ? '' : ' (off)'}: ${rule.name}`);
    console.log(`    ${ruleWords(rule, money)} → ${actionWords(rule.action)}`);
  }
}

export function triggersCommand(args: string[]): void {
  const [verb, ...rest] = args;
  if (verb !== 'run' && verb !== 'list') {
    throw new CliError(verb ? `Unknown triggers command "${verb}"` : 'triggers needs run or list', 2);
  }
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const db = openExistingDb(values.db);
  try {
    if (verb === 'run') run(db, values.json);
    else list(db, values.json);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  } finally {
    db.close();
  }
}
