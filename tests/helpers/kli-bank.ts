/**
 * A tiny bank in a temp SQLite file (all migrations applied) for KLI tests: customers,
 * accounts and hand-made transaction histories written straight into the tables, then
 * computeKlis and what it stored read back by customer name.
 *
 *   const bank = newBank();
 *   const ann = bank.customer('Ann Lee');
 *   const chk = bank.account(ann, 'CHK-FREE');
 *   bank.monthly(chk, '2025-07-05', 12, -52_000, 'ROCKET MORTGAGE PMT', { merchant: 'Rocket Mortgage', category: 'loan_payment' });
 *   bank.compute();
 *   expect(bank.flagged('mortgage-elsewhere')).toEqual(['Ann Lee']);
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { KliComputeResult, CustomerKli } from '../../src-shared/kli';
import type { MerchantCategory } from '../../src-shared/merchant-categories';
import { setSetting } from '../../src-main/bank/stats';
import { openDatabase, type Db } from '../../src-main/db/open';
import { computeKlis, type ComputeOptions } from '../../src-main/kli/compute';
import { customerKlis } from '../../src-main/kli/service';
import { useTempDir } from './temp-dir';

/** The bank's own name; its initials "PVCB" name it in descriptions too (bankNamesOf). */
export const BANK_NAME = 'Prairie Valley Community Bank';

/** The last date of the hand-made histories: the lookback is July 2025 to June 2026. */
export const AS_OF = '2026-06-30';
/** First day of the default 12-month lookback ending at AS_OF. */
export const WINDOW_START = '2025-07-01';

const PRODUCTS = {
  'CHK-FREE': { name: 'Free Checking', family: 'checking', interest: 0 },
  'CHK-INT': { name: 'Interest Checking', family: 'checking', interest: 1 },
  SAV: { name: 'Statement Savings', family: 'savings', interest: 1 },
  MM: { name: 'Money Market', family: 'money_market', interest: 1 },
  CD: { name: '12-Month CD', family: 'cd', interest: 1 },
  MTG: { name: '30-Year Mortgage', family: 'mortgage', interest: 1 },
  AUTO: { name: 'Auto Loan', family: 'auto', interest: 1 },
  CC: { name: 'Visa Card', family: 'credit_card', interest: 1 },
} as const;

export type ProductCode = keyof typeof PRODUCTS;

export interface Customer {
  id: number;
  name: string;
}

export interface Account {
  id: number;
  number: string;
}

export interface TxnOptions {
  /** Transaction code; DEP for money in and POS for money out unless given. */
  code?: string;
  /** The cleaned merchant name. */
  merchant?: string;
  category?: MerchantCategory;
  mcc?: string;
  /** Payee or counterparty ("AB 1234567890"). */
  counterparty?: string;
  /** balance_after_cents: the running balance a core like Berka's sends. */
  balance?: number;
}

export interface MonthlyOptions extends TxnOptions {
  /** Months (YYYY-MM) to leave out: a missed payment. */
  skip?: string[];
}

export interface KliResult {
  value: number;
  detail: string | null;
}

