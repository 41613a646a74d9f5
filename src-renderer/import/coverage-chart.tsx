import { ResponsiveBar } from '@nivo/bar';
import { formatCompact, formatInt } from '../lib/format';

/** Every n-th month is labelled, so six years of months stay readable. */
function tickEvery(count: number): number {
  return Math.max(1, Math.ceil(count / 18));
}

/** Transactions by month of posting: a gap or a thin month shows a missing or short export. */
export function CoverageChart({ coverage }: { coverage: { month: string; transactions: number }[] }) {
  if (coverage.length === 0) return <p className="muted">No transactions in the database yet.</p>;
  const step = tickEvery(coverage.length);
  const ticks = coverage.filter((_, i) => i % step === 0).map((c) => c.month);
  return (
    <figure className="chart">
      <div className="chart-canvas short" aria-hidden="true">
        <ResponsiveBar
          data={coverage}
          keys={['transactions']}
          indexBy="month"
          margin={{ top: 8, right: 12, bottom: 44, left: 56 }}
          padding={0.2}
          colors={['#1f4e8c']}
          axisBottom={{ tickValues: ticks, tickRotation: -45 }}
          axisLeft={{ format: (v) => formatCompact(Number(v)) }}
          enableLabel={false}
          enableGridY
          isInteractive={false}
          animate={false}
          theme={{ text: { fontSize: 11, fill: '#2b3340' } }}
        />
      </div>
      <figcaption className="visually-hidden">
        <table>
          <caption>Transactions by month of posting</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Transactions</th>
            </tr>
          </thead>
          <tbody>
            {coverage.map((c) => (
              <tr key={c.month}>
                <th scope="row">{c.month}</th>
                <td>{formatInt(c.transactions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
