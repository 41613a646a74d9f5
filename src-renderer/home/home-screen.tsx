import type { Dashboard } from '../../src-shared/domain';
import { formatCompact, formatDateTime, formatInt, formatShare } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { PenetrationChart } from './penetration-chart';
import { ProductTable } from './product-table';
import { StatCard } from './stat-card';

function Stats({ dashboard }: { dashboard: Dashboard }) {
  const { stats, last_import: lastImport } = dashboard;
  const multiShare = stats.customers > 0 ? dashboard.multi_customer_households / stats.customers : 0;
  return (
    <div className="stats">
      <StatCard label="Customers" testId="stat-customers" value={formatInt(stats.customers)} />
      <StatCard
        label="Households"
        testId="stat-households"
        value={formatInt(stats.households)}
        detail={`${formatShare(multiShare)} of customers live in households of 2+`}
      />
      <StatCard label="Accounts" testId="stat-accounts" value={formatInt(stats.accounts)} />
      <StatCard
        label="Transactions"
        testId="stat-transactions"
        value={formatInt(stats.transactions)}
        detail={
          stats.first_txn_date && stats.last_txn_date ? (
            <>
              <span className="date" data-testid="stat-first-txn">
                {stats.first_txn_date}
              </span>{' '}
              to{' '}
              <span className="date" data-testid="stat-last-txn">
                {stats.last_txn_date}
              </span>
            </>
          ) : (
            'None yet'
          )
        }
      />
      <StatCard
        label="Last import"
        testId="stat-last-import"
        value={lastImport ? `${formatCompact(lastImport.rows_loaded)} rows` : 'None'}
        detail={
          lastImport
            ? `${formatDateTime(lastImport.finished_at ?? lastImport.started_at)} · ${formatInt(lastImport.files)} files`
            : 'Nothing imported yet'
        }
      />
    </div>
  );
}

export function HomeScreen() {
  const { data, error, slow, reload } = useCall('home:dashboard', {});
  if (error) return <ErrorPanel message={`The dashboard could not be loaded: ${error}`} onRetry={reload} />;
  if (!data) return <Loading slow={slow} text="Loading the bank’s numbers…" />;
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{data.bank_name}</h1>
        <p className="muted">Your customer file at a glance.</p>
      </header>
      <Stats dashboard={data} />
      <div className="panels">
        <section className="panel" aria-labelledby="penetration-heading">
          <h2 id="penetration-heading">Product penetration</h2>
          <p className="muted small">Share of households holding at least one open account of each family.</p>
          <PenetrationChart penetration={data.penetration} />
        </section>
        <section className="panel" aria-labelledby="balances-heading">
          <h2 id="balances-heading">Accounts and balances</h2>
          <ProductTable products={data.stats.products} />
        </section>
      </div>
    </div>
  );
}
