import { ResponsiveBar } from '@nivo/bar';
import type { KliTrendPoint } from '../../src-shared/kli';
import { formatInt } from '../lib/format';

/** Customers with the signal each month of the lookback, with the figures in a table for screen readers. */
export function TrendChart({ name, trend }: { name: string; trend: KliTrendPoint[] }) {
  if (trend.length === 0) return <p className="muted">No trend yet: it appears after the first compute.</p>;
  const data = trend.map((p) => ({ month: p.month, customers: p.customers }));
  // Customers come whole: a small KLI gets one tick per customer rather than 0.5 steps.
  const max = Math.max(...trend.map((p) => p.customers));
  const ticks = max < 5 ? Array.from({ length: max + 1 }, (_, i) => i) : 4;
  return (
    <figure className="chart">
      <div className="chart-canvas short" aria-hidden="true" data-testid="kli-trend-chart">
        <ResponsiveBar
          data={data}
          keys={['customers']}
          indexBy="month"
          margin={{ top: 8, right: 12, bottom: 40, left: 56 }}
          padding={0.25}
          colors={['#1f4e8c']}
          axisBottom={{ tickSize: 0, tickPadding: 8, tickRotation: trend.length > 12 ? -40 : 0 }}
          axisLeft={{ tickSize: 0, tickPadding: 6, tickValues: ticks, format: (v) => formatInt(Number(v)) }}
          enableGridY
          enableLabel={false}
          isInteractive={false}
          animate={false}
          theme={{ text: { fontSize: 12, fill: '#2b3340' } }}
        />
      </div>
      <figcaption className="visually-hidden">
        <table>
          <caption>Customers with {name}, by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Customers</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.month}>
                <th scope="row">{p.month}</th>
                <td>{formatInt(p.customers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
