/**
 * What keeps customers out of mailings beyond the core's flags, loaded from files the bank
 * keeps elsewhere: suppression lists (a column of customer numbers, each list a step of the
 * waterfall) and customer marks (bankruptcy, complaint, credit decline, with their date).
 * A file loads whole or not at all: any row that does not resolve refuses it, naming the file,
 * row, column and value.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../src-shared/domain';
import { AppError } from '../app/errors';
import { audit } from '../db/audit';
import type { Db } from '../db/open';

export interface FileProblem {
  file: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A file refused, with its problems (the first ones in the message). */
export class ListFileError extends AppError {
  constructor(readonly problems: FileProblem[]) {
    const shown = problems
      .slice(0, 5)
      .map((p) => `${p.file} row ${p.row}, ${p.column} "${p.value}": ${p.reason}`)
      .join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super('invalid_input', `Nothing was loaded: ${shown}${more}.`);
  }
}

/** The file's rows by lower-cased header, with their row numbers in the file (header = row 1). */
function readRows(path: string, required: string[]): { rows: Record<string, string>[]; file: string } {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new AppError('invalid_input', `${file} is not a readable CSV file: ${(error as Error).message}`);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = required.filter((c) => !header.includes(c));
  if (rows.length === 0) throw new AppError('invalid_input', `${file} has no rows under its header.`);
  if (missing.length) {
    throw new AppError(
      'invalid_input',
      `${file} needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (it has ${header.join(', ') || 'none'}).`,
    );
  }
  return { rows, file };
}

function customerIds(db: Db): Map<string, number> {
  return new Map(db.prepare('SELECT customer_number, id FROM customers').raw().all() as [string, number][]);
}

export interface SuppressionListInfo {
  id: number;
  name: string;
  customers: number;
  created_at: string;
  actor: string;
}

export function listSuppressionLists(db: Db): SuppressionListInfo[] {
  return db
    .prepare(
      `SELECT l.id, l.name, l.created_at, l.actor, (SELECT count(*) FROM suppression_list_members m WHERE m.list_id = l.id) AS customers
       FROM suppression_lists l ORDER BY l.name`,
    )
    .all() as SuppressionListInfo[];
}

/** Loads a list of customer numbers (column customer_number) as the suppression list `name`. */
export function importSuppressionList(
  db: Db,
  name: string,
  path: string,
  options: { replace?: boolean; actor: string },
): SuppressionListInfo {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('invalid_input', 'A suppression list needs a name.');
  const { rows, file } = readRows(path, ['customer_number']);
  const ids = customerIds(db);
  const problems: FileProblem[] = [];
  const members = new Set<number>();
  rows.forEach((row, i) => {
    const value = row.customer_number ?? '';
    const id = ids.get(value);
    if (id === undefined)
      problems.push({ file, row: i + 2, column: 'customer_number', value, reason: 'no customer with this number' });
    else members.add(id);
  });
  if (problems.length) throw new ListFileError(problems);
  return db.transaction(() => {
    const existing = db.prepare('SELECT id FROM suppression_lists WHERE name = ?').pluck().get(trimmed) as
      number | undefined;
    if (existing !== undefined && !options.replace) {
      throw new AppError(
        'invalid_input',
        `There is already a suppression list named "${trimmed}": replace it, or pick another name.`,
      );
    }
    if (existing !== undefined) db.prepare('DELETE FROM suppression_lists WHERE id = ?').run(existing);
    const id = db
      .prepare('INSERT INTO suppression_lists (name, created_at, actor) VALUES (?, ?, ?)')
      .run(trimmed, new Date().toISOString(), options.actor).lastInsertRowid as number;
    const insert = db.prepare('INSERT INTO suppression_list_members (list_id, customer_id) VALUES (?, ?)');
    for (const customer of members) insert.run(id, customer);
    audit(db, {
      actor: options.actor,
      action: existing === undefined ? 'suppression_list.import' : 'suppression_list.replace',
      entity: 'suppression_list',
      entity_id: String(id),
      detail: { name: trimmed, file, customers: members.size },
    });
    return listSuppressionLists(db).find((l) => l.id === id)!;
  })();
}

export function deleteSuppressionList(db: Db, name: string, actor: string): boolean {
  return db.transaction(() => {
    const id = db.prepare('SELECT id FROM suppression_lists WHERE name = ?').pluck().get(name) as number | undefined;
    if (id === undefined) return false;
    db.prepare('DELETE FROM suppression_lists WHERE id = ?').run(id);
    audit(db, {
      actor,
      action: 'suppression_list.delete',
      entity: 'suppression_list',
      entity_id: String(id),
      detail: { name },
    });
    return true;
  })();
}

const MARKS = ['bankruptcy', 'complaint', 'credit_decline'] as const;

/** Loads customer marks (columns customer_number, mark, date); a mark already on file is kept once. */
export function importCustomerMarks(db: Db, path: string, actor: string): { added: number; already: number } {
  const { rows, file } = readRows(path, ['customer_number', 'mark', 'date']);
  const ids = customerIds(db);
  const problems: FileProblem[] = [];
  const marks: [number, string, string][] = [];
  rows.forEach((row, i) => {
    const at = i + 2;
    const number = row.customer_number ?? '';
    const mark = (row.mark ?? '').toLowerCase().replace(/[\s-]+/g, '_');
    const date = row.date ?? '';
    const id = ids.get(number);
    if (id === undefined)
      problems.push({
        file,
        row: at,
        column: 'customer_number',
        value: number,
        reason: 'no customer with this number',
      });
    if (!(MARKS as readonly string[]).includes(mark))
      problems.push({ file, row: at, column: 'mark', value: row.mark ?? '', reason: `not one of ${MARKS.join(', ')}` });
    if (!isIsoDate(date))
      problems.push({ file, row: at, column: 'date', value: date, reason: 'not a date written YYYY-MM-DD' });
    if (id !== undefined) marks.push([id, mark, date]);
  });
  if (problems.length) throw new ListFileError(problems);
  return db.transaction(() => {
    const insert = db.prepare(
      'INSERT OR IGNORE INTO customer_marks (customer_id, mark, marked_on, source) VALUES (?, ?, ?, ?)',
    );
    let added = 0;
    for (const [id, mark, date] of marks) added += insert.run(id, mark, date, file).changes;
    audit(db, {
      actor,
      action: 'customer_marks.import',
      entity: 'customer_marks',
      detail: { file, added, rows: marks.length },
    });
    return { added, already: marks.length - added };
  })();
}
