import type { FileQuality } from '../../src-shared/imports';
import { StatCard } from '../home/stat-card';
import { formatDateTime, formatInt } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { CoverageChart } from './coverage-chart';
import { MissingFields, QualityFiles } from './quality-tables';
import { QuarantineList } from './quarantine-list';

/** What one import brought in, and what is missing, doubled or left out. */
export function QualityView({ importId }: { importId: number }) {
  const { data, error, slow, reload } = useCall('imports:quality', { id: importId });
  if (error) {
    return (
      <ErrorPanel message={`The data quality of import #${importId} could not be loaded: ${error}`} onRetry={reload} />
    );
  }
  if (!data) return <Loading slow={slow} text="Loading the data quality…" />;
  const { files } = data;
  const sum = (pick: (f: FileQuality) => number) => files.reduce((total, f) => total + pick(f), 0);
  const record = data.import;
  return (
    <>
      <section className="panel step" aria-labelledby="quality-heading">
        <h2 id="quality-heading">Data quality of import #{record.id}</h2>
        <p className="muted">
          {formatDateTime(record.started_at)} · by {record.actor} · profile {record.profile}
          {record.status === 'rolled_back' ? ' · rolled back: its rows are no longer in the database' : ''}
        </p>
        <div className="stats">
          <StatCard label="Rows read" testId="quality-read" value={formatInt(sum((f) => f.rows_read))} />
          <StatCard label="Rows loaded" testId="quality-loaded" value={formatInt(sum((f) => f.rows_loaded))} />
          <StatCard label="Quarantined" testId="quality-quarantined" value={formatInt(data.quarantined)} />
          <StatCard label="Duplicates" testId="quality-duplicates" value={formatInt(sum((f) => f.duplicates))} />
          <StatCard
            label="Accounts without owners"
            testId="quality-orphan-accounts"
            value={formatInt(data.accounts_without_owners)}
            detail="In the whole database"
          />
          <StatCard
            label="Transactions without accounts"
            testId="quality-orphan-transactions"
            value={formatInt(data.transactions_without_accounts)}
            detail="Refused in this import"
          />
        </div>
        <h3>Files</h3>
        <QualityFiles files={files} />
        <h3>Empty fields</h3>
        <MissingFields files={files} />
      </section>
      <section className="panel step" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Date coverage</h2>
        <p className="muted small">Transactions in the whole database by month of posting.</p>
        <CoverageChart coverage={data.coverage} />
      </section>
      <QuarantineList importId={record.id} total={data.quarantined} />
    </>
  );
}
