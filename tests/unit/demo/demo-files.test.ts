import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FAMILY_INFO, PRODUCT_FAMILIES, TRANSACTION_CODES } from '../../../src-shared/domain';
import { LAYOUT } from '../../../src-main/ingest/standard-layout';
import { MAINSTREET_STANDARD } from '../../../src-main/ingest/profiles/mainstreet-standard';
import { createAdapter } from '../../../src-main/ingest/record-adapter';
import { layoutBindings, validateRecord, type LoadIssue } from '../../../src-main/ingest/validate-row';
import { householdKey } from '../../../src-main/ingest/household-key';
import { cents, FILE_NAMES, generateBank, KINDS, useDemoBank, type Row } from './demo-bank';

const END = '2026-10-31';
const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'standard-layout.md'), 'utf8');

function documentedColumns(kind: string): string[] {
  const section = doc.split(`## ${kind}.csv`)[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| ([a-z_0-9]+) \| [^|]+ \| (?:yes|optional) \|/gm)].map((m) => m[1] ?? '');
}

function hashes(dir: string): string[] {
  return FILE_NAMES.map((name) =>
    createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex'),
  );
}

describe('the demo bank files', () => {
  const bank = useDemoBank({ customers: 600, seed: 7 });

  it('are the same bytes for the same options and different for another seed', async () => {
    const again = await generateBank({ customers: 600, seed: 7 }, []);
    const other = await generateBank({ customers: 600, seed: 8 }, []);
    try {
      expect(hashes(again.dir)).toEqual(hashes(bank().dir));
      const otherHashes = hashes(other.dir);
      hashes(bank().dir).forEach((hash, i) => {
        // products.csv is the catalog, the same for every seed.
        if (FILE_NAMES[i] !== 'products.csv') expect(otherHashes[i]).not.toBe(hash);
      });
    } finally {
      rmSync(again.dir, { recursive: true, force: true });
      rmSync(other.dir, { recursive: true, force: true });
    }
  });

  it.each(KINDS)('%s.csv has the layout doc’s columns, in its order', (kind) => {
    const header = bank().header[`${kind}.csv`] ?? [];
    // The demo leaves out only optional columns at the end (country, tax id, owner links…).
    const documented = documentedColumns(kind);
    expect(header).toEqual(documented.slice(0, header.length));
    expect(LAYOUT[kind].slice(header.length).every((c) => !c.required)).toBe(true);
  });

  it('every row passes the importer’s own column checks', () => {
    for (const kind of KINDS) {
      const name = `${kind}.csv`;
      const issues: LoadIssue[] = [];
      // The importer's own path: the standard profile's mapping, then the layout's checks.
      const mapping = MAINSTREET_STANDARD.files.find((f) => f.kind === kind);
      if (!mapping) throw new Error(`no standard mapping for ${kind}`);
      const adapter = createAdapter(name, mapping, bank().header[name] ?? []);
      expect(adapter.headerIssues).toEqual([]);
      const bindings = layoutBindings(LAYOUT[kind]);
      const records = parse(bank().text[name] ?? '', { bom: true, from_line: 2 }) as string[][];
      records.forEach((record, i) => {
        const standard = adapter.toStandard(record, i + 2, issues);
        if (standard) validateRecord(name, i + 2, standard, bindings, issues);
      });
      expect(issues.slice(0, 3)).toEqual([]);
    }
  });

  it('is RFC 4180 exactly as csv-stringify writes it', () => {
    for (const name of FILE_NAMES) {
      const text = bank().text[name] ?? '';
      expect(stringify(parse(text) as string[][])).toBe(text);
    }
  });

  it('reports the counts it wrote', () => {
    const { result, rows } = bank();
    expect(result.counts).toMatchObject({
      products: rows.products.length,
      customers: 600,
      accounts: rows.accounts.length,
      transactions: rows.transactions.length,
      balances: rows.balances.length,
    });
    expect(rows.customers).toHaveLength(600);
    expect(rows.truth).toHaveLength(600);
    expect(result.bankName).toBeTruthy();
    expect(Object.values(result.files).map((f) => f.split(/[\\/]/).pop())).toEqual(KINDS.map((k) => `${k}.csv`));
  });

  it('keeps keys unique and every reference resolvable', () => {
    const { rows } = bank();
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(rows.products.map((r) => r.product_code ?? ''));
    unique(rows.customers.map((r) => r.customer_number ?? ''));
    unique(rows.accounts.map((r) => r.account_number ?? ''));
    unique(rows.transactions.map((r) => r.transaction_id ?? ''));
    unique(rows.balances.map((r) => `${r.account_number} ${r.as_of_date}`));

    const customers = new Set(rows.customers.map((r) => r.customer_number));
    const products = new Set(rows.products.map((r) => r.product_code));
    const accounts = new Set(rows.accounts.map((r) => r.account_number));
    const missing = (values: (string | undefined)[], known: Set<string | undefined>) =>
      values.filter((v) => v && !known.has(v));
    expect(
      missing(
        rows.accounts.map((a) => a.product_code),
        products,
      ),
    ).toEqual([]);
    expect(
      missing(
        rows.accounts.map((a) => a.owner_customer_number),
        customers,
      ),
    ).toEqual([]);
    expect(
      missing(
        rows.accounts.map((a) => a.joint_customer_number),
        customers,
      ),
    ).toEqual([]);
    expect(
      missing(
        rows.transactions.map((t) => t.account_number),
        accounts,
      ),
    ).toEqual([]);
    expect(
      missing(
        rows.balances.map((b) => b.account_number),
        accounts,
      ),
    ).toEqual([]);
    const owning = new Set(rows.accounts.flatMap((a) => [a.owner_customer_number, a.joint_customer_number]));
    expect(
      missing(
        rows.customers.map((c) => c.customer_number),
        owning,
      ),
    ).toEqual([]);
    expect(new Set(rows.truth.map((r) => r.customer_number))).toEqual(customers);
  });

  it('covers every product family and uses only the layout’s codes', () => {
    const { rows } = bank();
    expect(new Set(rows.products.map((r) => r.family))).toEqual(new Set(PRODUCT_FAMILIES));
    for (const p of rows.products) {
      const deposit = FAMILY_INFO[p.family as keyof typeof FAMILY_INFO].kind === 'deposit';
      expect(p.interest_bearing).toMatch(deposit ? /^[YN]$/ : /^$/);
    }
    const codes = new Set(rows.transactions.map((r) => r.code));
    for (const code of codes) expect(TRANSACTION_CODES).toContain(code);
    expect(codes.size).toBe(TRANSACTION_CODES.length);
  });

  it('has no date after the end date and no customer older than the bank allows', () => {
    const { rows } = bank();
    const dates = [
      ...rows.transactions.map((r) => r.posted_date),
      ...rows.balances.map((r) => r.as_of_date),
      ...rows.accounts.flatMap((r) => [r.open_date, r.close_date]),
      ...rows.customers.flatMap((r) => [r.customer_since, r.birth_date]),
    ].filter((d): d is string => Boolean(d));
    expect(dates.every((d) => d <= END)).toBe(true);
    expect(rows.transactions.some((r) => r.posted_date === END)).toBe(true);
    const first = rows.transactions.reduce(
      (min, r) => ((r.posted_date ?? '') < min ? (r.posted_date ?? '') : min),
      END,
    );
    expect(first >= '2025-10-01').toBe(true);
    const badSince = rows.customers.filter(
      (c) => c.customer_since! < '1986-10-31' || c.customer_since! < c.birth_date!,
    );
    expect(badSince).toEqual([]);
  });

  it('keeps running balances, month-end snapshots and account balances consistent', () => {
    const { rows } = bank();
    const family = new Map(rows.products.map((p) => [p.product_code, p.family as keyof typeof FAMILY_INFO]));
    const loan = new Map(
      rows.accounts.map((a) => [a.account_number, FAMILY_INFO[family.get(a.product_code)!].kind === 'loan']),
    );
    const problems: string[] = [];
    const history = new Map<string, { date: string; balance: number }[]>();
    for (const t of rows.transactions) {
      const account = t.account_number ?? '';
      const postings = history.get(account) ?? [];
      const before = postings[postings.length - 1];
      const balance = cents(t.balance_after ?? '');
      const amount = cents(t.amount ?? '');
      if (before && balance !== (loan.get(account) ? before.balance - amount : before.balance + amount)) {
        problems.push(`running balance of transaction ${t.transaction_id}`);
      }
      if (before && (t.posted_date ?? '') < before.date) problems.push(`order of transaction ${t.transaction_id}`);
      postings.push({ date: t.posted_date ?? '', balance });
      history.set(account, postings);
    }
    // A snapshot is the balance after the last posting on or before its date.
    for (const s of rows.balances) {
      const upTo = (history.get(s.account_number ?? '') ?? []).filter((p) => p.date <= (s.as_of_date ?? '')).pop();
      if (upTo && cents(s.balance ?? '') !== upTo.balance)
        problems.push(`snapshot ${s.account_number} ${s.as_of_date}`);
    }
    const atEnd = new Map(rows.balances.filter((b) => b.as_of_date === END).map((b) => [b.account_number, b.balance]));
    for (const a of rows.accounts) {
      const final = history.get(a.account_number ?? '')?.at(-1);
      if (a.status === 'CLOSED' && a.balance !== '0.00') problems.push(`closed ${a.account_number} holds money`);
      if (a.status !== 'CLOSED' && final && cents(a.balance ?? '') !== final.balance) {
        problems.push(`balance of ${a.account_number}`);
      }
      const kind = FAMILY_INFO[family.get(a.product_code)!].kind;
      if (a.status === 'OPEN' && kind !== 'service' && atEnd.get(a.account_number) !== a.balance) {
        problems.push(`end snapshot of ${a.account_number}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('writes only month-end snapshots, one per month the account was open', () => {
    const { rows } = bank();
    const monthEnds = new Set(rows.balances.map((b) => b.as_of_date));
    expect(monthEnds.size).toBe(13);
    for (const d of monthEnds) {
      const next = new Date(`${d}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(next.getUTCDate()).toBe(1);
    }
    const accounts = new Map(rows.accounts.map((a) => [a.account_number, a]));
    const outside = rows.balances.filter((b) => {
      const a = accounts.get(b.account_number)!;
      return (
        b.as_of_date! < a.open_date! || (a.close_date && b.as_of_date! >= a.close_date) || a.status === 'CHARGED_OFF'
      );
    });
    expect(outside).toEqual([]);
  });

  it('gives every household its own address and leaves household_id empty', () => {
    const { rows } = bank();
    const byKey = new Map<string, Row[]>();
    for (const c of rows.customers) {
      expect(c.household_id).toBe('');
      const key = householdKey({
        customer_number: c.customer_number ?? '',
        household_id: null,
        address_line1: c.address_line1 ?? '',
        address_line2: c.address_line2 || null,
        zip: c.zip ?? '',
      }).key;
      byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
    const truthHousehold = new Map(rows.truth.map((t) => [t.customer_number, t.household]));
    for (const members of byKey.values()) {
      expect(new Set(members.map((m) => truthHousehold.get(m.customer_number))).size).toBe(1);
      expect(new Set(members.map((m) => `${m.city}|${m.state}|${m.zip}|${m.branch}`)).size).toBe(1);
    }
    expect(byKey.size).toBe(new Set(rows.truth.map((t) => t.household)).size);
  });
});

describe('a window that ends mid-month', () => {
  it('stops on the end date and snapshots only completed months', async () => {
    const bank = await generateBank({ customers: 150, seed: 3, endDate: '2026-06-15' });
    try {
      const { rows } = bank;
      const dates = rows.transactions.map((r) => r.posted_date ?? '');
      expect(dates.every((d) => d <= '2026-06-15' && d >= '2025-06-01')).toBe(true);
      expect([...new Set(rows.balances.map((b) => b.as_of_date))].sort()).toEqual([
        '2025-06-30',
        '2025-07-31',
        '2025-08-31',
        '2025-09-30',
        '2025-10-31',
        '2025-11-30',
        '2025-12-31',
        '2026-01-31',
        '2026-02-28',
        '2026-03-31',
        '2026-04-30',
        '2026-05-31',
      ]);
    } finally {
      rmSync(bank.dir, { recursive: true, force: true });
    }
  });

  it('refuses an end date that is not a date', async () => {
    await expect(generateBank({ customers: 10, seed: 1, endDate: '2026-02-30' })).rejects.toThrow(/calendar date/);
    await expect(generateBank({ customers: 0, seed: 1 })).rejects.toThrow(/customers/);
  });
});
