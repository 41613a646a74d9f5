import type { ProfileTransaction } from '../../src-shared/domain';
import { TransactionsTable, type TransactionColumn } from '../shell/transactions-table';

const COLUMNS: TransactionColumn[] = ['date', 'account', 'merchant', 'category', 'description', 'code', 'amount'];

export function ProfileTransactions({ transactions }: { transactions: ProfileTransaction[] }) {
  return (
    <section className="panel" aria-labelledby="transactions-heading">
      <h2 id="transactions-heading">Last transactions</h2>
      {transactions.length === 0 ? (
        <p className="muted">No transactions.</p>
      ) : (
        <TransactionsTable rows={transactions} rowKey={(t) => t.id} columns={COLUMNS} amountTestId="txn-amount" />
      )}
    </section>
  );
}
