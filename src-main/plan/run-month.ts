/**
 * A month run: the matrix's column for one month turned into recipients.
 *
 * Cells go in the audiences' priority order. Each takes its audience's approved version with
 * the offer's product (so owners of it, and the suppressions, drop out, with the waterfall),
 * keeps one letter per household (the household's letter rule, explain.ts), then drops the
 * households already holding a product of the offered family and those already given as many
 * offers this month as the plan allows (1 by default, up to 3 in one letter), and holds out a
 * control group: exactly round(share × households) of each cell, chosen by a hash of the run's
 * seed and the household, so the same seed always picks the same control group. Every piece,
 * mailed or held out, gets a keycode.
 *
 * A run is stored for review; finalizing it writes the contact history, locks it, and is in
 * the audit log. A month has at most one final run; a new review run replaces the last one.
 */
import type { ProductFamily } from '../../src-shared/domain';
import { type RunCell, type RunRecipient, type RunStep, type RunSummary } from '../../src-shared/plan';
import type { RuleNode } from '../../src-shared/audience';
import { AppError } from '../app/errors';
import { compileRule } from '../audience/compile';
import { activeSuppressions, countAudience, mailableWhere, ruleContext, type CountOptions } from '../audience/count';
import { LETTER_ORDER } from '../audience/explain';
import { checkFourEyes } from '../people/people';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { isMonth, planSettings } from './plan-store';
import { unknownFields } from './merge';

export interface RunOptions {
  month: string;
  actor: string;
  /** Share of each cell's households held out (0–0.5); the plan's setting, else 10%. */
  controlShare?: number | undefined;
  /** Fixes the control groups; a new random one is drawn and stored otherwise. */
  seed?: number | undefined;
  /** Offers a household may get in the month (1–3, in one letter); the plan's setting, else 1. */
  offersPerHousehold?: number | undefined;
}

interface PlannedCell {
  audience_id: number;
  audience: string;
  offer_id: number;
  offer: string;
  product_code: string;
  family: ProductFamily;
  template_id: number | null;
}

/** The planned cells of a month, in the audiences' priority order. */
function plannedCells(db: Db, month: string): PlannedCell[] {
  return db
    .prepare(
      `SELECT c.audience_id, a.name AS audience, c.offer_id, o.code AS offer, o.product_code, p.family, o.template_id
       FROM plan_cells c JOIN plan_rows r ON r.audience_id = c.audience_id JOIN audiences a ON a.id = c.audience_id
       JOIN offers o ON o.id = c.offer_id JOIN products p ON p.code = o.product_code
       WHERE c.month = ? ORDER BY r.priority`,
    )
    .all(month) as PlannedCell[];
}

interface ApprovedVersion {
  version: number;
  rule: RuleNode;
  suppressions_off: string[];
}

/** The newest approved version of an audience: what runs, projections and overlap use. */
export function approvedVersion(db: Db, audienceId: number): ApprovedVersion | null {
  const row = db
    .prepare(
      `SELECT version, rule, suppressions_off FROM audience_versions
       WHERE audience_id = ? AND status = 'approved' ORDER BY version DESC LIMIT 1`,
    )
    .get(audienceId) as { version: number; rule: string; suppressions_off: string } | undefined;
  return row
    ? {
        version: row.version,
        rule: JSON.parse(row.rule) as RuleNode,
        suppressions_off: JSON.parse(row.suppressions_off),
      }
    : null;
}

/** What stops a month from running, each problem in words; empty when it can run. */
export function preflight(db: Db, month: string): string[] {
  if (!isMonth(month)) return [`"${month}" is not a month: write YYYY-MM, like 2026-12.`];
  const final = db.prepare("SELECT id FROM runs WHERE month = ? AND status = 'final'").pluck().get(month);
  if (final !== undefined) return [`${month} was already run and finalized (run ${final}); a final run never changes.`];
  const cells = plannedCells(db, month);
  if (cells.length === 0) return [`No offer is planned for ${month}: put offers in its column of the matrix first.`];
  const problems: string[] = [];
  for (const cell of cells) {
    if (!approvedVersion(db, cell.audience_id))
      problems.push(
        `The audience "${cell.audience}" has no approved version: approve it, or empty its cell in ${month}.`,
      );
    if (cell.template_id === null) problems.push(`The offer ${cell.offer} has no letter template: choose one.`);
    const texts = db
      .prepare(
        `SELECT 'The template "' || t.name || '"' AS what, t.body FROM letter_templates t WHERE t.id = ?
         UNION ALL SELECT 'The offer ' || o.code || '’s text', o.body FROM offers o WHERE o.id = ?`,
      )
      .all(cell.template_id, cell.offer_id) as { what: string; body: string }[];
    for (const { what, body } of texts) {
      try {
        const unknown = unknownFields(body);
        if (unknown.length)
          problems.push(
            `${what} uses ${unknown.map((f) => `{{${f}}}`).join(', ')}, which no letter has: fix the merge field.`,
          );
      } catch (error) {
        problems.push(`${what} cannot be read: ${(error as Error).message}`);
      }
    }
  }
  return [...new Set(problems)];
}

