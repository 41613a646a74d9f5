/**
 * Importing a response file: read through a profile, keep the rows dated on or after the drop
 * of the runs measured (one run, or every final run), match each back to a household mailed or
 * held out, and store them in one transaction with the import's counts. Doubtful matches wait
 * for the user (confirm or reject); an import can be taken back whole.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../app/errors';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import type { ResponseImport, ResponseImportResult, ResponseRow } from '../../src-shared/measure';
import { Matcher } from './match';
import { readResponseFile, type ResponseRecord } from './response-file';

export interface MeasuredRun {
  id: number;
  month: string;
  drop_date: string;
  status: 'review' | 'final';
}

/** The run named, or every final run: the campaigns a response can belong to. */
export function measuredRuns(db: Db, runId?: number): MeasuredRun[] {
  if (runId !== undefined) {
    const run = db.prepare('SELECT id, month, drop_date, status FROM runs WHERE id = ?').get(runId) as
      MeasuredRun | undefined;
    if (!run) throw new AppError('not_found', `No run ${runId}: see plan runs for their ids.`);
    return [run];
  }
  const runs = db
    .prepare("SELECT id, month, drop_date, status FROM runs WHERE status = 'final' ORDER BY drop_date")
    .all() as MeasuredRun[];
  if (runs.length === 0)
    throw new AppError(
      'invalid_input',
      'No final run to match responses to: finalize a month run first, or name a run with --run.',
    );
  return runs;
}

export async function importResponses(
  db: Db,
  input: { file: string; profile: string; runId?: number; actor: string },
): Promise<ResponseImportResult> {
  if (!existsSync(input.file) || !statSync(input.file).isFile())
    throw new AppError('invalid_input', `No file at ${input.file}: check the path.`);
  const runs = measuredRuns(db, input.runId);
  const records = await readResponseFile(db, input.file, input.profile);
  const fingerprint = createHash('sha256').update(readFileSync(input.file)).digest('hex');
  return storeResponses(db, records, runs, {
    file: basename(input.file),
    profile: input.profile,
    runId: input.runId,
    fingerprint,
    actor: input.actor,
  });
}

/** The name an import from the bank's own imported accounts goes by. */
export const CORE_DATA = 'core-data';

/**
 * New accounts already in the bank's data (the next monthly core export, imported as usual)
 * taken as responses: accounts opened on or after the first drop measured that no response
 * import holds yet, their owner the customer.
 */
export function scanCoreResponses(db: Db, input: { runId?: number; actor: string }): ResponseImportResult {
  const runs = measuredRuns(db, input.runId);
  const firstDrop = runs.reduce((min, r) => (r.drop_date < min ? r.drop_date : min), runs[0]!.drop_date);
  const rows = db
    .prepare(
      `SELECT a.account_number, a.product_code, a.open_date, a.balance_cents,
              (SELECT c.customer_number FROM account_owners o JOIN customers c ON c.id = o.customer_id
               WHERE o.account_id = a.id ORDER BY o.role = 'owner' DESC LIMIT 1) AS customer_number
       FROM accounts a
       WHERE a.open_date >= ? AND a.account_number NOT IN (SELECT account_number FROM responses WHERE account_number IS NOT NULL)
       ORDER BY a.open_date, a.account_number`,
    )
    .all(firstDrop) as {
    account_number: string;
    product_code: string;
    open_date: string;
    balance_cents: number;
    customer_number: string | null;
  }[];
  const records: ResponseRecord[] = rows.map((r, i) => ({
    row: i + 1,
    kind: 'account',
    response_date: r.open_date,
    customer_number: r.customer_number,
    account_number: r.account_number,
    product_code: r.product_code,
    keycode: null,
    first_name: null,
    last_name: null,
    address: null,
    zip: null,
    opening_balance_cents: r.balance_cents,
    balance_30_cents: null,
    balance_60_cents: null,
    balance_90_cents: null,
  }));
  const fingerprint = createHash('sha256')
    .update(rows.map((r) => r.account_number).join('\n'))
    .digest('hex');
  return storeResponses(db, records, runs, {
    file: 'accounts in the bank’s data',
    profile: CORE_DATA,
    runId: input.runId,
    fingerprint,
    actor: input.actor,
  });
}

