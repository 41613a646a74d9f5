import type { CustomerFlags, CustomerProfile } from '../../src-shared/domain';
import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { ProfileAccounts } from './profile-accounts';
import { ProfileKlis } from './profile-klis';
import { ProfileScores } from './profile-scores';
import { ProfileTransactions } from './profile-transactions';

const FLAG_LABELS: Record<keyof CustomerFlags, string> = {
  do_not_solicit: 'Do not solicit',
  do_not_mail: 'Do not mail',
  deceased: 'Deceased',
  returned_mail: 'Returned mail',
  employee: 'Employee',
};

const GENDER_LABEL: Record<string, string> = { F: 'Female', M: 'Male', U: 'Unknown', X: 'Not specified' };

function Field({ label, value }: { label: string; value: string | number | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === '' ? '—' : value}</dd>
    </>
  );
}

function Contact({ profile }: { profile: CustomerProfile }) {
  const born = profile.birth_date
    ? `${profile.birth_date}${profile.age !== null ? ` (age ${profile.age})` : ''}`
    : profile.age !== null
      ? `Age ${profile.age}`
      : null;
  const gender = profile.gender ? (GENDER_LABEL[profile.gender] ?? profile.gender) : null;
  return (
    <section className="panel" aria-labelledby="contact-heading">
      <h2 id="contact-heading">Contact</h2>
      <address className="address-block" data-testid="profile-address">
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
        <Field label="Born" value={born} />
        <Field label="Gender" value={gender} />
        <Field label="Branch" value={profile.branch} />
        <Field label="Customer since" value={profile.customer_since} />
      </dl>
    </section>
  );
}

function Household({ profile }: { profile: CustomerProfile }) {
  const { members } = profile.household;
  return (
    <section className="panel" aria-labelledby="household-heading">
      <h2 id="household-heading">Household ({members.length})</h2>
      <ul className="members">
        {members.map((m) => (
          <li key={m.id}>
            {m.id === profile.id ? (
              <strong aria-current="true">{m.name} (this customer)</strong>
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
  );
}

export function CustomerProfileScreen({ id }: { id: number }) {
  const { data: profile, error, errorCode, slow, reload } = useCall('customers:get', { id });
  const back = (
    <a className="back-link" href={href({ screen: 'customers' })}>
      ← Customers
    </a>
  );
  if (error) {
    return (
      <div className="screen">
        {back}
        {errorCode === 'not_found' ? (
          <ErrorPanel message={`${error} The customer may not be in the database that is open now.`} />
        ) : (
          <ErrorPanel message={`The customer could not be loaded: ${error}`} onRetry={reload} />
        )}
      </div>
    );
  }
  if (!profile) {
    return (
      <div className="screen">
        {back}
        <Loading slow={slow} text="Loading the customer…" />
      </div>
    );
  }
  const flags = (Object.keys(FLAG_LABELS) as (keyof CustomerFlags)[]).filter((f) => profile.flags[f]);
  return (
    <div className="screen">
      {back}
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
        <Contact profile={profile} />
        <Household profile={profile} />
      </div>
      <ProfileAccounts accounts={profile.accounts} />
      <ProfileKlis customerId={profile.id} />
      <ProfileScores customerId={profile.id} />
      <ProfileTransactions transactions={profile.transactions} />
    </div>
  );
}
