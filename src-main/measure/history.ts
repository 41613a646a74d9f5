/**
 * A past campaign as the baseline: its contact list with whether each contact responded (e.g.
 * the UCI bank-marketing file: 45,211 telemarketing contacts and whether each subscribed to a
 * term deposit). No customer ids: what is kept is each contact's segment (age band, job, marital
 * status, education, channel, month, the previous campaign's outcome) and the outcome. It gives
 * response rates by segment, and the family's baseline rate for the matrix's projections.
 */
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { isProductFamily } from '../../src-shared/domain';
import type { HistoryImport, HistoryReport, HistorySegment } from '../../src-shared/history';
import { AppError } from '../app/errors';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { readCsv } from '../ingest/csv-stream';
import type { LoadIssue } from '../ingest/validate-row';

/** Where each kept field comes from: the first header name found (case-insensitive). */
const SOURCES = {
  age: ['age'],
  job: ['job', 'occupation'],
  marital: ['marital', 'marital_status'],
  education: ['education'],
  channel: ['contact', 'channel'],
  month: ['month', 'contact_month'],
  previous_outcome: ['poutcome', 'previous_outcome'],
  outcome: ['y', 'outcome', 'responded', 'response', 'subscribed'],
} as const;

const YES = new Set(['yes', 'y', '1', 'true', 'success']);
const NO = new Set(['no', 'n', '0', 'false', 'failure', '']);

export const AGE_BANDS = ['18–24', '25–34', '35–44', '45–54', '55–64', '65+'] as const;

