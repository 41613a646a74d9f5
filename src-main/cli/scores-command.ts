import { parseArgs } from 'node:util';
import { FAMILY_INFO, PRODUCT_FAMILIES, isProductFamily, type ProductFamily } from '../../src-shared/domain';
import type { ScoreModel } from '../../src-shared/scores';
import { findCustomer } from '../audience/explain';
import { currentActor } from '../db/audit';
import { customerScores, listScoreModels } from '../scores/store';
import { trainScores } from '../scores/train';
import { CliError, dateOption, intOption, withExistingDb } from './cli-error';
import { stderrProgress } from './progress';

export const SCORES_USAGE = `mainstreet scores train --db FILE [--family F]... [--as-of YYYY-MM-DD] [--window-months N] [--json]
    Learns, for each product family, who opens it next (openings over the last N months, 6 by
    default, from what customers held and did before), checks it on a holdout, and scores
    everyone without the family 1–100 (the rule field score:<family>). --json prints
    {as_of, window_start, models:[{family, auc, deciles, features, …}], skipped, notes}.
mainstreet scores list --db FILE [--json]
    Each family's model: when learned, openers, holdout AUC and lift by decile.
mainstreet scores customer --db FILE --customer NUMBER [--json]
    A customer's scores, best first, with the reasons for each.`;

export function scoresCommand(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub === 'train') return train(rest);
  if (sub === 'list') return list(rest);
  if (sub === 'customer') return customer(rest);
  throw new CliError(sub ? `Unknown scores command "${sub}".` : 'Say what to do: train, list or customer.', 2);
}

function families(given: string[] | undefined): ProductFamily[] | undefined {
  if (!given?.length) return undefined;
  return given.map((f) => {
    if (!isProductFamily(f))
      throw new CliError(`--family "${f}" is not a product family (${PRODUCT_FAMILIES.join(', ')}).`, 2);
    return f;
  });
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

function printModel(m: ScoreModel): void {
  console.log(
    `${FAMILY_INFO[m.family].label.padEnd(26)} AUC ${m.auc === null ? ' n/a ' : m.auc.toFixed(3)}` +
      `  ${m.openers.toLocaleString('en-US')} of ${m.population.toLocaleString('en-US')} opened` +
      `  top tenth: ${m.deciles[0] ? `${m.deciles[0].lift.toFixed(1)}× lift, ${percent(m.deciles[0].captured)} of openers` : 'n/a'}` +
      `  (${m.scored.toLocaleString('en-US')} scored)`,
  );
}

function train(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      family: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      'window-months': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const chosen = families(values.family);
  const asOf = dateOption(values['as-of']);
  const windowMonths = intOption('--window-months', values['window-months'], 1, 24);
  withExistingDb(values.db, (db) => {
    const progress = values.json ? undefined : stderrProgress();
    const result = trainScores(db, {
      actor: currentActor(),
      asOf,
      windowMonths,
      families: chosen,
      ...(progress ? { onProgress: (step, current, total) => progress({ step, current, total }) } : {}),
    });
    if (values.json) return console.log(JSON.stringify(result));
    console.log(`Next-product scores: openings from ${result.window_start} to ${result.as_of}`);
    result.models.forEach(printModel);
    for (const s of result.skipped) console.log(`${FAMILY_INFO[s.family].label.padEnd(26)} not scored: ${s.reason}`);
    for (const note of result.notes) console.log(`Note: ${note}`);
  });
}

function list(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  withExistingDb(values.db, (db) => {
    const models = listScoreModels(db);
    if (values.json) return console.log(JSON.stringify({ models }));
    if (models.length === 0) console.log('No scores yet: run "mainstreet scores train --db FILE".');
    models.forEach(printModel);
  });
}

function customer(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, customer: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.customer) throw new CliError('Say which customer: --customer NUMBER.', 2);
  const number = values.customer;
  withExistingDb(values.db, (db) => {
    const found = findCustomer(db, number);
    const scores = customerScores(db, found.id);
    if (values.json) return console.log(JSON.stringify({ customer: found.customer_number, scores }));
    for (const s of scores) {
      console.log(
        `${FAMILY_INFO[s.family].label.padEnd(26)} ${String(s.score).padStart(3)}  ${s.reasons.map((r) => r.label).join('; ')}`,
      );
    }
  });
}
