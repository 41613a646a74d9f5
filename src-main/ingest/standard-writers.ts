/**
 * Writers for each kind of standard file: they take validated rows, check references against
 * what is already loaded, and upsert by natural key so a re-import changes nothing. Every
 * change goes through the import's undo journal.
 */
import { createHmac } from 'node:crypto';
import { FAMILY_INFO, type HouseholdRule, type ProductFamily } from '../../src-shared/domain';
import type { Db } from '../db/open';
import { signatureNumberer } from '../bank/signatures';
import { householdKey } from './household-key';
import type { FieldValue, StandardKind } from './standard-layout';
import { US_STATE, US_ZIP } from './standard-layout';
import type { UndoJournal } from './undo-journal';
type Row = Record<string, FieldValue>;
/** Returns null when written, or [column, value, reason] when a reference does not resolve. */
export type RowWriter = (row: Row) => [string, string, string] | null;

/**
 * A customer's personal fields. Once a customer is erased on request (Settings › Privacy), an
 * import updates everything else but leaves these as the erasure left them.
 */
const ERASABLE = [
  'first_name',
  'last_name',
  'birth_date',
  'gender',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'zip',
  'phone',
  'email',
  'search_text',
  'sort_name',
  'tax_id_hash',
] as const;
const keepErased = (column: string) =>
  `${column} = CASE WHEN customers.erased_at IS NULL THEN excluded.${column} ELSE customers.${column} END`;

type Value = FieldValue | undefined;
const str = (v: Value): string | null => (v === null || v === undefined ? null : String(v));
const req = (v: Value): string => String(v);
const num = (v: Value): number | null => (typeof v === 'number' ? v : null);
const flag = (v: Value): number => (v === true ? 1 : 0);

class KeyCache {
  private readonly map = new Map<string, number>();
  // Files are often sorted by the key they refer to: the same account many rows running.
  private lastKey = '';
  private lastId: number | undefined;
  constructor(private readonly lookup: (key: string) => number | undefined) {}
  get(key: string): number | undefined {
    if (key === this.lastKey && this.lastId !== undefined) return this.lastId;
    let id = this.map.get(key);
    if (id === undefined) {
      id = this.lookup(key);
      if (id !== undefined) this.map.set(key, id);
    }
    this.lastKey = key;
    this.lastId = id;
    return id;
  }
  set(key: string, id: number): void {
    this.map.set(key, id);
    if (key === this.lastKey) this.lastId = id;
  }
}

/** Cleans a transaction's description into a merchant name and category. */
export type MerchantCleaner = (description: string, mcc: string | null) => { merchant: string; category: string };

export interface WriterOptions {
  journal: UndoJournal;
  /** When set, every account row also records its balance as the snapshot of this date. */
  asOf?: string;
  cleanMerchant?: MerchantCleaner;
  /** This database's salt for tax ids: they are kept only as HMAC-SHA-256 under it. */
  taxIdSalt: string;
  householdRule?: HouseholdRule;
}

export interface WriterStats {
  /** Rows whose natural key was already loaded earlier in this import or, for transactions, ever. */
  duplicates: number;
}

export interface Writers {
  write: Record<StandardKind, RowWriter>;
  stats: WriterStats;
  /** Writes rows still held back for a batch: call at the end of each file. */
  flush: () => void;
}

/** A tax id as matching needs it: digits only, hashed under the database's salt. */
export function hashTaxId(raw: string, salt: string): string {
  return createHmac('sha256', salt).update(raw.replace(/\D/g, '')).digest('hex');
}

