import { ResponsiveBar } from '@nivo/bar';
import type { ScoreModel } from '../../src-shared/scores';
import { formatInt } from '../lib/format';
import { averageRate, familyLabel, formatLift, formatPercent } from './score-words';

const percent = (share: number) => Math.round(share * 1000) / 10;
/** Whole percents on the bars (the note and the table give the tenths), below 10% one decimal. */
const barLabel = (pct: number) => (pct < 10 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`);

/**
 * How often each tenth of the holdout opened the product, highest scores first, against the
 * average (a dashed line): the steeper the fall from left to right, the more the scores tell
 * apart. The figures are also a table for screen readers.
 */
export function DecileChart({ model }: { model: ScoreModel }) {
  const label = familyLabel(model.family).toLowerCase();
  const average = averageRate(model);
  const deciles = [...model.deciles].sort((a, b) => a.decile - b.decile);
  if (deciles.length === 0) return <p className="muted">No holdout figures for {label}.</p>;
  const data = deciles.map((d) => ({ decile: String(d.decile), rate: percent(d.rate) }));
  const top = deciles[0];
  const max = Math.max(percent(average), ...data.map((d) => d.rate));
  return (
    <figure className="chart scores-chart">
      <div className="chart-canvas short" aria-hidden="true" data-testid="scores-decile-chart">
        <ResponsiveBar
          data={data}
          keys={['rate']}
          indexBy="decile"
          margin={{ top: 18, right: 16, bottom: 44, left: 52 }}
          padding={0.22}
          colors={['#1f4e8c']}
          valueScale={{ type: 'linear', min: 0, max: max > 0 ? max * 1.15 : 1 }}
          axisBottom={{
            tickSize: 0,
            tickPadding: 6,
            legend: 'Tenths of the holdout by score (1 = highest scores)',
            legendPosition: 'middle',
            legendOffset: 34,
          }}
          axisLeft={{ tickSize: 0, tickPadding: 6, tickValues: 4, format: (v) => `${v}%` }}
          enableGridY
          label={(d) => barLabel(d.value ?? 0)}
          labelSkipHeight={16}
          labelTextColor="#ffffff"
          markers={[
            {
              axis: 'y',
              value: percent(average),
              lineStyle: { stroke: '#c2410c', strokeWidth: 2, strokeDasharray: '6 4' },
              legend: `Average ${formatPercent(average, 1)}`,
              legendPosition: 'top-right',
              textStyle: { fill: '#9a3412', fontSize: 12, fontWeight: 600 },
            },
          ]}
          isInteractive={false}
          animate={false}
          theme={{ text: { fontSize: 12, fill: '#2b3340' } }}
        />
      </div>
      <p className="muted small scores-chart-note" data-testid="scores-chart-note">
        On average {formatPercent(average, 1)} of the holdout opened one in the window (the dashed line); the top tenth
        opened at {formatPercent(top?.rate ?? 0, 1)}, {formatLift(top?.lift ?? 0)} the average.
      </p>
      <figcaption className="visually-hidden">
        <table>
          <caption>Opening rate of {label} by tenth of the holdout, highest scores first</caption>
          <thead>
            <tr>
              <th scope="col">Tenth</th>
              <th scope="col">Customers</th>
              <th scope="col">Opened</th>
              <th scope="col">Rate</th>
              <th scope="col">Lift</th>
              <th scope="col">Openers found so far</th>
            </tr>
          </thead>
          <tbody>
            {deciles.map((d) => (
              <tr key={d.decile}>
                <th scope="row">{d.decile}</th>
                <td>{formatInt(d.customers)}</td>
                <td>{formatInt(d.openers)}</td>
                <td>{formatPercent(d.rate, 1)}</td>
                <td>{formatLift(d.lift)}</td>
                <td>{formatPercent(d.captured)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
