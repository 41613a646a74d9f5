/**
 * The Results charts (nivo): the cumulative response curve mailed vs control, the lift by cell
 * with its 95% interval, ROMI by campaign, the funnel and the balances by cell. Each chart's
 * numbers are also a table for screen readers.
 */
import { ResponsiveBar } from '@nivo/bar';
import { ResponsiveLine } from '@nivo/line';
import type { CampaignReport, CampaignSummary, CellResult } from '../../src-shared/measure';
import { money, pct, points, ROMI, whole } from './results-words';

const MAILED = '#1f4e8c';
const CONTROL = '#c2410c';
const THEME = { text: { fontSize: 12, fill: '#2b3340' } };

function Caption({ title, head, rows }: { title: string; head: string[]; rows: string[][] }) {
  return (
    <figcaption className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r[0]}>
              {r.map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figcaption>
  );
}

/** Cumulative response rate by day since the drop: the gap between the lines is the lift. */
export function ResponseCurve({ report }: { report: CampaignReport }) {
  const step = Math.max(1, Math.ceil(report.by_day.length / 60));
  const days = report.by_day.filter((d, i) => i % step === 0 || i === report.by_day.length - 1);
  const data = [
    { id: 'Mailed', data: days.map((d) => ({ x: d.day, y: d.mailed * 100 })) },
    { id: 'Control', data: days.map((d) => ({ x: d.day, y: d.control * 100 })) },
  ];
  const weekly = report.by_day.filter((d) => d.day % 7 === 0);
  return (
    <figure className="chart">
      <div className="chart-canvas" aria-hidden="true" data-testid="curve-chart">
        <ResponsiveLine
          data={data}
          margin={{ top: 16, right: 96, bottom: 44, left: 56 }}
          xScale={{ type: 'linear', min: 0, max: 'auto' }}
          yScale={{ type: 'linear', min: 0, max: 'auto' }}
          colors={[MAILED, CONTROL]}
          lineWidth={2.5}
          enablePoints={false}
          axisBottom={{ legend: 'Days since the drop', legendPosition: 'middle', legendOffset: 34, tickSize: 0 }}
          axisLeft={{ format: (v) => `${Number(v).toFixed(1)}%`, tickSize: 0, tickValues: 5 }}
          enableGridX={false}
          legends={[
            {
              anchor: 'right',
              direction: 'column',
              translateX: 90,
              itemWidth: 80,
              itemHeight: 20,
              symbolSize: 12,
            },
          ]}
          isInteractive={false}
          animate={false}
          theme={THEME}
        />
      </div>
      <Caption
        title="Cumulative response rate by week since the drop"
        head={['Day', 'Mailed', 'Control']}
        rows={weekly.map((d) => [String(d.day), pct(d.mailed), pct(d.control)])}
      />
    </figure>
  );
}

