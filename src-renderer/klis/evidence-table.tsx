import type { KliEvidence } from '../../src-shared/kli';
import { TransactionsTable, type TransactionColumn } from '../shell/transactions-table';

const COLUMNS: TransactionColumn[] = ['date', 'account', 'description', 'merchant', 'amount'];
const COLUMNS_WITH_CATEGORY: TransactionColumn[] = ['date', 'account', 'description', 'merchant', 'category', 'amount'];

/** Transactions behind a KLI: a customer's evidence, or a sample across the bank. */
export function EvidenceTable({
  label,
  rows,
  showCategory = false,
  testId = 'evidence-row',
}: {
  label: string;
  rows: KliEvidence[];
  showCategory?: boolean;
  testId?: string;
}) {
  return (
    <TransactionsTable
      label={label}
      rows={rows}
      rowKey={(t) => t.transaction_id}
      columns={showCategory ? COLUMNS_WITH_CATEGORY : COLUMNS}
      compact
      rowTestId={testId}
    />
  );
}