function storeResponses(
  db: Db,
  records: ResponseRecord[],
  runs: MeasuredRun[],
  input: { file: string; profile: string; runId?: number; fingerprint: string; actor: string },
): ResponseImportResult {
  const firstDrop = runs.reduce((min, r) => (r.drop_date < min ? r.drop_date : min), runs[0]!.drop_date);
  const responses = records.filter((r) => r.response_date >= firstDrop);
  const matcher = new Matcher(
    db,
    runs.map((r) => r.id),
  );
  const matched = responses.map((r) => ({ record: r, match: matcher.match(r) }));
  const family = db.prepare('SELECT family FROM products WHERE code = ?').pluck();
  const count = (status: string) => matched.filter((m) => m.match.status === status).length;
  const result = {
    rows: records.length,
    not_responses: records.length - responses.length,
    matched: count('matched'),
    doubtful: count('doubtful'),
    unmatched: count('unmatched') + count('doubtful'),
    match_rate: responses.length === 0 ? 0 : count('matched') / responses.length,
  };
  const importId = db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO response_imports (file, profile, run_id, fingerprint, rows, not_responses, matched, unmatched, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.file,
        input.profile,
        input.runId ?? null,
        input.fingerprint,
        result.rows,
        result.not_responses,
        result.matched,
        result.unmatched,
        new Date().toISOString(),
        input.actor,
      ).lastInsertRowid as number;
    const insert = db.prepare(
      `INSERT INTO responses (import_id, row, kind, response_date, customer_number, account_number, product_code, family,
         keycode, name, address, zip, opening_balance_cents, balance_30_cents, balance_60_cents, balance_90_cents,
         customer_id, household_id, match_rule, match_score, match_status, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const { record: r, match: m } of matched) {
      const name = [r.first_name, r.last_name].filter(Boolean).join(' ') || null;
      insert.run(
        id,
        r.row,
        r.kind,
        r.response_date,
        r.customer_number,
        r.account_number,
        r.product_code,
        r.product_code ? ((family.get(r.product_code) as string | undefined) ?? null) : null,
        r.keycode,
        name,
        r.address,
        r.zip,
        r.opening_balance_cents,
        r.balance_30_cents,
        r.balance_60_cents,
        r.balance_90_cents,
        m.customer_id,
        m.household_id,
        m.rule,
        m.score,
        m.status,
        m.note,
      );
    }
    audit(db, {
      actor: input.actor,
      action: 'responses.import',
      entity: 'responses',
      entity_id: String(id),
      detail: { file: input.file, profile: input.profile, run_id: input.runId ?? null, ...result },
    });
    return id;
  })();
  return { import_id: importId, ...result };
}

/** Responses of one status (or all), oldest import first. */
/** A response with the customer it matched, as the screens show it. */
const RESPONSE_ROW = `SELECT r.id, r.import_id, r.row, r.kind, r.response_date, r.customer_number, r.name, r.product_code, r.family,
    r.keycode, r.customer_id, r.household_id, r.match_rule, r.match_score, r.match_status, r.note, r.address, r.zip,
    trim(c.first_name || ' ' || c.last_name) AS matched_name,
    CASE WHEN c.id IS NULL THEN NULL ELSE c.address_line1 || ', ' || c.city || ' ' || c.state || ' ' || c.zip END AS matched_address
  FROM responses r LEFT JOIN customers c ON c.id = r.customer_id`;

export function listResponses(db: Db, status?: ResponseRow['match_status'], limit = 5000): ResponseRow[] {
  return db
    .prepare(
      `${RESPONSE_ROW} WHERE @status IS NULL OR r.match_status = @status ORDER BY r.import_id, r.row LIMIT @limit`,
    )
    .all({ status: status ?? null, limit }) as ResponseRow[];
}

/** The user's word on a doubtful (or any fuzzy) match: counted once confirmed, never once rejected. */
export function decideMatch(db: Db, id: number, decision: 'confirmed' | 'rejected', actor: string): ResponseRow {
  const row = db.prepare('SELECT match_status, match_rule FROM responses WHERE id = ?').get(id) as
    { match_status: string; match_rule: string | null } | undefined;
  if (!row) throw new AppError('not_found', `No response ${id}.`);
  if (row.match_rule !== 'name_address')
    throw new AppError(
      'invalid_input',
      `Response ${id} was not matched by name and address; there is nothing to decide.`,
    );
  db.transaction(() => {
    db.prepare('UPDATE responses SET match_status = ?, note = NULL WHERE id = ?').run(decision, id);
    audit(db, {
      actor,
      action: `responses.${decision === 'confirmed' ? 'confirm' : 'reject'}`,
      entity: 'responses',
      entity_id: String(id),
      detail: { before: row.match_status },
    });
  })();
  return db.prepare(`${RESPONSE_ROW} WHERE r.id = ?`).get(id) as ResponseRow;
}

/** Takes a response import back whole. */
export function deleteResponseImport(db: Db, importId: number, actor: string): void {
  db.transaction(() => {
    const gone = db.prepare('DELETE FROM response_imports WHERE id = ?').run(importId).changes;
    if (gone === 0) throw new AppError('not_found', `No response import ${importId}.`);
    audit(db, { actor, action: 'responses.delete-import', entity: 'responses', entity_id: String(importId) });
  })();
}

export function listResponseImports(db: Db): ResponseImport[] {
  return db
    .prepare(
      `SELECT id, file, profile, run_id, rows, not_responses, matched, unmatched, imported_at, imported_by
       FROM response_imports ORDER BY id DESC`,
    )
    .all() as ResponseImport[];
}
