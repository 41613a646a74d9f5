import { ResponsiveBar } from '@nivo/bar';
import { useState, type FormEvent } from 'react';
import { PRODUCT_FAMILIES, type ProductFamily } from '../../src-shared/domain';
import type { HistoryImport, HistorySegment } from '../../src-shared/history';
import { call } from '../lib/api';
import { formatInt } from '../lib/format';
import { useCall } from '../lib/use-call';
import { familyLabel } from '../scores/score-words';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import './history.css';

const pct = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Import a past campaign's contacts: the file, a name, the product family it offered. */
function ImportForm({ onImported }: { onImported: (h: HistoryImport) => void }) {
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [family, setFamily] = useState<ProductFamily>('cd');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onImported(await call('history:import', { path: path.trim(), name: name.trim(), family }));
      setPath('');
      setName('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="history-import-title">
      <h2 id="history-import-title">Import a past campaign</h2>
      <p className="muted">
        A contact list with whether each contact responded: one row a contact, an outcome column (y, outcome, responded
        or subscribed: yes/no), and any of age, job, marital, education, contact (channel), month and poutcome (the
        previous campaign&rsquo;s outcome). Comma or semicolon separated. No customer ids are needed or kept.
      </p>
      <form className="history-form" aria-label="Import a past campaign" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>File</span>
          <input
            type="text"
            value={path}
            placeholder="/path/to/bank-full.csv"
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Name</span>
          <input
            type="text"
            value={name}
            placeholder="2013 term-deposit calls"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Product offered</span>
          <select value={family} onChange={(e) => setFamily(e.target.value as ProductFamily)}>
            {PRODUCT_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {familyLabel(f)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !path.trim() || !name.trim()}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {error ? (
        <p className="field-error history-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** One segment: a bar a value (the rate), the overall rate as a line, and the numbers as a table. */
function SegmentChart({ segment, overall }: { segment: HistorySegment; overall: number }) {
  const data = segment.values.map((v) => ({ value: v.value, rate: Math.round(v.rate * 1000) / 10 }));
  const max = Math.max(overall * 100, ...data.map((d) => d.rate));
  return (
    <figure className="chart history-chart">
      <div className="chart-canvas short" aria-hidden="true" data-testid="history-chart">
        <ResponsiveBar
          data={data}
          keys={['rate']}
          indexBy="value"
          margin={{ top: 18, right: 16, bottom: 58, left: 52 }}
          padding={0.22}
          colors={['#1f4e8c']}
          valueScale={{ type: 'linear', min: 0, max: max > 0 ? max * 1.15 : 1 }}
          axisBottom={{ tickSize: 0, tickPadding: 6, tickRotation: data.length > 8 ? -35 : 0 }}
          axisLeft={{ tickSize: 0, tickPadding: 6, tickValues: 4, format: (v) => `${v}%` }}
          enableGridY
          label={(d) => `${(d.value ?? 0).toFixed(1)}%`}
          labelSkipHeight={16}
          labelTextColor="#ffffff"
          markers={[
            {
              axis: 'y',
              value: overall * 100,
              lineStyle: { stroke: '#c2410c', strokeWidth: 2, strokeDasharray: '6 4' },
              legend: `All contacts ${pct(overall)}`,
              legendPosition: 'top-right',
              textStyle: { fill: '#9a3412', fontSize: 12, fontWeight: 600 },
            },
          ]}
          isInteractive={false}
          animate={false}
          theme={{ text: { fontSize: 12, fill: '#2b3340' } }}
        />
      </div>
      <table className="data-table" aria-label={`Response by ${segment.label.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">{segment.label}</th>
            <th scope="col" className="num">
              Contacts
            </th>
            <th scope="col" className="num">
              Responded
            </th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              95% interval
            </th>
          </tr>
        </thead>
        <tbody>
          {segment.values.map((v) => (
            <tr key={v.value}>
              <th scope="row">{v.value}</th>
              <td className="num">{formatInt(v.contacts)}</td>
              <td className="num">{formatInt(v.responders)}</td>
              <td className="num">{pct(v.rate)}</td>
              <td className="num">
                {pct(v.ci_low)} – {pct(v.ci_high)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function HistoryReportView({ history }: { history: HistoryImport }) {
  const report = useCall('history:report', { id: history.id });
  const [segmentKey, setSegmentKey] = useState('');
  if (report.error) return <ErrorPanel message={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading slow={report.slow} text="Working out the rates…" />;
  const segments = report.data.segments;
  const segment = segments.find((s) => s.key === segmentKey) ?? segments[0];
  return (
    <section className="panel" aria-labelledby="history-report-title" data-testid="history-report">
      <h2 id="history-report-title">
        {history.name}: {pct(history.rate)} responded
      </h2>
      <p className="muted">
        {formatInt(history.responders)} of {formatInt(history.contacts)} contacts responded. Until the bank has results
        of its own, the matrix projects {familyLabel(history.family).toLowerCase()} offers at this rate.
      </p>
      {segment ? (
        <>
          <label className="field history-segment">
            <span>Response by</span>
            <select value={segment.key} onChange={(e) => setSegmentKey(e.target.value)}>
              {segments.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <SegmentChart segment={segment} overall={history.rate} />
        </>
      ) : (
        <p className="empty">The file had no segment columns: only the overall rate is known.</p>
      )}
    </section>
  );
}

/**
 * Results › History baseline: past campaigns' contacts and outcomes, their response rates by
 * segment, and the rate the matrix projects a family at until the bank's own results come in.
 */
export function HistoryTab() {
  const list = useCall('history:list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [removing, setRemoving] = useState<HistoryImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const histories = list.data ?? [];
  const shown = histories.find((h) => h.id === selected) ?? histories[0];

  const remove = async (h: HistoryImport) => {
    setRemoving(null);
    try {
      await call('history:delete', { id: h.id });
      list.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <ImportForm
        onImported={(h) => {
          setSelected(h.id);
          list.reload();
        }}
      />
      {list.error ? <ErrorPanel message={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading slow={list.slow} text="Loading the histories…" /> : null}
      {list.data && histories.length === 0 ? <p className="empty">No past campaign imported yet.</p> : null}
      {histories.length > 0 ? (
        <section className="panel" aria-labelledby="history-list-title">
          <h2 id="history-list-title">Past campaigns</h2>
          <table className="data-table" aria-label="Past campaigns">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Contacts
                </th>
                <th scope="col" className="num">
                  Rate
                </th>
                <th scope="col">File</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {histories.map((h) => (
                <tr key={h.id} aria-selected={h.id === shown?.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => setSelected(h.id)}>
                      {h.name}
                    </button>
                  </th>
                  <td>{familyLabel(h.family)}</td>
                  <td className="num">{formatInt(h.contacts)}</td>
                  <td className="num">{pct(h.rate)}</td>
                  <td>{h.file}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary small-button"
                      aria-label={`Remove ${h.name}`}
                      onClick={() => setRemoving(h)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </section>
      ) : null}
      {shown ? <HistoryReportView key={shown.id} history={shown} /> : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            Its {formatInt(removing.contacts)} contacts go; projections of {familyLabel(removing.family).toLowerCase()}{' '}
            offers fall back to an older history or the usual rate.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
