import type { ReactNode } from 'react';
import { FAMILY_INFO, type Dashboard, type ProductKind } from '../../src-shared/domain';
import { formatCents, formatCompact, formatDateTime, formatInt, formatShare, formatWholeDollars } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { PenetrationChart } from './penetration-chart';

function Stat({ label, testId, value, detail }: { label: string; testId: string; value: string; detail?: ReactNode }) {
  return (
    <section className="stat" aria-label={label}>
      <h2 className="stat-label">{label}</h2>
      <div className="stat-value" data-testid={testId}>
        {value}
      </div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
    </section>
  );
}

const KIND_LABEL: Record<ProductKind, string> = { deposit: 'Deposits', loan: 'Loans', service: 'Services' };

function ProductTable({ dashboard }: { dashboard: Dashboard }) {
  const kinds: ProductKind[] = ['deposit', 'loan', 'service'];
  return (
    <table className="data-table">
      <caption className="visually-hidden">Open accounts and balances by product family</caption>
      <thead>
        <tr>
          <th scope="col">Product family</th>
          <th scope="col" className="num">
            Open accounts
          </th>
          <th scope="col" className="num">
            Balance
          </th>
        </tr>
      </thead>
      {kinds.map((kind) => {
        const rows = dashboard.stats.products.filter((p) => FAMILY_INFO[p.family].kind === kind);
        if (rows.length === 0) return null;
        const total = rows.reduce((sum, r) => sum + r.balance_cents, 0);
        return (
          <tbody key={kind}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={2}>
                {KIND_LABEL[kind]}
              </th>
              <td className="num">{kind === 'service' ? '' : formatWholeDollars(total)}</td>
            </tr>
            {rows.map((p) => (
              <tr key={p.family}>
                <th scope="row" className="indent">
                  {FAMILY_INFO[p.family].label}
                </th>
                <td className="num">{formatInt(p.accounts)}</td>
                <td className="num">{kind === 'service' ? '—' : formatCents(p.balance_cents)}</td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

export function HomeScreen() {
  const { data, error, reload } = useCall('home:dashboard', {});
  if (error) return <ErrorPanel message={error} onRetry={reload} />;
  if (!data) return <p className="muted">Loading the bank's numbers…</p>;
  const { stats } = data;
  const multiShare = stats.customers > 0 ? data.multi_customer_households / stats.customers : 0;
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{data.bank_name}</h1>
        <p className="muted">Your customer file at a glance.</p>
      </header>
      <div className="stats">
        <Stat label="Customers" testId="stat-customers" value={formatInt(stats.customers)} />
        <Stat
          label="Households"
          testId="stat-households"
          value={formatInt(stats.households)}
          detail={`${formatShare(multiShare)} of customers share a household`}
        />
        <Stat label="Accounts" testId="stat-accounts" value={formatInt(stats.accounts)} />
        <Stat
          label="Transactions"
          testId="stat-transactions"
          value={formatInt(stats.transactions)}
          detail={
            stats.first_txn_date ? (
              <>
                <span data-testid="stat-first-txn">{stats.first_txn_date}</span> to{' '}
                <span data-testid="stat-last-txn">{stats.last_txn_date}</span>
              </>
            ) : (
              'none yet'
            )
          }
        />
        <Stat
          label="Last import"
          testId="stat-last-import"
          value={data.last_import ? `${formatCompact(data.last_import.rows_loaded)} rows` : 'None'}
          detail={
            data.last_import
              ? `${formatDateTime(data.last_import.finished_at ?? data.last_import.started_at)} · ${data.last_import.files} files`
              : 'Nothing imported yet'
          }
        />
      </div>
      <div className="panels">
        <section className="panel">
          <h2>Product penetration</h2>
          <p className="muted small">Share of households holding at least one open account of each family.</p>
          <PenetrationChart penetration={data.penetration} />
        </section>
        <section className="panel">
          <h2>Accounts and balances</h2>
          <ProductTable dashboard={data} />
        </section>
      </div>
    </div>
  );
}
