import type { KliEvidence } from '../../src-shared/kli';
import { isMerchantCategory, MERCHANT_CATEGORY_LABELS } from '../../src-shared/merchant-categories';
import { formatCents } from '../lib/format';

const categoryLabel = (category: string | null) =>
  category && isMerchantCategory(category) ? MERCHANT_CATEGORY_LABELS[category] : '—';

/** Credits and debits differ by sign and by word for screen readers, not by colour alone. */
export function SignedAmount({ cents }: { cents: number }) {
  const credit = cents >= 0;
  return (
    <span className={credit ? 'credit' : 'debit'}>
      <span className="visually-hidden">{credit ? 'Credit ' : 'Debit '}</span>
      {credit ? '+' : '−'}
      {formatCents(Math.abs(cents))}
    </span>
  );
}

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
    <div className="table-scroll">
      <table className="data-table compact" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Account</th>
            <th scope="col">Description</th>
            <th scope="col">Merchant</th>
            {showCategory ? <th scope="col">Category</th> : null}
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.transaction_id} data-testid={testId}>
              <td>{t.posted_date}</td>
              <td>{t.account_number}</td>
              <td className="wrap muted-cell">{t.description}</td>
              <td className="wrap">{t.merchant || '—'}</td>
              {showCategory ? <td>{categoryLabel(t.category)}</td> : null}
              <td className="num">
                <SignedAmount cents={t.amount_cents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