export function createWriters(db: Db, options: WriterOptions): Writers {
  const { journal, asOf } = options;
  const stats: WriterStats = { duplicates: 0 };
  const seenKeys: Partial<Record<StandardKind, Set<string>>> = {};
  /** Counts a key seen twice in this import (the later row wins, as in a re-import). */
  const seen = (kind: StandardKind, key: string) => {
    const set = (seenKeys[kind] ??= new Set());
    if (set.has(key)) stats.duplicates += 1;
    else set.add(key);
  };

  const ensureBranch = db.prepare(
    `INSERT INTO branches (code, name) VALUES (?, ?)
     ON CONFLICT(code) DO UPDATE SET name = CASE WHEN excluded.name != excluded.code THEN excluded.name ELSE branches.name END`,
  );
  const branchName = db.prepare('SELECT name FROM branches WHERE code = ?').pluck();
  // code → name last written, so the branches table is touched once per branch, not per row
  const knownBranches = new Map<string, string | null>();
  const branch = (code: string | null, name: string | null): string | null => {
    if (!code) return null;
    const known = knownBranches.get(code);
    if (known === undefined || (name !== null && name !== known)) {
      if (branchName.get(code) === undefined) journal.added('branches', [code]);
      else journal.before('branches', [code]);
      ensureBranch.run(code, name ?? code);
      knownBranches.set(code, name ?? known ?? null);
    }
    return code;
  };

  const selectId = (sql: string) => {
    const stmt = db.prepare(sql).pluck();
    return (key: string) => stmt.get(key) as number | undefined;
  };
  const customers = new KeyCache(selectId('SELECT id FROM customers WHERE customer_number = ?'));
  const accounts = new KeyCache(selectId('SELECT id FROM accounts WHERE account_number = ?'));
  const households = new KeyCache(selectId('SELECT id FROM households WHERE household_key = ?'));
  const products = new KeyCache(selectId('SELECT 1 FROM products WHERE code = ?'));
  const payees = new KeyCache(selectId('SELECT id FROM payees WHERE payee_key = ?'));
  const selectGeography = db.prepare('SELECT name, region FROM geography WHERE code = ?');
  const geography = new Map<string, { name: string; region: string | null } | null>();
  const place = (code: string) => {
    if (!geography.has(code)) {
      geography.set(code, (selectGeography.get(code) as { name: string; region: string | null } | undefined) ?? null);
    }
    return geography.get(code) ?? null;
  };

  const upsertProduct = db.prepare(
    `INSERT INTO products (code, name, family, interest_bearing) VALUES (?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, family = excluded.family,
       interest_bearing = excluded.interest_bearing`,
  );
  const upsertGeography = db.prepare(
    `INSERT INTO geography (code, name, region, population, average_salary_cents, unemployment_rate)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, region = excluded.region,
       population = excluded.population, average_salary_cents = excluded.average_salary_cents,
       unemployment_rate = excluded.unemployment_rate`,
  );
  const insertHousehold = db.prepare('INSERT INTO households (household_key, source) VALUES (?, ?)');
  const upsertCustomer = db
    .prepare(
      `INSERT INTO customers (customer_number, first_name, last_name, birth_date, gender,
       address_line1, address_line2, city, state, zip, phone, email, branch_code, customer_since,
       household_id, do_not_solicit, do_not_mail, deceased, returned_mail, employee,
       search_text, sort_name, country, geography_code, core_household_id, tax_id_hash)
     VALUES (@customer_number, @first_name, @last_name, @birth_date, @gender, @address_line1,
       @address_line2, @city, @state, @zip, @phone, @email, @branch_code, @customer_since,
       @household_id, @do_not_solicit, @do_not_mail, @deceased, @returned_mail, @employee,
       @search_text, @sort_name, @country, @geography_code, @core_household_id, @tax_id_hash)
     ON CONFLICT(customer_number) DO UPDATE SET ${ERASABLE.map(keepErased).join(', ')},
       branch_code = excluded.branch_code,
       customer_since = excluded.customer_since, household_id = excluded.household_id,
       do_not_solicit = CASE WHEN customers.erased_at IS NULL THEN excluded.do_not_solicit ELSE 1 END,
       do_not_mail = CASE WHEN customers.erased_at IS NULL THEN excluded.do_not_mail ELSE 1 END,
       deceased = excluded.deceased, returned_mail = excluded.returned_mail,
       employee = excluded.employee, country = excluded.country,
       geography_code = excluded.geography_code, core_household_id = excluded.core_household_id
     RETURNING id`,
    )
    .pluck();
  const upsertAccount = db
    .prepare(
      `INSERT INTO accounts (account_number, product_code, open_date, close_date, status,
       balance_cents, rate, branch_code, balance_from_transactions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(account_number) DO UPDATE SET product_code = excluded.product_code,
       open_date = excluded.open_date, close_date = excluded.close_date, status = excluded.status,
       balance_cents = excluded.balance_cents, rate = excluded.rate,
       branch_code = excluded.branch_code, balance_from_transactions = excluded.balance_from_transactions
     RETURNING id`,
    )
    .pluck();
  const clearOwners = db.prepare('DELETE FROM account_owners WHERE account_id = ?');
  const insertOwner = db.prepare(
    `INSERT INTO account_owners (account_id, customer_id, role, owner_key) VALUES (?, ?, ?, ?)
     ON CONFLICT(account_id, customer_id) DO UPDATE SET role = excluded.role,
       owner_key = COALESCE(excluded.owner_key, account_owners.owner_key)`,
  );
  const ownerByKey = db.prepare('SELECT account_id, customer_id FROM account_owners WHERE owner_key = ?');
  const ownersOf = db.prepare('SELECT customer_id, role FROM account_owners WHERE account_id = ?');
  const upsertPayee = db
    .prepare(
      `INSERT INTO payees (payee_key, account_id, name, bank, payee_account, amount_cents, category)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(payee_key) DO UPDATE SET account_id = excluded.account_id, name = excluded.name,
         bank = excluded.bank, payee_account = excluded.payee_account,
         amount_cents = excluded.amount_cents, category = excluded.category
       RETURNING id`,
    )
    .pluck();
  const TRANSACTION_COLUMNS = `(transaction_key, account_id, posted_date, amount_cents, code, description, mcc,
    balance_after_cents, merchant, category, counterparty, signature_id)`;
  const COLUMNS = 12;
  const insertTransactions = (rows: number) =>
    db.prepare(
      `INSERT OR IGNORE INTO transactions ${TRANSACTION_COLUMNS} VALUES ${Array(rows)
        .fill(`(${Array<string>(COLUMNS).fill('?').join(', ')})`)
        .join(', ')}`,
    );
  const signatureOf = signatureNumberer(db);
  // Rows go to SQLite fifty at a time: one statement call instead of fifty (without foreign-key
  // checks, which the import turns off, this is a third faster on a million rows).
  const BATCH = 50;
  const insertBatch = insertTransactions(BATCH);
  const insertOne = insertTransactions(1);
  let pending: unknown[] = [];
  const flushTransactions = () => {
    const rows = pending.length / COLUMNS;
    if (rows === 0) return;
    const statement = rows === BATCH ? insertBatch : null;
    let inserted = 0;
    if (statement) inserted = statement.run(pending).changes;
    else
      for (let i = 0; i < pending.length; i += COLUMNS)
        inserted += insertOne.run(pending.slice(i, i + COLUMNS)).changes;
    stats.duplicates += rows - inserted;
    pending = [];
  };
  const selectBalance = db.prepare(
    'SELECT balance_cents, average_balance_cents, import_id FROM balance_snapshots WHERE account_id = ? AND as_of = ?',
  );
  const upsertBalance = db.prepare(
    `INSERT INTO balance_snapshots (account_id, as_of, balance_cents, average_balance_cents, import_id)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(account_id, as_of) DO UPDATE SET balance_cents = excluded.balance_cents,
       average_balance_cents = excluded.average_balance_cents, import_id = excluded.import_id`,
  );
  /**
   * A snapshot carries the import that wrote it. The same figures again change nothing; new
   * figures over an earlier import's are journalled first.
   */
  const writeBalance = (account: number, date: string, cents: number | null, given: number | null | 'keep') => {
    const prior = selectBalance.get(account, date) as
      { balance_cents: number; average_balance_cents: number | null; import_id: number | null } | undefined;
    // An account file's as-of snapshot has no average: it keeps one a balances file gave.
    const average = given === 'keep' ? (prior?.average_balance_cents ?? null) : given;
    if (prior?.import_id === journal.importId) stats.duplicates += 1;
    if (prior && prior.balance_cents === cents && prior.average_balance_cents === average) return;
    if (prior && prior.import_id !== journal.importId) journal.before('balance_snapshots', [account, date]);
    upsertBalance.run(account, date, cents, average, journal.importId);
  };

  /** Adds an owner to an account, journalling the account's owners first. */
  const addOwner = (account: number, customer: number, role: string, key: string | null) => {
    journal.ownersBefore(account);
    insertOwner.run(account, customer, role, key);
  };

  const write: Record<StandardKind, RowWriter> = {
    products(row) {
      const code = req(row.product_code);
      seen('products', code);
      if (products.get(code) === undefined) journal.added('products', [code]);
      else journal.before('products', [code]);
      upsertProduct.run(code, req(row.product_name), req(row.family) as ProductFamily, flag(row.interest_bearing));
      products.set(code, 1);
      return null;
    },
    geography(row) {
      const code = req(row.geography_code);
      seen('geography', code);
      if (place(code) === null) journal.added('geography', [code]);
      else journal.before('geography', [code]);
      upsertGeography.run(
        code,
        req(row.name),
        str(row.region),
        num(row.population),
        num(row.average_salary),
        num(row.unemployment_rate),
      );
      geography.set(code, { name: req(row.name), region: str(row.region) });
      return null;
    },
    customers(row) {
      const number = req(row.customer_number);
      const country = str(row.country) ?? 'US';
      const geographyCode = str(row.geography_code);
      const area = geographyCode === null ? null : place(geographyCode);
      if (geographyCode !== null && area === null) {
        return ['geography_code', geographyCode, 'unknown geography code (not in the geography file)'];
      }
      const address1 = str(row.address_line1) ?? '';
      const city = str(row.city) ?? area?.name ?? '';
      const state = str(row.state) ?? area?.region ?? '';
      const zip = str(row.zip) ?? '';
      if (country === 'US') {
        if (address1 === '') return ['address_line1', '', 'a US customer needs a street address'];
        if (city === '') return ['city', '', 'a US customer needs a city'];
        if (!US_STATE.test(state)) return ['state', state, 'expected a two-letter USPS state code'];
        if (!US_ZIP.test(zip)) return ['zip', zip, 'expected a ZIP code like 43215 or 43215-1234'];
      }
      seen('customers', number);
      const hh = householdKey(
        {
          customer_number: number,
          household_id: str(row.household_id),
          address_line1: address1,
          address_line2: str(row.address_line2),
          zip,
        },
        options.householdRule,
      );
      let householdId = households.get(hh.key);
      if (householdId === undefined) {
        householdId = Number(insertHousehold.run(hh.key, hh.source).lastInsertRowid);
        households.set(hh.key, householdId);
      }
      const existing = customers.get(number);
      if (existing !== undefined) journal.before('customers', [existing]);
      const first = str(row.first_name) ?? '';
      const last = req(row.last_name);
      const taxId = str(row.tax_id);
      const id = upsertCustomer.get({
        customer_number: number,
        first_name: first,
        last_name: last,
        birth_date: str(row.birth_date),
        gender: str(row.gender),
        address_line1: address1,
        address_line2: str(row.address_line2),
        city,
        state,
        zip,
        phone: str(row.phone),
        email: str(row.email),
        branch_code: branch(str(row.branch), str(row.branch_name)),
        customer_since: str(row.customer_since),
        household_id: householdId,
        do_not_solicit: flag(row.do_not_solicit),
        do_not_mail: flag(row.do_not_mail),
        deceased: flag(row.deceased),
        returned_mail: flag(row.returned_mail),
        employee: flag(row.employee),
        search_text: `${number} ${first} ${last} ${city}`.toLowerCase(),
        sort_name: `${last}, ${first}`.toLowerCase(),
        country,
        geography_code: geographyCode,
        core_household_id: str(row.household_id),
        tax_id_hash: taxId === null ? null : hashTaxId(taxId, options.taxIdSalt),
      }) as number;
      customers.set(number, id);
      return null;
    },
    accounts(row) {
      const code = req(row.product_code);
      if (products.get(code) === undefined) {
        return ['product_code', code, 'unknown product code (not in the products file or the profile)'];
      }
      const ownerNumber = str(row.owner_customer_number);
      const owner = ownerNumber === null ? undefined : customers.get(ownerNumber);
      if (ownerNumber !== null && owner === undefined) {
        return ['owner_customer_number', ownerNumber, 'no customer with this number'];
      }
      const jointNumber = str(row.joint_customer_number);
      const joint = jointNumber === null ? undefined : customers.get(jointNumber);
      if (jointNumber !== null && joint === undefined) {
        return ['joint_customer_number', jointNumber, 'no customer with this number'];
      }
      const ownerKey = str(row.owner_key);
      const keyed = ownerKey === null ? undefined : (ownerByKey.get(ownerKey) as { customer_id: number } | undefined);
      if (ownerKey !== null && keyed === undefined) return ['owner_key', ownerKey, 'no owners row with this key'];
      const fromNumber = str(row.owners_from_account);
      const from = fromNumber === null ? undefined : accounts.get(fromNumber);
      if (fromNumber !== null && from === undefined) {
        return ['owners_from_account', fromNumber, 'no account with this number'];
      }
      const number = req(row.account_number);
      seen('accounts', number);
      const existing = accounts.get(number);
      if (existing !== undefined) journal.before('accounts', [existing]);
      const balance = num(row.balance);
      const id = upsertAccount.get(
        number,
        code,
        req(row.open_date),
        str(row.close_date),
        req(row.status),
        balance ?? 0,
        num(row.rate),
        branch(str(row.branch), null),
        balance === null ? 1 : 0,
      ) as number;
      accounts.set(number, id);
      // An account file that names owners gives the whole set; one that does not leaves them.
      const givesOwners = owner !== undefined || keyed !== undefined || from !== undefined;
      if (existing !== undefined && givesOwners) {
        journal.ownersBefore(id);
        clearOwners.run(id);
      }
      if (owner !== undefined) addOwner(id, owner, 'owner', null);
      if (joint !== undefined && joint !== owner) addOwner(id, joint, 'joint', null);
      if (keyed !== undefined) addOwner(id, keyed.customer_id, 'owner', null);
      if (from !== undefined) {
        for (const o of ownersOf.all(from) as { customer_id: number; role: string }[]) {
          addOwner(id, o.customer_id, o.role, null);
        }
      }
      if (asOf && balance !== null) writeBalance(id, asOf, balance, 'keep');
      return null;
    },
    owners(row) {
      const number = req(row.account_number);
      const account = accounts.get(number);
      if (account === undefined) return ['account_number', number, 'no account with this number'];
      const customerNumber = req(row.customer_number);
      const customer = customers.get(customerNumber);
      if (customer === undefined) return ['customer_number', customerNumber, 'no customer with this number'];
      const key = str(row.owner_key);
      seen('owners', key ?? `${number}/${customerNumber}`);
      addOwner(account, customer, str(row.role) ?? 'owner', key);
      return null;
    },
    payees(row) {
      const number = req(row.account_number);
      const account = accounts.get(number);
      if (account === undefined) return ['account_number', number, 'no account with this number'];
      const key = req(row.payee_key);
      seen('payees', key);
      const existing = payees.get(key);
      if (existing !== undefined) journal.before('payees', [existing]);
      const id = upsertPayee.get(
        key,
        account,
        req(row.name),
        str(row.bank),
        str(row.payee_account),
        num(row.amount),
        str(row.category),
      ) as number;
      payees.set(key, id);
      return null;
    },
    transactions(row) {
      const number = req(row.account_number);
      const account = accounts.get(number);
      if (account === undefined) return ['account_number', number, 'no account with this number'];
      const description = req(row.description);
      const mcc = str(row.mcc);
      const cleaned = options.cleanMerchant?.(description, mcc);
      const code = req(row.code);
      const counterparty = str(row.counterparty);
      const merchant = cleaned?.merchant ?? null;
      const category = cleaned?.category ?? null;
      pending.push(
        req(row.transaction_id),
        account,
        req(row.posted_date),
        num(row.amount),
        code,
        description,
        mcc,
        num(row.balance_after),
        merchant,
        category,
        counterparty,
        signatureOf([description, merchant ?? '', category ?? '', code, mcc ?? '', counterparty ?? '']),
      );
      if (pending.length === BATCH * COLUMNS) flushTransactions();
      return null;
    },
    balances(row) {
      const number = req(row.account_number);
      const account = accounts.get(number);
      if (account === undefined) return ['account_number', number, 'no account with this number'];
      writeBalance(account, req(row.as_of_date), num(row.balance), num(row.average_balance));
      return null;
    },
  };
  return { write, stats, flush: flushTransactions };
}

