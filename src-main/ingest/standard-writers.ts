/**
 * Writers for each standard-layout file: they take validated rows, check references against
 * what is already loaded, and upsert by natural key so a re-import changes nothing.
 */
import { FAMILY_INFO, type ProductFamily } from '../../src-shared/domain';
import type { Db } from '../db/open';
import { householdKey } from './household-key';
import type { FieldValue, StandardKind } from './standard-layout';

type Row = Record<string, FieldValue>;
/** Returns null when written, or [column, value, reason] when a reference does not resolve. */
export type RowWriter = (row: Row) => [string, string, string] | null;

type Value = FieldValue | undefined;
const str = (v: Value): string | null => (v === null || v === undefined ? null : String(v));
const req = (v: Value): string => String(v);
const num = (v: Value): number | null => (typeof v === 'number' ? v : null);
const flag = (v: Value): number => (v === true ? 1 : 0);

class KeyCache {
  private readonly map = new Map<string, number>();
  constructor(private readonly lookup: (key: string) => number | undefined) {}
  get(key: string): number | undefined {
    let id = this.map.get(key);
    if (id === undefined) {
      id = this.lookup(key);
      if (id !== undefined) this.map.set(key, id);
    }
    return id;
  }
  set(key: string, id: number): void {
    this.map.set(key, id);
  }
}

/**
 * `asOf`: when set, every account row also records its balance as the snapshot of that date,
 * so monthly account files build up balance history.
 */
