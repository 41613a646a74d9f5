import type {
  CustomerFlags,
  CustomerProfile,
  HouseholdMember,
  ProfileAccount,
  ProfileTransaction,
} from '../../src-shared/domain';
import type { Db } from '../db/open';
import { AGE_SQL, todayIso } from './list-customers';

export class NotFoundError extends Error {}

/** One row of the customer query: the profile's own fields, flags as 0/1, the household id. */
type CustomerRecord = Omit<CustomerProfile, 'name' | 'flags' | 'household' | 'accounts' | 'transactions'> &
  Record<keyof CustomerFlags, number> & { household_id: number };

export function getCustomerProfile(db: Db, id: number, transactionLimit = 50): CustomerProfile {
  const today = todayIso();
  const c = db
    .prepare(
      `SELECT c.id, c.customer_number, c.first_name, c.last_name, c.birth_date, ${AGE_SQL} AS age,
         c.gender, c.address_line1, c.address_line2, c.city, c.state, c.zip, c.phone, c.email,
         COALESCE(b.name, c.branch_code) AS branch, c.customer_since, c.household_id,
         c.do_not_solicit, c.do_not_mail, c.deceased, c.returned_mail, c.employee
       FROM customers c LEFT JOIN branches b ON b.code = c.branch_code
       WHERE c.id = @id`,
    )
    .get({ id, today }) as CustomerRecord | undefined;
  if (!c) throw new NotFoundError(`No customer with id ${id}.`);

  const members = db
    .prepare(
      `SELECT c.id, c.customer_number, TRIM(c.first_name || ' ' || c.last_name) AS name, ${AGE_SQL} AS age
       FROM customers c WHERE c.household_id = @household ORDER BY c.id`,
    )
    .all({ household: c.household_id, today }) as HouseholdMember[];

  const accounts = db
    .prepare(
      `SELECT a.id, a.account_number, a.product_code, p.name AS product_name, p.family, o.role,
         a.status, a.open_date, a.close_date, a.balance_cents, a.rate
       FROM account_owners o
       JOIN accounts a ON a.id = o.account_id
       JOIN products p ON p.code = a.product_code
       WHERE o.customer_id = ?
       ORDER BY a.status != 'OPEN', a.open_date`,
    )
    .all(id) as ProfileAccount[];

  const transactions = db
    .prepare(
      `SELECT t.id, a.account_number, t.posted_date, t.amount_cents, t.code, t.description, t.merchant, t.category
       FROM account_owners o
       JOIN accounts a ON a.id = o.account_id
       JOIN transactions t ON t.account_id = a.id
       WHERE o.customer_id = ?
       ORDER BY t.posted_date DESC, t.id DESC
       LIMIT ?`,
    )
    .all(id, transactionLimit) as ProfileTransaction[];

  return {
    id: c.id,
    customer_number: c.customer_number,
    first_name: c.first_name,
    last_name: c.last_name,
    name: `${c.first_name} ${c.last_name}`.trim(),
    birth_date: c.birth_date,
    age: c.age,
    gender: c.gender,
    address_line1: c.address_line1,
    address_line2: c.address_line2,
    city: c.city,
    state: c.state,
    zip: c.zip,
    phone: c.phone,
    email: c.email,
    branch: c.branch,
    customer_since: c.customer_since,
    flags: {
      do_not_solicit: c.do_not_solicit === 1,
      do_not_mail: c.do_not_mail === 1,
      deceased: c.deceased === 1,
      returned_mail: c.returned_mail === 1,
      employee: c.employee === 1,
    },
    household: { id: c.household_id, members },
    accounts,
    transactions,
  };
}
