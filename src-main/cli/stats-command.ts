import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FAMILY_INFO } from '../../src-shared/domain';
import { getStats } from '../bank/stats';
import { openDatabase } from '../db/open';
import { CliError, requireOption } from './cli-error';

export const STATS_USAGE = `mainstreet stats --db FILE [--json]
    The bank's headline numbers: customers, households, accounts, transactions, products.`;

const dollars = (cents: number) => (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });

export function statsCommand(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const dbPath = resolve(requireOption('db', values.db));
  if (!existsSync(dbPath))
    throw new CliError(`No database at ${dbPath}. Build one with: mainstreet demo --db ${dbPath}`);
  const db = openDatabase(dbPath);
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