/** `date` moved by whole months, keeping the day (capped at 28 so every month has it). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Math.min(Number(date.slice(8, 10)), 28);
  const y = year + Math.floor(month / 12);
  const m = (((month % 12) + 12) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export class KliBank {
  readonly db: Db;
  private customers = 0;
  private accounts = 0;
  private transactions = 0;

  constructor(readonly path: string) {
    this.db = openDatabase(path);
    const product = this.db.prepare('INSERT INTO products (code, name, family, interest_bearing) VALUES (?, ?, ?, ?)');
    for (const [code, p] of Object.entries(PRODUCTS)) product.run(code, p.name, p.family, p.interest);
    setSetting(this.db, 'bank_name', BANK_NAME);
  }

  /** A customer alone in a household, or sharing the household with this key. */
  customer(name: string, options: { household?: string } = {}): Customer {
    const key = options.household ?? `single:${name}`;
    this.db
      .prepare('INSERT OR IGNORE INTO households (household_key, source) VALUES (?, ?)')
      .run(key, options.household ? 'address' : 'single');
    const household = this.db.prepare('SELECT id FROM households WHERE household_key = ?').pluck().get(key) as number;
    const [first = name, ...rest] = name.split(' ');
    const last = rest.join(' ');
    const number = String(++this.customers).padStart(6, '0');
    const id = this.db
      .prepare(
        `INSERT INTO customers (customer_number, first_name, last_name, address_line1, city, state, zip, household_id,
                                search_text, sort_name)
         VALUES (?, ?, ?, '1 Main St', 'Ames', 'IA', '50010', ?, ?, ?)`,
      )
      .run(number, first, last, household, `${number} ${name} ames`.toLowerCase(), `${last} ${first}`.toLowerCase())
      .lastInsertRowid as number;
    return { id, name };
  }

  /** An open account of `owner`, with joint owners if given; `balance` is its current balance. */
  account(
    owner: Customer,
    product: ProductCode,
    options: { joint?: Customer[]; balance?: number; status?: 'OPEN' | 'CLOSED' | 'DORMANT' } = {},
  ): Account {
    const number = `${product}-${String(++this.accounts).padStart(4, '0')}`;
    const id = this.db
      .prepare(
        `INSERT INTO accounts (account_number, product_code, open_date, status, balance_cents)
         VALUES (?, ?, '2020-01-15', ?, ?)`,
      )
      .run(number, product, options.status ?? 'OPEN', options.balance ?? 0).lastInsertRowid as number;
    const own = this.db.prepare('INSERT INTO account_owners (account_id, customer_id, role) VALUES (?, ?, ?)');
    own.run(id, owner.id, 'owner');
    for (const joint of options.joint ?? []) own.run(id, joint.id, 'joint');
    return { id, number };
  }

  /** One transaction; returns its id. */
  txn(account: Account, date: string, amountCents: number, description: string, options: TxnOptions = {}): number {
    return this.db
      .prepare(
        `INSERT INTO transactions (transaction_key, account_id, posted_date, amount_cents, code, description,
                                   merchant, category, mcc, counterparty, balance_after_cents)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `T${++this.transactions}`,
        account.id,
        date,
        amountCents,
        options.code ?? (amountCents >= 0 ? 'DEP' : 'POS'),
        description,
        options.merchant ?? null,
        options.category ?? null,
        options.mcc ?? null,
        options.counterparty ?? null,
        options.balance ?? null,
      ).lastInsertRowid as number;
  }

  /** The same transaction once a month for `months` months from `from` (same day), less `skip`. */
  monthly(
    account: Account,
    from: string,
    months: number,
    amountCents: number,
    description: string,
    options: MonthlyOptions = {},
  ): number[] {
    const { skip = [], ...txn } = options;
    const ids: number[] = [];
    for (let i = 0; i < months; i++) {
      const date = addMonths(from, i);
      if (skip.includes(date.slice(0, 7))) continue;
      ids.push(this.txn(account, date, amountCents, description, txn));
    }
    return ids;
  }

  /** A month-end balance snapshot; the average collected balance defaults to the balance. */
  snapshot(account: Account, asOf: string, balanceCents: number, averageCents: number | null = balanceCents): void {
    this.db
      .prepare(
        'INSERT INTO balance_snapshots (account_id, as_of, balance_cents, average_balance_cents) VALUES (?, ?, ?, ?)',
      )
      .run(account.id, asOf, balanceCents, averageCents);
  }

  setting(key: string, value: string): void {
    setSetting(this.db, key, value);
  }

  /** computeKlis over the default lookback ending at AS_OF unless told otherwise. */
  compute(options: Partial<ComputeOptions> = {}): KliComputeResult {
    return computeKlis(this.db, { actor: 'test', asOf: AS_OF, ...options });
  }

  /** Names of the customers with a KLI at the last compute, sorted. */
  flagged(kliId: string): string[] {
    return (
      this.db
        .prepare(
          `SELECT trim(c.first_name || ' ' || c.last_name) FROM kli_results r JOIN customers c ON c.id = r.customer_id
           WHERE r.kli_id = ?`,
        )
        .pluck()
        .all(kliId) as string[]
    ).sort();
  }

  /** A customer's stored value and detail for a KLI, or null when not flagged. */
  result(kliId: string, customer: Customer): KliResult | null {
    const row = this.db
      .prepare('SELECT value, detail FROM kli_results WHERE kli_id = ? AND customer_id = ?')
      .get(kliId, customer.id) as KliResult | undefined;
    return row ?? null;
  }

  /** Every stored result as "kli customer value detail" lines, for comparing two computes. */
  allResults(): string[] {
    return this.db
      .prepare(`SELECT kli_id || ' ' || customer_id || ' ' || value || ' ' || coalesce(detail, '') FROM kli_results`)
      .pluck()
      .all()
      .map(String)
      .sort();
  }

  /** The customer's KLIs as the profile shows them (own first, then the household's). */
  klisOf(customer: Customer): CustomerKli[] {
    return customerKlis(this.db, customer.id);
  }

  /** One of the customer's KLIs as the profile shows it. */
  kliOf(customer: Customer, kliId: string): CustomerKli | undefined {
    return this.klisOf(customer).find((k) => k.id === kliId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Call at describe level: returns a maker of fresh banks, each in its own temp folder and closed after the test. */
export function useKliBank(): () => KliBank {
  const tempDir = useTempDir('mainstreet-kli-');
  const open: KliBank[] = [];
  afterEach(() => {
    for (const bank of open.splice(0)) bank.close();
  });
  return () => {
    const bank = new KliBank(join(tempDir(), 'bank.sqlite'));
    open.push(bank);
    return bank;
  };
}