export function createWriters(db: Db, asOf?: string): Record<StandardKind, RowWriter> {
  const ensureBranch = db.prepare(
    `INSERT INTO branches (code, name) VALUES (?, ?)
     ON CONFLICT(code) DO UPDATE SET name = CASE WHEN excluded.name != excluded.code THEN excluded.name ELSE branches.name END`,
  );
  // code → name last written, so the branches table is touched once per branch, not per row
  const knownBranches = new Map<string, string | null>();
  const branch = (code: string | null, name: string | null): string | null => {
    if (!code) return null;
    const known = knownBranches.get(code);
    if (known === undefined || (name !== null && name !== known)) {
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
  const productExists = selectId('SELECT 1 FROM products WHERE code = ?');
  const products = new KeyCache(productExists);

  const upsertProduct = db.prepare(
    `INSERT INTO products (code, name, family, interest_bearing) VALUES (?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, family = excluded.family,
       interest_bearing = excluded.interest_bearing`,
  );
  const insertHousehold = db.prepare('INSERT INTO households (household_key, source) VALUES (?, ?)');
  const upsertCustomer = db
    .prepare(
      `INSERT INTO customers (customer_number, first_name, last_name, birth_date, gender,
       address_line1, address_line2, city, state, zip, phone, email, branch_code, customer_since,
       household_id, do_not_solicit, do_not_mail, deceased, returned_mail, employee,
       search_text, sort_name)
     VALUES (@customer_number, @first_name, @last_name, @birth_date, @gender, @address_line1,
       @address_line2, @city, @state, @zip, @phone, @email, @branch_code, @customer_since,
       @household_id, @do_not_solicit, @do_not_mail, @deceased, @returned_mail, @employee,
       @search_text, @sort_name)
     ON CONFLICT(customer_number) DO UPDATE SET first_name = excluded.first_name,
       last_name = excluded.last_name, birth_date = excluded.birth_date, gender = excluded.gender,
       address_line1 = excluded.address_line1, address_line2 = excluded.address_line2,
       city = excluded.city, state = excluded.state, zip = excluded.zip, phone = excluded.phone,
       email = excluded.email, branch_code = excluded.branch_code,
       customer_since = excluded.customer_since, household_id = excluded.household_id,
       do_not_solicit = excluded.do_not_solicit, do_not_mail = excluded.do_not_mail,
       deceased = excluded.deceased, returned_mail = excluded.returned_mail,
       employee = excluded.employee, search_text = excluded.search_text,
       sort_name = excluded.sort_name
     RETURNING id`,
    )
    .pluck();
  const upsertAccount = db
    .prepare(
      `INSERT INTO accounts (account_number, product_code, open_date, close_date, status,
       balance_cents, rate, branch_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(account_number) DO UPDATE SET product_code = excluded.product_code,
       open_date = excluded.open_date, close_date = excluded.close_date, status = excluded.status,
       balance_cents = excluded.balance_cents, rate = excluded.rate,
       branch_code = excluded.branch_code
     RETURNING id`,
    )
    .pluck();
  const clearOwners = db.prepare('DELETE FROM account_owners WHERE account_id = ?');
  const insertOwner = db.prepare(
    'INSERT OR IGNORE INTO account_owners (account_id, customer_id, role) VALUES (?, ?, ?)',
  );
  const insertTransaction = db.prepare(
    `INSERT OR IGNORE INTO transactions (transaction_key, account_id, posted_date, amount_cents,
       code, description, mcc, balance_after_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertBalance = db.prepare(
    `INSERT INTO balance_snapshots (account_id, as_of, balance_cents, average_balance_cents)
     VALUES (?, ?, ?, ?)
     ON CONFLICT(account_id, as_of) DO UPDATE SET balance_cents = excluded.balance_cents,
       average_balance_cents = excluded.average_balance_cents`,
  );

  return {
    products(row) {
      const code = req(row.product_code);
      const family = req(row.family) as ProductFamily;
      upsertProduct.run(code, req(row.product_name), family, flag(row.interest_bearing));
      products.set(code, 1);
      return null;
    },
    customers(row) {
      const hh = householdKey({
        household_id: str(row.household_id),
        address_line1: req(row.address_line1),
        address_line2: str(row.address_line2),
        zip: req(row.zip),
      });
      let householdId = households.get(hh.key);
      if (householdId === undefined) {
        householdId = Number(insertHousehold.run(hh.key, hh.source).lastInsertRowid);
        households.set(hh.key, householdId);
      }
      const first = str(row.first_name) ?? '';
      const last = req(row.last_name);
      const number = req(row.customer_number);
      const city = req(row.city);
      const id = upsertCustomer.get({
        customer_number: number,
        first_name: first,
        last_name: last,
        birth_date: str(row.birth_date),
        gender: str(row.gender),
        address_line1: req(row.address_line1),
        address_line2: str(row.address_line2),
        city,
        state: req(row.state),
        zip: req(row.zip),
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
      }) as number;
      customers.set(number, id);
      return null;
    },
    accounts(row) {
      const code = req(row.product_code);
      if (products.get(code) === undefined) {
        return ['product_code', code, 'unknown product code (not in products.csv)'];
      }
      const ownerNumber = req(row.owner_customer_number);
      const owner = customers.get(ownerNumber);
      if (owner === undefined) {
        return ['owner_customer_number', ownerNumber, 'no customer with this number'];
      }
      const jointNumber = str(row.joint_customer_number);
      const joint = jointNumber === null ? undefined : customers.get(jointNumber);
      if (jointNumber !== null && joint === undefined) {
        return ['joint_customer_number', jointNumber, 'no customer with this number'];
      }
      const number = req(row.account_number);
      const existed = accounts.get(number) !== undefined;
      const id = upsertAccount.get(
        number,
        code,
        req(row.open_date),
        str(row.close_date),
        req(row.status),
        num(row.balance),
        num(row.rate),
        branch(str(row.branch), null),
      ) as number;
      accounts.set(number, id);
      if (existed) clearOwners.run(id);
      insertOwner.run(id, owner, 'owner');
      if (joint !== undefined && joint !== owner) insertOwner.run(id, joint, 'joint');
      if (asOf) upsertBalance.run(id, asOf, num(row.balance), null);
      return null;
    },
    transactions(row) {
      const number = req(row.account_number);
      const account = accounts.get(number);
      if (account === undefined) return ['account_number', number, 'no account with this number'];
      insertTransaction.run(
        req(row.transaction_id),
        account,
        req(row.posted_date),
        num(row.amount),
        req(row.code),
        req(row.description),
        str(row.mcc),
        num(row.balance_after),
      );
      return null;
    },
    balances(row) {
      const number = req(row.account_number);
      const account = accounts.get(number);
      if (account === undefined) return ['account_number', number, 'no account with this number'];
      upsertBalance.run(account, req(row.as_of_date), num(row.balance), row.average_balance);
      return null;
    },
  };
}

const DEPOSIT_FAMILIES = Object.entries(FAMILY_INFO)
  .filter(([, info]) => info.kind === 'deposit')
  .map(([family]) => `'${family}'`)
  .join(', ');
const LOAN_FAMILIES = Object.entries(FAMILY_INFO)
  .filter(([, info]) => info.kind === 'loan')
  .map(([family]) => `'${family}'`)
  .join(', ');

/** Recomputes the per-customer summaries the Customers screen sorts on, and drops empty households. */
export function refreshCustomerSummaries(db: Db): void {
  db.exec(`
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