export function ageBand(age: number): string {
  if (age < 25) return AGE_BANDS[0];
  if (age < 35) return AGE_BANDS[1];
  if (age < 45) return AGE_BANDS[2];
  if (age < 55) return AGE_BANDS[3];
  if (age < 65) return AGE_BANDS[4];
  return AGE_BANDS[5];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The file's delimiter: whichever of ; , tab appears most in its first line. */
function sniffDelimiter(file: string): string {
  const first = readFileSync(file, 'utf8').slice(0, 4096).split(/\r?\n/)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

interface Contact {
  age_band: string | null;
  job: string | null;
  marital: string | null;
  education: string | null;
  channel: string | null;
  month: string | null;
  previous_outcome: string | null;
  responded: 0 | 1;
}

export async function importHistory(
  db: Db,
  input: { file: string; name: string; family: string; actor: string },
): Promise<HistoryImport> {
  if (!isProductFamily(input.family))
    throw new AppError('invalid_input', `"${input.family}" is not a product family (e.g. cd, checking, heloc).`);
  const name = input.name.trim();
  if (!name) throw new AppError('invalid_input', 'Give the history a name, e.g. "2013 term-deposit calls".');
  let index = new Map<string, number>();
  const issues: LoadIssue[] = [];
  const contacts: Contact[] = [];
  let header: string[] = [];
  try {
    await readCsv(input.file, {
      format: { delimiter: sniffDelimiter(input.file) },
      onHeader: (names) => {
        header = names.map((n) => n.trim());
        const lower = header.map((n) => n.toLowerCase());
        index = new Map(
          Object.entries(SOURCES).flatMap(([field, names_]) => {
            const i = (names_ as readonly string[]).map((n) => lower.indexOf(n)).find((p) => p >= 0);
            return i === undefined ? [] : [[field, i] as const];
          }),
        );
        if (!index.has('outcome'))
          issues.push({
            file: input.file,
            row: 1,
            column: 'y',
            value: '',
            reason: `no outcome column (y, outcome, responded or subscribed) in the header: ${header.join(', ')}`,
          });
        return issues.length === 0;
      },
      onRecord: (record, row) => {
        const get = (field: keyof typeof SOURCES) => {
          const i = index.get(field);
          return i === undefined ? null : (record[i] ?? '').trim();
        };
        const outcome = (get('outcome') ?? '').toLowerCase();
        if (!YES.has(outcome) && !NO.has(outcome)) {
          issues.push({
            file: input.file,
            row,
            column: header[index.get('outcome')!] ?? 'y',
            value: outcome,
            reason: 'expected yes or no',
          });
          return;
        }
        const rawAge = get('age');
        const age = rawAge === null || rawAge === '' ? null : Number(rawAge);
        if (age !== null && !(Number.isInteger(age) && age >= 16 && age <= 120)) {
          issues.push({
            file: input.file,
            row,
            column: header[index.get('age')!] ?? 'age',
            value: rawAge ?? '',
            reason: 'expected an age in years',
          });
          return;
        }
        const text = (field: keyof typeof SOURCES) => {
          const v = get(field);
          return v === null || v === '' ? null : v.toLowerCase();
        };
        const month = text('month');
        contacts.push({
          age_band: age === null ? null : ageBand(age),
          job: text('job'),
          marital: text('marital'),
          education: text('education'),
          channel: text('channel'),
          month: month && MONTHS.includes(month.slice(0, 3)) ? month.slice(0, 3) : month,
          previous_outcome: text('previous_outcome'),
          responded: YES.has(outcome) ? 1 : 0,
        });
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppError('invalid_input', `No file at ${input.file}: check the path.`);
    throw error;
  }
  if (issues.length > 0) {
    const lines = issues
      .slice(0, 20)
      .map((i) => `- ${basename(i.file)}, row ${i.row}, column ${i.column}, value "${i.value}": ${i.reason}`);
    throw new AppError(
      'invalid_input',
      `${basename(input.file)} was not imported (${issues.length} problems; nothing was stored):\n${lines.join('\n')}`,
    );
  }
  if (contacts.length === 0) throw new AppError('invalid_input', `${basename(input.file)} has no contacts.`);
  const responders = contacts.reduce((s, c) => s + c.responded, 0);
  return db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO history_imports (name, family, file, contacts, responders, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(name, input.family, basename(input.file), contacts.length, responders, new Date().toISOString(), input.actor)
      .lastInsertRowid as number;
    const insert = db.prepare(
      `INSERT INTO history_contacts (import_id, age_band, job, marital, education, channel, month, previous_outcome, responded)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of contacts)
      insert.run(id, c.age_band, c.job, c.marital, c.education, c.channel, c.month, c.previous_outcome, c.responded);
    audit(db, {
      actor: input.actor,
      action: 'history.import',
      entity: 'history',
      entity_id: String(id),
      detail: { name, family: input.family, file: basename(input.file), contacts: contacts.length, responders },
    });
    return listHistories(db).find((h) => h.id === id)!;
  })();
}

export function listHistories(db: Db): HistoryImport[] {
  return (
    db
      .prepare(
        'SELECT id, name, family, file, contacts, responders, imported_at, imported_by FROM history_imports ORDER BY id DESC',
      )
      .all() as Omit<HistoryImport, 'rate'>[]
  ).map((h) => ({ ...h, rate: h.contacts > 0 ? h.responders / h.contacts : 0 }));
}

export function deleteHistory(db: Db, id: number, actor: string): HistoryImport[] {
  db.transaction(() => {
    if (db.prepare('DELETE FROM history_imports WHERE id = ?').run(id).changes === 0)
      throw new AppError('not_found', `No history ${id}.`);
    audit(db, { actor, action: 'history.delete', entity: 'history', entity_id: String(id) });
  })();
  return listHistories(db);
}

/** The segments reported, in the order shown. */
export const SEGMENTS = [
  { key: 'age_band', label: 'Age band' },
  { key: 'job', label: 'Job' },
  { key: 'previous_outcome', label: 'Previous campaign’s outcome' },
  { key: 'month', label: 'Month contacted' },
  { key: 'channel', label: 'Channel' },
  { key: 'marital', label: 'Marital status' },
  { key: 'education', label: 'Education' },
] as const;

/** Response rates by segment of one history, each value with its contacts and a 95% interval. */
export function historyReport(db: Db, id: number): HistoryReport {
  const history = listHistories(db).find((h) => h.id === id);
  if (!history) throw new AppError('not_found', `No history ${id}.`);
  const segments: HistorySegment[] = [];
  for (const { key, label } of SEGMENTS) {
    const rows = db
      .prepare(
        `SELECT ${key} AS value, count(*) AS contacts, sum(responded) AS responders FROM history_contacts
         WHERE import_id = ? AND ${key} IS NOT NULL GROUP BY ${key}`,
      )
      .all(id) as { value: string; contacts: number; responders: number }[];
    if (rows.length === 0) continue;
    const order = (v: string) =>
      key === 'age_band' ? (AGE_BANDS as readonly string[]).indexOf(v) : key === 'month' ? MONTHS.indexOf(v) : 0;
    rows.sort((a, b) => order(a.value) - order(b.value) || b.contacts - a.contacts);
    segments.push({
      key,
      label,
      values: rows.map((r) => {
        const rate = r.responders / r.contacts;
        const margin = 1.959963984540054 * Math.sqrt((rate * (1 - rate)) / r.contacts);
        return {
          value: r.value,
          contacts: r.contacts,
          responders: r.responders,
          rate,
          ci_low: Math.max(0, rate - margin),
          ci_high: Math.min(1, rate + margin),
        };
      }),
    });
  }
  return { history, segments };
}

/** The newest history's overall rate for each family: the projections' baseline. */
export function historyRates(db: Db): Map<string, { rate: number; name: string; contacts: number }> {
  const rates = new Map<string, { rate: number; name: string; contacts: number }>();
  for (const h of listHistories(db))
    if (!rates.has(h.family)) rates.set(h.family, { rate: h.rate, name: h.name, contacts: h.contacts });
  return rates;
}
