import type { KliTrendPoint } from '../../src-shared/kli';
import { formatInt } from '../lib/format';

const WIDTH = 96;
const HEIGHT = 24;
const GAP = 1;

/** How the trend reads aloud: first and last month, and the highest. */
export function trendWords(trend: KliTrendPoint[]): string {
  const first = trend[0];
  const last = trend.at(-1);
  if (!first || !last) return 'No trend yet';
  const peak = trend.reduce((best, p) => (p.customers > best.customers ? p : best), first);
  return `${formatInt(first.customers)} customers in ${first.month}, ${formatInt(last.customers)} in ${last.month}, most ${formatInt(peak.customers)} in ${peak.month}`;
}

/** Customers per month as small bars, for a table cell; the words are for screen readers and the tooltip. */
export function TrendSpark({ trend }: { trend: KliTrendPoint[] }) {
  if (trend.length === 0) return <span className="muted">—</span>;
  const max = Math.max(1, ...trend.map((p) => p.customers));
  const barWidth = (WIDTH - GAP * (trend.length - 1)) / trend.length;
  const words = trendWords(trend);
  return (
    <span className="trend-spark" title={words}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {trend.map((p, i) => {
          const h = p.customers === 0 ? 0 : Math.max(1.5, (p.customers / max) * HEIGHT);
          return <rect key={p.month} x={i * (barWidth + GAP)} y={HEIGHT - h} width={barWidth} height={h} rx={0.5} />;
        })}
      </svg>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
