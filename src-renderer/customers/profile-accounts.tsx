import { FAMILY_INFO, type AccountStatus, type ProfileAccount } from '../../src-shared/domain';
import { formatCents, formatRate } from '../lib/format';

const STATUS_LABEL: Record<AccountStatus, string> = {
  OPEN: 'Open',
  CLOSED: 'Closed',
  CHARGED_OFF: 'Charged off',
  DORMANT: 'Dormant',
};

export function ProfileAccounts({ accounts }: { accounts: ProfileAccount[] }) {
  return (
    <section className="panel" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts ({accounts.length})</h2>
      {accounts.length === 0 ? (
        <p className="muted">No accounts.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Product</th>
                <th scope="col">Family</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Opened</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col" className="num">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className={a.status === 'OPEN' ? '' : 'inactive'}>
                  <td>{a.account_number}</td>
                  <td className="wrap">{a.product_name}</td>
                  <td className="wrap">{FAMILY_INFO[a.family].label}</td>
                  <td>{a.role === 'owner' ? 'Owner' : 'Joint'}</td>
                  <td>
                    {STATUS_LABEL[a.status]}
                    {a.close_date ? <span className="muted close-date"> {a.close_date}</span> : null}
                  </td>
                  <td>{a.open_date}</td>
                  <td className="num">{formatCents(a.balance_cents)}</td>
                  <td className="num">{a.rate === null ? '—' : formatRate(a.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
