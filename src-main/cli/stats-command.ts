import { parseArgs } from 'node:util';
import { FAMILY_INFO } from '../../src-shared/domain';
import { getStats } from '../bank/stats';
import { openExistingDb } from './cli-error';

export const STATS_USAGE = `mainstreet stats --db FILE [--json]
    The bank's headline numbers: customers, households, accounts, transactions, products.`;

const dollars = (cents: number) => (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });

export function statsCommand(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const db = openExistingDb(values.db);
  try {
    const stats = getStats(db);
    if (values.json) {
      console.log(JSON.stringify(stats));
      return;
    }
    console.log(`Customers     ${stats.customers.toLocaleString('en-US')}`);
    console.log(`Households    ${stats.households.toLocaleString('en-US')}`);
    console.log(`Accounts      ${stats.accounts.toLocaleString('en-US')}`);
    console.log(
      `Transactions  ${stats.transactions.toLocaleString('en-US')} (${stats.first_txn_date ?? '-'} to ${stats.last_txn_date ?? '-'})`,
    );
    for (const p of stats.products) {
      console.log(
        `  ${FAMILY_INFO[p.family]?.label.padEnd(26) ?? p.family}${String(p.accounts).padStart(9)}  ${dollars(p.balance_cents)}`,
      );
    }
  } finally {
    db.close();
  }
}
