import { FAMILY_INFO, type CustomerFlags, type CustomerProfile } from '../../src-shared/domain';
import { formatCents } from '../lib/format';
import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';

const FLAG_LABELS: Record<keyof CustomerFlags, string> = {
  do_not_solicit: 'Do not solicit',
  do_not_mail: 'Do not mail',
  deceased: 'Deceased',
  returned_mail: 'Returned mail',
  employee: 'Employee',
};

function Field({ label, value }: { label: string; value: string | number | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === '' ? '—' : value}</dd>
    </>
  );
}

function Amount({ cents }: { cents: number }) {
  return (
    <span className={cents < 0 ? 'debit' : 'credit'}>
      {cents < 0 ? '−' : '+'}
      {formatCents(Math.abs(cents))}
    </span>
  );
}

function Accounts({ profile }: { profile: CustomerProfile }) {
  return (
    <section className="panel">
      <h2>Accounts ({profile.accounts.length})</h2>
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
          {profile.accounts.map((a) => (
            <tr key={a.id} className={a.status === 'CLOSED' ? 'closed' : ''}>
              <td>{a.account_number}</td>
              <td>{a.product_name}</td>
              <td>{FAMILY_INFO[a.family]?.label ?? a.family}</td>
              <td>{a.role === 'owner' ? 'Owner' : 'Joint'}</td>
              <td>{a.status}</td>
              <td>{a.open_date}</td>
              <td className="num">{formatCents(a.balance_cents)}</td>
              <td className="num">{a.rate === null ? '—' : `${a.rate.toFixed(2)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Transactions({ profile }: { profile: CustomerProfile }) {
  return (
    <section className="panel">
      <h2>Last transactions</h2>
      {profile.transactions.length === 0 ? (
        <p className="muted">No transactions.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Account</th>
              <th scope="col">Description</th>
              <th scope="col">Code</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {profile.transactions.map((t) => (
              <tr key={t.id}>
                <td>{t.posted_date}</td>
                <td>{t.account_number}</td>
                <td>{t.description}</td>
                <td>{t.code}</td>
                <td className="num">
                  <Amount cents={t.amount_cents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CustomerProfileScreen({ id }: { id: number }) {
  const { data: profile, error, reload } = useCall('customers:get', { id });
  if (error) return <ErrorPanel message={error} onRetry={reload} />;
  if (!profile) return <p className="muted">Loading the customer…</p>;
  const flags = (Object.keys(FLAG_LABELS) as (keyof CustomerFlags)[]).filter((f) => profile.flags[f]);
  return (
    <div className="screen">
      <a className="back-link" href={href({ screen: 'customers' })}>
        ← Customers
      </a>
      <header className="screen-header">
        <h1 data-testid="profile-name">{profile.name}</h1>
        <p className="muted">Customer {profile.customer_number}</p>
        {flags.length > 0 ? (
          <ul className="badges" aria-label="Flags">
            {flags.map((f) => (
              <li key={f} className="badge">
                {FLAG_LABELS[f]}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <div className="panels">
        <section className="panel">
          <h2>Contact</h2>
          <address className="address-block">
            {profile.address_line1}
            <br />
            {profile.address_line2 ? (
              <>
                {profile.address_line2}
                <br />
              </>
            ) : null}
            {profile.city}, {profile.state} {profile.zip}
          </address>
          <dl className="fields">
            <Field label="Phone" value={profile.phone} />
            <Field label="Email" value={profile.email} />
            <Field
              label="Born"
              value={profile.birth_date ? `${profile.birth_date} (age ${profile.age ?? '?'})` : null}
            />
            <Field label="Gender" value={profile.gender} />
            <Field label="Branch" value={profile.branch} />
            <Field label="Customer since" value={profile.customer_since} />
          </dl>
        </section>
        <section className="panel">
          <h2>Household ({profile.household.members.length})</h2>
          <ul className="members">
            {profile.household.members.map((m) => (
              <li key={m.id}>
                {m.id === profile.id ? (
                  <strong>{m.name} (this customer)</strong>
                ) : (
                  <a href={href({ screen: 'customer', id: m.id })}>{m.name}</a>
                )}{' '}
                <span className="muted">
                  · {m.customer_number}
                  {m.age !== null ? ` · age ${m.age}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <Accounts profile={profile} />
      <Transactions profile={profile} />
    </div>
  );
}