const DEPOSIT_FAMILIES = Object.entries(FAMILY_INFO)
  .filter(([, info]) => info.kind === 'deposit')
  .map(([family]) => `'${family}'`)
  .join(', ');
const LOAN_FAMILIES = Object.entries(FAMILY_INFO)
  .filter(([, info]) => info.kind === 'loan')
  .map(([family]) => `'${family}'`)
  .join(', ');

/**
 * Recomputes what follows from the loaded rows: balances of accounts whose file gave none
 * (the balance after their latest transaction), the per-customer summaries the Customers
 * screen sorts on, and drops empty households (journalled when an import is running).
 */
export function refreshCustomerSummaries(db: Db, journal?: UndoJournal): void {
  const empty = db
    .prepare('SELECT id FROM households WHERE id NOT IN (SELECT household_id FROM customers)')
    .pluck()
    .all() as number[];
  for (const id of empty) journal?.before('households', [id]);
  db.exec(`
    UPDATE accounts SET balance_cents = COALESCE((
      SELECT t.balance_after_cents FROM transactions t
      WHERE t.account_id = accounts.id AND t.balance_after_cents IS NOT NULL
      ORDER BY t.posted_date DESC, t.id DESC LIMIT 1), 0)
    WHERE balance_from_transactions = 1;
    DELETE FROM households WHERE id NOT IN (SELECT household_id FROM customers);
    CREATE TEMP TABLE IF NOT EXISTS customer_totals (
      customer_id INTEGER PRIMARY KEY, open_accounts INTEGER, deposits INTEGER, loans INTEGER);
    DELETE FROM customer_totals;
    INSERT INTO customer_totals
      SELECT o.customer_id,
        SUM(a.status IN ('OPEN', 'DORMANT')),
        SUM(CASE WHEN p.family IN (${DEPOSIT_FAMILIES}) AND a.status != 'CLOSED' THEN a.balance_cents ELSE 0 END),
        SUM(CASE WHEN p.family IN (${LOAN_FAMILIES}) AND a.status != 'CLOSED' THEN a.balance_cents ELSE 0 END)
      FROM account_owners o
      JOIN accounts a ON a.id = o.account_id
      JOIN products p ON p.code = a.product_code
      GROUP BY o.customer_id;
    CREATE TEMP TABLE IF NOT EXISTS household_sizes (household_id INTEGER PRIMARY KEY, size INTEGER);
    DELETE FROM household_sizes;
    INSERT INTO household_sizes SELECT household_id, COUNT(*) FROM customers GROUP BY household_id;
    UPDATE customers SET
      household_size = (SELECT size FROM household_sizes s WHERE s.household_id = customers.household_id),
      open_accounts = COALESCE((SELECT open_accounts FROM customer_totals t WHERE t.customer_id = customers.id), 0),
      deposits_cents = COALESCE((SELECT deposits FROM customer_totals t WHERE t.customer_id = customers.id), 0),
      loans_cents = COALESCE((SELECT loans FROM customer_totals t WHERE t.customer_id = customers.id), 0);
  `);
}
