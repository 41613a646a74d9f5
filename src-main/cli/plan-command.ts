import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { currentActor } from '../db/audit';
import { letterStyle, renderEachLetter, renderRunLetters, writeRunFiles } from '../plan/run-files';
import { writeCalibrationPdf } from '../plan/letters';
import { planListing } from '../plan/plan-store';
import { finalizeRun, getRun, runMonth, runRecipients } from '../plan/run-month';
import { CliError, intOption, requireOption, withExistingDb } from './cli-error';

export const PLAN_USAGE = `mainstreet plan run-month --db FILE --month YYYY-MM --out DIR [--finalize] [--seed N] [--control-share 0.1] [--json]
    Runs a month of the matrix: recipients by audience priority, suppressions and one offer a
    household, a control group held out per cell, a keycode a piece, and the files (letters PDF,
    mail file, email, banner, branch leads) in DIR. --finalize also locks the run and writes the
    contact history. --json prints {run_id, cells:[{audience, offer, eligible, mailed, control}],
    waterfall, files:[path]}.
mainstreet plan finalize --db FILE --run ID
mainstreet plan list --db FILE [--json]
    The plan: {months:[YYYY-MM], cells:[{month, audience, offer}]}.
mainstreet plan recipients --db FILE --run ID [--json]
    [{customer_id, household_id, audience, offer, group: "mailed" | "control", keycode}].`;

export const LETTERS_USAGE = `mainstreet letters render --db FILE --run ID --out FILE.pdf
    The run's letters, one page each, print-ready for a #10 double-window envelope.
mainstreet letters render --db FILE --run ID --each DIR
    The same letters one PDF each, named by keycode, in DIR.
mainstreet letters calibrate --db FILE --out FILE.pdf
    One page with the envelope windows and folds drawn, to check a printer before a run.`;

const runId = (raw: string | undefined) => intOption('--run', requireOption('run', raw), 1, Number.MAX_SAFE_INTEGER)!;

export async function planCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'run-month') return runMonthCommand(rest);
  if (sub === 'finalize') return finalizeCommand(rest);
  if (sub === 'list') return listCommand(rest);
  if (sub === 'recipients') return recipientsCommand(rest);
  throw new CliError(
    sub ? `Unknown plan command "${sub}".` : 'Say what to do: run-month, finalize, list or recipients.',
    2,
  );
}

async function runMonthCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      month: { type: 'string' },
      out: { type: 'string' },
      finalize: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'control-share': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const month = requireOption('month', values.month);
  const out = resolve(requireOption('out', values.out));
  const seed = intOption('--seed', values.seed, 0, 2 ** 31 - 1);
  const share = values['control-share'] === undefined ? undefined : Number(values['control-share']);
  if (share !== undefined && !(share >= 0 && share <= 0.5))
    throw new CliError(
      `--control-share takes a share from 0 to 0.5 (0.1 is 10%), not "${values['control-share']}".`,
      2,
    );
  await withExistingDb(values.db, async (db) => {
    let summary = runMonth(db, { month, actor: currentActor(), seed, controlShare: share });
    const files = await writeRunFiles(db, summary.run_id, out, currentActor());
    if (values.finalize) summary = finalizeRun(db, summary.run_id, currentActor());
    const result = { ...summary, files };
    if (values.json) {
      const { run_id, cells, waterfall } = result;
      console.log(JSON.stringify({ run_id, cells, waterfall, files }));
      return;
    }
    console.log(`Run ${result.run_id} for ${month} (${result.status === 'final' ? 'final' : 'for review'})`);
    for (const c of result.cells)
      console.log(`  ${c.audience} · ${c.offer}: ${c.eligible} eligible, ${c.mailed} mailed, ${c.control} held out`);
    for (const s of result.waterfall)
      console.log(`  ${s.step.padEnd(58)} ${String(-s.removed).padStart(8)} ${String(s.remaining).padStart(8)}`);
    for (const f of files) console.log(`  wrote ${f}`);
  });
}

function finalizeCommand(args: string[]): void {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, run: { type: 'string' } } });
  const id = runId(values.run);
  withExistingDb(values.db, (db) => {
    const run = finalizeRun(db, id, currentActor());
    console.log(`Run ${id} for ${run.month} is final; the contact history of its mailed pieces is written.`);
  });
}

function listCommand(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  withExistingDb(values.db, (db) => {
    const plan = planListing(db);
    if (values.json) return console.log(JSON.stringify(plan));
    if (plan.cells.length === 0) console.log('Nothing planned yet.');
    for (const c of plan.cells) console.log(`${c.month}  ${c.audience} · ${c.offer}`);
  });
}

function recipientsCommand(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, run: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const id = runId(values.run);
  withExistingDb(values.db, (db) => {
    const recipients = runRecipients(db, id);
    if (values.json) return console.log(JSON.stringify(recipients));
    for (const r of recipients)
      console.log(`${r.keycode}  ${r.group.padEnd(8)} ${r.customer_id}  ${r.audience} · ${r.offer}`);
  });
}

export async function lettersCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, run: { type: 'string' }, out: { type: 'string' }, each: { type: 'string' } },
  });
  if (sub === 'render' && values.each) {
    const id = runId(values.run);
    const dir = resolve(values.each);
    await withExistingDb(values.db, async (db) => {
      const { files } = await renderEachLetter(db, id, dir);
      console.error(`Wrote ${files} letters, one PDF each, to ${dir}`);
    });
    return;
  }
  const out = resolve(requireOption('out', values.out));
  if (sub === 'render') {
    const id = runId(values.run);
    await withExistingDb(values.db, async (db) => {
      getRun(db, id);
      const { pages } = await renderRunLetters(db, id, out);
      console.error(`Wrote ${pages} letters to ${out}`);
    });
    return;
  }
  if (sub === 'calibrate') {
    await withExistingDb(values.db, (db) => writeCalibrationPdf(out, letterStyle(db)));
    console.error(`Wrote the calibration page to ${out}`);
    return;
  }
  throw new CliError(sub ? `Unknown letters command "${sub}".` : 'Say what to do: render or calibrate.', 2);
}
