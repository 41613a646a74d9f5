import type { ReactNode } from 'react';
import { isMerchantCategory, MERCHANT_CATEGORY_LABELS } from '../../src-shared/merchant-categories';
import { formatCents } from '../lib/format';

/** What every list of transactions shows; `code` only where the screen has it. */
export interface TransactionLine {
  account_number: string;
  posted_date: string;
  amount_cents: number;
  description: string;
  merchant: string | null;
  category: string | null;
  code?: string;
}

export type TransactionColumn = 'date' | 'account' | 'description' | 'merchant' | 'category' | 'code' | 'amount';

const categoryLabel = (category: string | null) =>
  category && isMerchantCategory(category) ? MERCHANT_CATEGORY_LABELS[category] : '—';

/** Credits and debits differ by sign and by word for screen readers, not by colour alone. */
function SignedAmount({ cents }: { cents: number }) {
  const credit = cents >= 0;
  return (
    <span className={credit ? 'credit' : 'debit'}>
      <span className="visually-hidden">{credit ? 'Credit ' : 'Debit '}</span>
      {credit ? '+' : '−'}
      {formatCents(Math.abs(cents))}
    </span>
  );
}

/** Each column's header, the class of its cells, and what a cell shows. */
const COLUMN_VIEWS: Record<
  TransactionColumn,
  { header: string; numeric?: boolean; cellClass?: string; show: (t: TransactionLine) => ReactNode }
> = {
  date: { header: 'Date', show: (t) => t.posted_date },
  account: { header: 'Account', show: (t) => t.account_number },
  description: { header: 'Description', cellClass: 'wrap muted-cell', show: (t) => t.description },
  merchant: { header: 'Merchant', cellClass: 'wrap', show: (t) => t.merchant || '—' },
  category: { header: 'Category', show: (t) => categoryLabel(t.category) },
  code: { header: 'Code', show: (t) => t.code },
  amount: { header: 'Amount', numeric: true, cellClass: 'num', show: (t) => <SignedAmount cents={t.amount_cents} /> },
};

/**
 * A short list of transactions, in the columns a screen asks for and in its order: a
 * customer's last transactions, or the ones behind a KLI.
 */
export function TransactionsTable<T extends TransactionLine>({
  rows,
  rowKey,
  columns,
  label,
  compact = false,
  rowTestId,
  amountTestId,
}: {
  rows: T[];
  rowKey: (row: T) => number;
  columns: TransactionColumn[];
  label?: string;
  compact?: boolean;
  rowTestId?: string;
  amountTestId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className={compact ? 'data-table compact' : 'data-table'} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={COLUMN_VIEWS[column].numeric ? 'num' : undefined}>
                {COLUMN_VIEWS[column].header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={rowKey(t)} data-testid={rowTestId}>
              {columns.map((column) => (
                <td
                  key={column}
                  className={COLUMN_VIEWS[column].cellClass}
                  data-testid={column === 'amount' ? amountTestId : undefined}
                >
                  {COLUMN_VIEWS[column].show(t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
