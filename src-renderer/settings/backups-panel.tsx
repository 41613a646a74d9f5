import { useState } from 'react';
import type { BackupEntry, Recovery } from '../../src-shared/backup';
import { call, errorText } from '../lib/api';
import { formatBytes, formatCount, formatDateTime } from '../lib/format';
import { useCall } from '../lib/use-call';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Outcome } from '../shell/outcome';
import { Loading } from '../shell/loading';

const REASONS: Record<string, string> = {
  manual: 'Backed up by hand',
  'before-import': 'Before an import',
  'before-month-run': 'Before a month run',
  'before-restore': 'Before a restore',
  'on-close': 'On close',
};

/** What a backup holds, in words: for the list and the restore's preview. */
export function holds(b: BackupEntry): string {
  const c = b.counts;
  return `${formatCount(c.customers, 'customer')}, ${formatCount(c.accounts, 'account')}, ${formatCount(c.audiences, 'audience')}, ${formatCount(c.runs, 'month run')}, ${formatCount(c.responses, 'response')}`;
}

function BackupsTable({ backups, onRestore }: { backups: BackupEntry[]; onRestore: (b: BackupEntry) => void }) {
  return (
    <table className="data-table compact" aria-label="Backups">
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Why</th>
          <th scope="col">Holds</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">
            <span className="visually-hidden">Restore</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.file}>
            <th scope="row">{formatDateTime(b.created_at)}</th>
            <td>{b.reason ? (REASONS[b.reason] ?? b.reason) : 'Picked by hand'}</td>
            <td>{holds(b)}</td>
            <td className="num">{formatBytes(b.size)}</td>
            <td>
              <button type="button" className="secondary" onClick={() => onRestore(b)}>
                Restore<span className="visually-hidden"> the backup of {formatDateTime(b.created_at)}</span>…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Asks before a restore, with what the backup holds; says what happened to the current state. */
function RestoreDialog({
  backup,
  damaged,
  onCancel,
  onDone,
}: {
  backup: BackupEntry;
  damaged: boolean;
  onCancel: () => void;
  onDone: (message: string | null, error: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    setBusy(true);
    try {
      const outcome = await call('backups:restore', { file: backup.file });
      onDone(
        damaged
          ? `Restored the backup of ${formatDateTime(outcome.created_at)}. The damaged file was kept as ${outcome.previous ?? 'is'}.`
          : `Restored the backup of ${formatDateTime(outcome.created_at)}. What it replaced is backed up first, in ${outcome.previous ?? 'the backups folder'}.`,
        null,
      );
    } catch (e) {
      onDone(null, errorText(e));
    }
  };
  return (
    <ConfirmDialog
      title={`Restore the backup of ${formatDateTime(backup.created_at)}?`}
      confirmLabel={busy ? 'Restoring…' : 'Restore'}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => void restore()}
    >
      <p data-testid="restore-preview">It holds {holds(backup)}.</p>
      <p>
        {damaged
          ? 'The damaged database is set aside beside it, not deleted.'
          : 'Everything done since it was made is replaced; the current state is backed up first, so this can be undone by restoring that backup. The audit log keeps its entries.'}
      </p>
    </ConfirmDialog>
  );
}

/** Settings › Backups: back up now, the backups with what each holds, and restore. */
export function BackupsPanel() {
  const list = useCall('backups:list', {});
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (list.error && !list.data) return <ErrorPanel message={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading slow={list.slow} text="Reading the backups…" />;
  const backUp = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('backups:create', {});
      setMessage('Backed up.');
      list.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p>
        Made before every import and month run, before a restore and when Mainstreet closes, encrypted with{' '}
        {list.data.key}. The newest ten are kept, and the newest of each month for a year.
      </p>
      <p className="path muted">{list.data.folder}</p>
      <div className="actions">
        <button type="button" onClick={() => void backUp()} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <Outcome message={message} error={error} />
      {list.data.backups.length === 0 ? (
        <p className="empty">No backup yet.</p>
      ) : (
        <BackupsTable backups={list.data.backups} onRestore={setRestoring} />
      )}
      {restoring && (
        <RestoreDialog
          backup={restoring}
          damaged={false}
          onCancel={() => setRestoring(null)}
          onDone={(done, failure) => {
            setRestoring(null);
            setMessage(done);
            setError(failure);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

/** Shown instead of the workspace when the database failed its check on open. */
export function RecoveryScreen({ recovery, onRestored }: { recovery: Recovery; onRestored: () => void }) {
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const newest = recovery.backups[0];
  return (
    <main className="startup recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">The database is damaged</h1>
      <p className="path">{recovery.db_path}</p>
      <p>{recovery.problem}</p>
      {newest ? (
        <>
          <p data-testid="recovery-offer">
            The newest good backup is from {formatDateTime(newest.created_at)}: {holds(newest)}.
          </p>
          <div className="actions">
            <button type="button" onClick={() => setRestoring(newest)}>
              Restore the newest backup…
            </button>
          </div>
          {recovery.backups.length > 1 && (
            <details>
              <summary>Older backups</summary>
              <BackupsTable backups={recovery.backups.slice(1)} onRestore={setRestoring} />
            </details>
          )}
        </>
      ) : (
        <p>
          There is no backup in the data folder. Open another database from the File menu, or restore a backup file you
          keep elsewhere with File › Restore….
        </p>
      )}
      <Outcome error={error} />
      {restoring && (
        <RestoreDialog
          backup={restoring}
          damaged
          onCancel={() => setRestoring(null)}
          onDone={(done, failure) => {
            setRestoring(null);
            setError(failure);
            if (done) onRestored();
          }}
        />
      )}
    </main>
  );
}
