/**
 * Reads a response file into response records, through a profile:
 * - `mainstreet-responses`, the response layout (docs/standard-layout.md § Responses): new
 *   accounts with their later balances, applications, approvals and keycodes brought back;
 * - any other profile with an accounts file (the standard layout's, a core's saved profile):
 *   every account in the file is a candidate response, its owner the customer.
 * A file with a bad value is refused whole, each problem named by file, row, column and value.
 */
import { basename } from 'node:path';
import type { FileMapping } from '../../src-shared/mapping-profile';
import { AppError } from '../app/errors';
import type { Db } from '../db/open';
import { readCsv } from '../ingest/csv-stream';
import { findProfile, listProfiles } from '../ingest/profiles/store';
import { parseIsoDate, parseMoneyCents, type Parsed } from '../ingest/parse-values';
import { createAdapter } from '../ingest/record-adapter';
import { LAYOUT } from '../ingest/standard-layout';
import type { LoadIssue } from '../ingest/validate-row';

export const RESPONSE_PROFILE = 'mainstreet-responses';
export const RESPONSE_KINDS = ['account', 'application', 'approval', 'keycode'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export interface ResponseRecord {
  row: number;
  kind: ResponseKind;
  response_date: string;
  customer_number: string | null;
  account_number: string | null;
  product_code: string | null;
  keycode: string | null;
  first_name: string | null;
  last_name: string | null;
  address: string | null;
  zip: string | null;
  opening_balance_cents: number | null;
  balance_30_cents: number | null;
  balance_60_cents: number | null;
  balance_90_cents: number | null;
}

/** The response layout's columns, with the other names a file may give them. */
export const RESPONSE_COLUMNS: Record<string, readonly string[]> = {
  response_type: ['type', 'kind'],
  response_date: ['open_date', 'date', 'application_date', 'opened'],
  customer_number: ['customer', 'cif', 'owner_customer_number', 'member_number'],
  account_number: ['account'],
  product_code: ['product'],
  keycode: ['key_code', 'source_code', 'promo_code'],
  first_name: [],
  last_name: ['name'],
  address_line1: ['address', 'street'],
  zip: ['zip_code', 'postal_code'],
  opening_balance: ['balance', 'open_balance'],
  balance_30: ['balance_30_days'],
  balance_60: ['balance_60_days'],
  balance_90: ['balance_90_days'],
};

const MAX_ISSUES = 25;

function refuse(file: string, issues: LoadIssue[], rows: number): never {
  const lines = issues
    .slice(0, MAX_ISSUES)
    .map((i) => `- ${basename(i.file)}, row ${i.row}, column ${i.column}, value "${i.value}": ${i.reason}`);
  const more = issues.length > MAX_ISSUES ? `\n…and ${issues.length - MAX_ISSUES} more.` : '';
  throw new AppError(
    'invalid_input',
    `${basename(file)} was not imported (${issues.length} problem${issues.length === 1 ? '' : 's'} in ${rows} rows; nothing was stored). Fix the file and import it again:\n${lines.join('\n')}${more}`,
  );
}

const blank = (v: string | undefined): string | null => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

function parsed<T>(
  file: string,
  row: number,
  column: string,
  raw: string | null,
  parse: (raw: string) => Parsed<T>,
  issues: LoadIssue[],
): T | null {
  if (raw === null) return null;
  const result = parse(raw);
  if (result.ok) return result.value;
  issues.push({ file, row, column, value: raw, reason: result.reason });
  return null;
}

/** The accounts file mapping of a profile: the one whose name pattern fits, else the only one. */
function accountsMapping(profileName: string, mappings: FileMapping[], file: string): FileMapping {
  const accounts = mappings.filter((m) => m.kind === 'accounts');
  if (accounts.length === 0)
    throw new AppError(
      'invalid_input',
      `Profile "${profileName}" has no accounts file to read responses from: use ${RESPONSE_PROFILE} (the response layout) or a profile that maps an accounts file.`,
    );
  const name = basename(file).toLowerCase();
  const fits = accounts.find((m) => {
    const pattern = new RegExp(
      `^${m.match
        .toLowerCase()
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    return pattern.test(name);
  });
  return fits ?? accounts[0]!;
}

/** Accounts in a core's layout: each a candidate new-account response of its owner. */
async function readAccounts(file: string, mapping: FileMapping): Promise<ResponseRecord[]> {
  if (mapping.format.widths)
    throw new AppError('invalid_input', `Response files are read as CSV; ${basename(file)}'s profile is fixed-width.`);
  const issues: LoadIssue[] = [];
  const records: ResponseRecord[] = [];
  const columns = LAYOUT.accounts.map((c) => c.name);
  const at = (name: string) => columns.indexOf(name);
  const hasHeader = mapping.format.header !== false;
  let adapter = createAdapter(file, mapping, null);
  const take = (record: string[], row: number) => {
    const out = adapter.toStandard(record, row, issues);
    if (!out) return;
    const label = (name: string) => adapter.label(name);
    const date = parsed(file, row, label('open_date'), blank(out[at('open_date')]), parseIsoDate, issues);
    const balance = parsed(file, row, label('balance'), blank(out[at('balance')]), parseMoneyCents, issues);
    const account = blank(out[at('account_number')]);
    if (!date) {
      if (!blank(out[at('open_date')]))
        issues.push({ file, row, column: label('open_date'), value: '', reason: 'an account needs its open date' });
      return;
    }
    records.push({
      row,
      kind: 'account',
      response_date: date,
      customer_number: blank(out[at('owner_customer_number')]),
      account_number: account,
      product_code: blank(out[at('product_code')]),
      keycode: null,
      first_name: null,
      last_name: null,
      address: null,
      zip: null,
      opening_balance_cents: balance,
      balance_30_cents: null,
      balance_60_cents: null,
      balance_90_cents: null,
    });
  };
  const { records: rows } = await readCsv(file, {
    format: mapping.format,
    onHeader: (header) => {
      if (hasHeader) {
        adapter = createAdapter(file, mapping, header);
        issues.push(...adapter.headerIssues);
      } else take(header, 1);
      return adapter.headerIssues.length === 0;
    },
    onRecord: take,
  });
  if (issues.length > 0) refuse(file, issues, rows);
  return records;
}

/** The response layout, read by its header names (or their usual other names). */
async function readResponseLayout(file: string): Promise<ResponseRecord[]> {
  const issues: LoadIssue[] = [];
  const records: ResponseRecord[] = [];
  let index = new Map<string, number>();
  let header: string[] = [];
  const { records: rows } = await readCsv(file, {
    onHeader: (names) => {
      header = names.map((n) => n.trim());
      const lower = header.map((n) => n.toLowerCase().replace(/[\s-]+/g, '_'));
      index = new Map(
        Object.entries(RESPONSE_COLUMNS).flatMap(([name, others]) => {
          const i = [name, ...others].map((n) => lower.indexOf(n)).find((p) => p >= 0);
          return i === undefined ? [] : [[name, i] as const];
        }),
      );
      if (!index.has('response_date'))
        issues.push({
          file,
          row: 1,
          column: 'response_date',
          value: '',
          reason: `required column "response_date" (or open_date) is missing from the header: ${header.join(', ')}`,
        });
      const ways = ['customer_number', 'account_number', 'keycode', 'last_name'];
      if (!ways.some((w) => index.has(w)))
        issues.push({
          file,
          row: 1,
          column: 'customer_number',
          value: '',
          reason: 'a response file needs a customer number, account number, keycode or name and address to match by',
        });
      return issues.length === 0;
    },
    onRecord: (record, row) => {
      const get = (name: string) => {
        const i = index.get(name);
        return i === undefined ? null : blank(record[i]);
      };
      const col = (name: string) => header[index.get(name) ?? -1] ?? name;
      const money = (name: string) => parsed(file, row, col(name), get(name), parseMoneyCents, issues);
      const rawKind = (get('response_type') ?? 'account').toLowerCase();
      const kind = RESPONSE_KINDS.find((k) => k === rawKind || `${k}s` === rawKind);
      if (!kind)
        issues.push({
          file,
          row,
          column: col('response_type'),
          value: rawKind,
          reason: `expected one of ${RESPONSE_KINDS.join(', ')}`,
        });
      const date = parsed(file, row, col('response_date'), get('response_date'), parseIsoDate, issues);
      if (get('response_date') === null)
        issues.push({ file, row, column: col('response_date'), value: '', reason: 'a response needs its date' });
      const record_: ResponseRecord = {
        row,
        kind: kind ?? 'account',
        response_date: date ?? '',
        customer_number: get('customer_number'),
        account_number: get('account_number'),
        product_code: get('product_code'),
        keycode: get('keycode')?.toUpperCase() ?? null,
        first_name: get('first_name'),
        last_name: get('last_name'),
        address: get('address_line1'),
        zip: get('zip'),
        opening_balance_cents: money('opening_balance'),
        balance_30_cents: money('balance_30'),
        balance_60_cents: money('balance_60'),
        balance_90_cents: money('balance_90'),
      };
      if (!record_.customer_number && !record_.account_number && !record_.keycode && !record_.last_name)
        issues.push({
          file,
          row,
          column: col('customer_number'),
          value: '',
          reason: 'nothing to match by: give a customer number, account number, keycode or name and address',
        });
      records.push(record_);
    },
  });
  if (issues.length > 0) refuse(file, issues, rows);
  return records;
}

export async function readResponseFile(db: Db, file: string, profileName: string): Promise<ResponseRecord[]> {
  if (profileName === RESPONSE_PROFILE) return readResponseLayout(file);
  const profile = findProfile(db, profileName);
  if (!profile)
    throw new AppError(
      'invalid_input',
      `No profile named "${profileName}". Known: ${[RESPONSE_PROFILE, ...listProfiles(db).map((p) => p.name)].join(', ')}.`,
    );
  return readAccounts(file, accountsMapping(profileName, profile.files, file));
}