/** FNV-1a of the seed and a number: the order control groups are drawn in. */
function draw(seed: number, n: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const byte of [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
}

/** The Luhn check digit of a string of digits (catches a mistyped or swapped digit). */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** K, the month (YYMM), the cell (2 digits), the piece (5 digits) and a check digit. */
export function keycode(month: string, cell: number, piece: number): string {
  const digits = `${month.slice(2, 4)}${month.slice(5, 7)}${String(cell).padStart(2, '0')}${String(piece).padStart(5, '0')}`;
  return `K${digits}${luhnDigit(digits)}`;
}

/** Adds a cell's steps to the month's waterfall (the same step in several cells sums). */
function addSteps(total: Map<string, number>, steps: readonly { step: string; removed: number }[]): void {
  for (const s of steps) total.set(s.step, (total.get(s.step) ?? 0) + s.removed);
}

export function runMonth(db: Db, options: RunOptions): RunSummary {
  const { month } = options;
  const problems = preflight(db, month);
  if (problems.length) throw new AppError('invalid_input', `${month} cannot run yet:\n- ${problems.join('\n- ')}`);
  const settings = planSettings(db);
  const controlShare = options.controlShare ?? settings.control_share;
  if (!(controlShare >= 0 && controlShare <= 0.5))
    throw new AppError('invalid_input', `The control share must be between 0 and 0.5, not ${controlShare}.`);
  const perHousehold = options.offersPerHousehold ?? settings.offers_per_household;
  if (!Number.isInteger(perHousehold) || perHousehold < 1 || perHousehold > 3)
    throw new AppError('invalid_input', `A household can get 1 to 3 offers a month, not ${perHousehold}.`);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const asOf = `${month}-01`;
  const ctx = ruleContext(db, asOf);

  const offersTo = new Map<number, number>();
  const recipients: (RunRecipient & { audience_id: number; offer_id: number })[] = [];
  const cells: RunCell[] = [];
  const steps = new Map<string, number>();
  let eligibleTotal = 0;
  plannedCells(db, month).forEach((cell, index) => {
    const version = approvedVersion(db, cell.audience_id)!;
    const options: CountOptions = { asOf, product: cell.product_code, off: version.suppressions_off };
    const count = countAudience(db, version.rule, options);
    const [eligible, ...waterfall] = count.waterfall;
    eligibleTotal += eligible!.remaining;
    addSteps(steps, waterfall);

    // One letter per household: its first member in letter order among those left.
    const mailable = mailableWhere(compileRule(version.rule, ctx), activeSuppressions(db, asOf, options));
    const letters: { id: number; household: number }[] = [];
    let last = -1;
    for (const row of db
      .prepare(
        `SELECT c.id, c.household_id FROM customers c WHERE ${mailable.sql} ORDER BY c.household_id, ${LETTER_ORDER}`,
      )
      .raw()
      .iterate(...mailable.params) as IterableIterator<[number, number]>) {
      if (row[1] === last) continue;
      last = row[1];
      letters.push({ id: row[0], household: row[1] });
    }

    // Households holding the offered family (any member), and those already at the month's cap.
    const holders = new Set(
      db
        .prepare(
          `SELECT DISTINCT c.household_id FROM customers c JOIN account_owners o ON o.customer_id = c.id
           JOIN accounts a ON a.id = o.account_id JOIN products p ON p.code = a.product_code
           WHERE p.family = ? AND a.status IN ('OPEN', 'DORMANT')`,
        )
        .pluck()
        .all(cell.family) as number[],
    );
    const notHolding = letters.filter((l) => !holders.has(l.household));
    const kept = notHolding.filter((l) => (offersTo.get(l.household) ?? 0) < perHousehold);
    addSteps(steps, [
      {
        step: 'Household already holds the kind of product offered',
        removed: letters.length - notHolding.length,
      },
      { step: 'Already offered by a higher-priority audience this month', removed: notHolding.length - kept.length },
    ]);

    // The control group: the households first in the seed's order, exactly round(share × n).
    const order = [...kept].sort(
      (a, b) => draw(seed, a.household) - draw(seed, b.household) || a.household - b.household,
    );
    const control = new Set(order.slice(0, Math.round(kept.length * controlShare)).map((l) => l.household));
    addSteps(steps, [{ step: 'Control group (held out)', removed: control.size }]);
    kept.forEach((l, piece) => {
      offersTo.set(l.household, (offersTo.get(l.household) ?? 0) + 1);
      recipients.push({
        customer_id: l.id,
        household_id: l.household,
        audience: cell.audience,
        offer: cell.offer,
        group: control.has(l.household) ? 'control' : 'mailed',
        keycode: keycode(month, index + 1, piece + 1),
        audience_id: cell.audience_id,
        offer_id: cell.offer_id,
      });
    });
    cells.push({
      audience: cell.audience,
      offer: cell.offer,
      eligible: eligible!.remaining,
      mailed: kept.length - control.size,
      control: control.size,
    });
  });

  const waterfall: RunStep[] = [{ step: 'Eligible (the rules)', removed: 0, remaining: eligibleTotal }];
  let remaining = eligibleTotal;
  for (const [step, removed] of steps) {
    remaining -= removed;
    waterfall.push({ step, removed, remaining });
  }

  const runId = db.transaction(() => {
    db.prepare("DELETE FROM runs WHERE month = ? AND status = 'review'").run(month);
    const id = db
      .prepare(
        `INSERT INTO runs (month, status, seed, control_share, drop_date, summary, created_at, created_by)
         VALUES (?, 'review', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        month,
        seed,
        controlShare,
        asOf,
        JSON.stringify({ cells, waterfall }),
        new Date().toISOString(),
        options.actor,
      ).lastInsertRowid as number;
    const insert = db.prepare(
      `INSERT INTO run_recipients (run_id, customer_id, household_id, audience_id, offer_id, grp, keycode)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of recipients)
      insert.run(id, r.customer_id, r.household_id, r.audience_id, r.offer_id, r.group, r.keycode);
    audit(db, {
      actor: options.actor,
      action: 'run.create',
      entity: 'run',
      entity_id: String(id),
      detail: { month, seed, control_share: controlShare, cells },
    });
    return id;
  })();
  return { run_id: runId, month, status: 'review', cells, waterfall, files: [] };
}

/** Locks a reviewed run and writes the contact history of every mailed piece. */
export function finalizeRun(db: Db, runId: number, actor: string): RunSummary {
  return db.transaction(() => {
    const run = getRun(db, runId);
    if (run.status === 'final') throw new AppError('invalid_input', `Run ${runId} is already final.`);
    const author = db.prepare('SELECT created_by FROM runs WHERE id = ?').pluck().get(runId) as string;
    checkFourEyes(db, author, actor, 'finalize this month run');
    const at = new Date().toISOString();
    db.prepare("UPDATE runs SET status = 'final', finalized_at = ?, finalized_by = ? WHERE id = ?").run(
      at,
      actor,
      runId,
    );
    db.prepare(
      `INSERT INTO contact_history (customer_id, campaign, channel, contacted_on, responded_on)
       SELECT r.customer_id, o.code || ' ' || ?, 'mail', ?, NULL
       FROM run_recipients r JOIN offers o ON o.id = r.offer_id WHERE r.run_id = ? AND r.grp = 'mailed'`,
    ).run(run.month, run.drop_date, runId);
    audit(db, { actor, action: 'run.finalize', entity: 'run', entity_id: String(runId), detail: { month: run.month } });
    return { ...run.summary, status: 'final' as const };
  })();
}

interface StoredRun {
  month: string;
  status: 'review' | 'final';
  drop_date: string;
  summary: RunSummary;
}

export function getRun(db: Db, runId: number): StoredRun {
  const row = db.prepare('SELECT id, month, status, drop_date, summary FROM runs WHERE id = ?').get(runId) as
    { id: number; month: string; status: 'review' | 'final'; drop_date: string; summary: string } | undefined;
  if (!row) throw new AppError('not_found', `No run ${runId}.`);
  const { cells, waterfall } = JSON.parse(row.summary) as Pick<RunSummary, 'cells' | 'waterfall'>;
  return {
    month: row.month,
    status: row.status,
    drop_date: row.drop_date,
    summary: { run_id: row.id, month: row.month, status: row.status, cells, waterfall, files: [] },
  };
}

/** Everyone in a run, mailed and held out, in cell and keycode order. */
export function runRecipients(db: Db, runId: number): RunRecipient[] {
  getRun(db, runId);
  return db
    .prepare(
      `SELECT r.customer_id, r.household_id, a.name AS audience, o.code AS offer, r.grp AS "group", r.keycode
       FROM run_recipients r JOIN audiences a ON a.id = r.audience_id JOIN offers o ON o.id = r.offer_id
       WHERE r.run_id = ? ORDER BY r.keycode`,
    )
    .all(runId) as RunRecipient[];
}