/** Lift by cell: a dot at the estimate and a bar across its 95% interval, zero marked. */
export function LiftBars({ cells, total }: { cells: CellResult[]; total: CellResult | null }) {
  const rows = total ? [...cells, total] : cells;
  const known = rows.filter((r) => r.lift !== null);
  const lo = Math.min(0, ...known.map((r) => r.lift_ci_low!));
  const hi = Math.max(0.001, ...known.map((r) => r.lift_ci_high!));
  const at = (v: number) => `${((v - lo) / (hi - lo)) * 100}%`;
  return (
    <figure className="chart lift-bars" data-testid="lift-chart">
      <ol aria-label="Lift by cell with its 95% interval">
        {rows.map((r, i) => (
          <li key={`${r.audience}|${r.offer}`} className={total && i === rows.length - 1 ? 'total' : undefined}>
            <span className="lift-label">
              {r.audience}
              {r.offer ? ` · ${r.offer}` : ''}
            </span>
            {r.lift === null ? (
              <span className="lift-track muted">no control group</span>
            ) : (
              <span
                className="lift-track"
                aria-label={`${points(r.lift)}, 95% interval ${points(r.lift_ci_low)} to ${points(r.lift_ci_high)}`}
              >
                <span className="lift-zero" style={{ left: at(0) }} />
                <span
                  className={r.lift_ci_low! > 0 ? 'lift-interval proven' : 'lift-interval'}
                  style={{ left: at(r.lift_ci_low!), width: `calc(${at(r.lift_ci_high!)} - ${at(r.lift_ci_low!)})` }}
                />
                <span className="lift-dot" style={{ left: at(r.lift) }} />
                <span className="lift-value" style={{ left: at(r.lift) }}>
                  {points(r.lift)}
                </span>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="muted small">
        The dot is the lift, the bar its 95% interval; a bar clear of the zero line (green) is a proven lift.
      </p>
    </figure>
  );
}

/** ROMI of each run with responses, oldest first. */
export function RomiByCampaign({ campaigns }: { campaigns: CampaignSummary[] }) {
  const shown = campaigns.filter((c) => c.responses > 0 && c.totals.romi !== null).reverse();
  if (shown.length === 0) return <p className="muted">No campaign has responses yet.</p>;
  const data = shown.map((c) => ({ campaign: `${c.month} #${c.run_id}`, romi: Math.round(c.totals.romi! * 100) }));
  return (
    <figure className="chart">
      <div className="chart-canvas short" aria-hidden="true" data-testid="romi-chart">
        <ResponsiveBar
          data={data}
          keys={['romi']}
          indexBy="campaign"
          margin={{ top: 16, right: 16, bottom: 40, left: 64 }}
          padding={0.3}
          colors={[MAILED]}
          axisLeft={{ format: (v) => `${v}%`, tickSize: 0, tickValues: 4 }}
          axisBottom={{ tickSize: 0, tickPadding: 6 }}
          label={(d) => `${d.value}%`}
          labelTextColor="#ffffff"
          isInteractive={false}
          animate={false}
          theme={THEME}
        />
      </div>
      <Caption
        title="ROMI by campaign"
        head={['Campaign', 'ROMI']}
        rows={shown.map((c) => [`${c.month} #${c.run_id}`, ROMI(c.totals.romi)])}
      />
    </figure>
  );
}

/** Mailed → responded → funded → active, as shares of each group's pieces. */
export function Funnel({ report }: { report: CampaignReport }) {
  const { mailed, control } = report.funnel;
  const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 10000) / 100 : 0);
  const stages = [
    ['Responded', 'responded'],
    ['Funded', 'funded'],
    ['Active in 60 days', 'active'],
  ] as const;
  const data = stages.map(([label, key]) => ({
    stage: label,
    Mailed: share(mailed[key], mailed.pieces),
    Control: share(control[key], control.pieces),
  }));
  return (
    <figure className="chart">
      <div className="chart-canvas short" aria-hidden="true" data-testid="funnel-chart">
        <ResponsiveBar
          data={data}
          keys={['Mailed', 'Control']}
          indexBy="stage"
          groupMode="grouped"
          margin={{ top: 16, right: 96, bottom: 36, left: 56 }}
          padding={0.25}
          colors={[MAILED, CONTROL]}
          axisLeft={{ format: (v) => `${v}%`, tickSize: 0, tickValues: 4 }}
          axisBottom={{ tickSize: 0, tickPadding: 6 }}
          label={(d) => `${d.value}%`}
          labelSkipHeight={14}
          labelTextColor="#ffffff"
          legends={[
            { dataFrom: 'keys', anchor: 'right', direction: 'column', translateX: 90, itemWidth: 80, itemHeight: 20 },
          ]}
          isInteractive={false}
          animate={false}
          theme={THEME}
        />
      </div>
      <Caption
        title="Funnel: share of each group's pieces"
        head={['Stage', 'Mailed', 'Control']}
        rows={[
          ['Pieces', whole(mailed.pieces), whole(control.pieces)],
          ...stages.map(([label, key]) => [label, whole(mailed[key]), whole(control[key])]),
        ]}
      />
    </figure>
  );
}

/** The balances each cell brought beyond what its control group did on its own. */
export function BalancesByCell({ cells }: { cells: CellResult[] }) {
  const shown = cells.filter((c) => c.incremental_balance_cents !== null);
  if (shown.length === 0) return <p className="muted">No cell has a control group to compare with.</p>;
  const data = shown.map((c) => ({
    cell: c.offer,
    balance: Math.round(c.incremental_balance_cents! / 100),
  }));
  return (
    <figure className="chart">
      <div className="chart-canvas short" aria-hidden="true" data-testid="balance-chart">
        <ResponsiveBar
          data={data}
          keys={['balance']}
          indexBy="cell"
          margin={{ top: 16, right: 16, bottom: 36, left: 80 }}
          padding={0.3}
          colors={['#15803d']}
          axisLeft={{ format: (v) => `$${Number(v).toLocaleString('en-US')}`, tickSize: 0, tickValues: 4 }}
          axisBottom={{ tickSize: 0, tickPadding: 6 }}
          enableLabel={false}
          isInteractive={false}
          animate={false}
          theme={THEME}
        />
      </div>
      <Caption
        title="Incremental balances by cell"
        head={['Cell', 'Incremental balance']}
        rows={shown.map((c) => [`${c.audience} · ${c.offer}`, money(c.incremental_balance_cents)])}
      />
    </figure>
  );
}
