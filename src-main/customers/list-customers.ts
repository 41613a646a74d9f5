import type { ApiParsedInput } from '../../src-shared/api';
import type { CustomerPage, CustomerRow, CustomerSortColumn } from '../../src-shared/domain';
import type { Db } from '../db/open';

/** Each sortable column maps to an indexed expression, so any page is a short index walk. */
const ORDER: Record<CustomerSortColumn, string> = {
  customer_number: 'c.customer_number',
  name: 'c.sort_name',
  city: 'c.city',
  state: 'c.state',
  // older first when ascending by age means birth_date descending
  age: 'c.birth_date',
  customer_since: 'c.customer_since',
  accounts: 'c.open_accounts',
  total_deposits_cents: 'c.deposits_cents',
};

/** Age in whole years on the date bound as @today. */
export const AGE_SQL = `CASE WHEN c.birth_date IS NULL THEN NULL ELSE
    CAST(strftime('%Y', @today) AS INTEGER) - CAST(strftime('%Y', c.birth_date) AS INTEGER)
    - (strftime('%m-%d', @today) < strftime('%m-%d', c.birth_date)) END`;

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The search text as one FTS5 phrase: with the trigram tokenizer, a case-insensitive "contains". */
function ftsPhrase(search: string): string {
  return `"${search.replace(/"/g, '""')}"`;
}

export function listCustomers(db: Db, input: ApiParsedInput<'customers:list'>): CustomerPage {
  const search = input.search.trim();
  // The trigram index needs three characters; shorter searches scan, which is fine for them.
  const where = !search
    ? ''
    : search.length >= 3
      ? `WHERE c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH @phrase)`
      : `WHERE c.search_text LIKE @pattern ESCAPE '\\'`;
  const params = !search ? {} : search.length >= 3 ? { phrase: ftsPhrase(search) } : { pattern: likePattern(search) };
  let direction = input.direction === 'desc' ? 'DESC' : 'ASC';
  if (input.sort === 'age') direction = direction === 'ASC' ? 'DESC' : 'ASC';
  // The index holds one entry per customer, so it counts its own matches: no join needed.
  const countSql =
    search.length >= 3
      ? 'SELECT COUNT(*) FROM customer_search WHERE customer_search MATCH @phrase'
      : `SELECT COUNT(*) FROM customers c ${where}`;
  const total = db.prepare(countSql).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT c.id, c.customer_number,
         TRIM(c.first_name || ' ' || c.last_name) AS name,
         c.city, c.state, c.zip, ${AGE_SQL} AS age, c.customer_since,
         c.household_id, c.household_size, c.open_accounts AS accounts,
         c.deposits_cents AS total_deposits_cents, c.loans_cents AS total_loans_cents
       FROM customers c ${where}
       ORDER BY ${ORDER[input.sort]} ${direction} NULLS LAST, c.id ${direction}
       LIMIT @limit OFFSET @offset`,
    )
    .all({
      ...params,
      today: todayIso(),
      limit: input.page_size,
      offset: input.page * input.page_size,
    }) as CustomerRow[];
  return { rows, total, page: input.page, page_size: input.page_size };
}
