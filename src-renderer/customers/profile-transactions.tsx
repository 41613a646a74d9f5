import type { ProfileTransaction } from '../../src-shared/domain';
import { isMerchantCategory, MERCHANT_CATEGORY_LABELS } from '../../src-shared/merchant-categories';
import { formatCents } from '../lib/format';

const categoryLabel = (category: string | null) =>
  category && isMerchantCategory(category) ? MERCHANT_CATEGORY_LABELS[category] : '—';

/** Credits and debits differ by sign and by word for screen readers, not by colour alone. */
function Amount({ cents }: { cents: number }) {
  const credit = cents >= 0;
  return (
    <span className={credit ? 'credit' : 'debit'}>
      <span className="visually-hidden">{credit ? 'Credit ' : 'Debit '}</span>
      {credit ? '+' : '−'}
      {formatCents(Math.abs(cents))}
    </span>
  );
}

export function ProfileTransactions({ transactions }: { transactions: ProfileTransaction[] }) {
  return (
    <section className="panel" aria-labelledby="transactions-heading">
      <h2 id="transactions-heading">Last transactions</h2>
      {transactions.length === 0 ? (
        <p className="muted">No transactions.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Account</th>
                <th scope="col">Merchant</th>
                <th scope="col">Category</th>
                <th scope="col">Description</th>
                <th scope="col">Code</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {transactions.map((t) => (
                <tr key={t.id}>
                  <td>{t.posted_date}</td>
                  <td>{t.account_number}</td>
                  <td className="wrap">{t.merchant || '—'}</td>
                  <td>{categoryLabel(t.category)}</td>
                  <td className="wrap muted-cell">{t.description}</td>
                  <td>{t.code}</td>
                  <td className="num" data-testid="txn-amount">
                    <Amount cents={t.amount_cents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
