import type { RunSummary } from '../../src-shared/plan';
import { count, runTotals } from './plan-words';

/** A run's cells: eligible, mailed and held out, with the total when there are several. */
export function CellsTable({ run }: { run: RunSummary }) {
  const totals = runTotals(run);
  return (
    <table className="data-table compact" aria-label="Run cells">
      <thead>
        <tr>
          <th scope="col">Audience</th>
          <th scope="col">Offer</th>
          <th scope="col" className="num">
            Eligible
          </th>
          <th scope="col" className="num">
            Mailed
          </th>
          <th scope="col" className="num">
            Held out
          </th>
        </tr>
      </thead>
      <tbody>
        {run.cells.map((c) => (
          <tr key={`${c.audience}|${c.offer}`} data-testid="cell-row">
            <td className="wrap">{c.audience}</td>
            <td>{c.offer}</td>
            <td className="num">{count(c.eligible)}</td>
            <td className="num">{count(c.mailed)}</td>
            <td className="num">{count(c.control)}</td>
          </tr>
        ))}
      </tbody>
      {run.cells.length > 1 ? (
        <tfoot>
          <tr className="total-row">
            <th scope="row" colSpan={2}>
              All cells
            </th>
            <td className="num">{count(totals.eligible)}</td>
            <td className="num">{count(totals.mailed)}</td>
            <td className="num">{count(totals.control)}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** A run's waterfall: what each step removed, and what remained. */
export function WaterfallTable({ run }: { run: RunSummary }) {
  return (
    <table className="data-table compact" aria-label="Run waterfall">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col" className="num">
            Removed
          </th>
          <th scope="col" className="num">
            Remaining
          </th>
        </tr>
      </thead>
      <tbody>
        {run.waterfall.map((s) => (
          <tr key={s.step}>
            <td className="wrap">{s.step}</td>
            <td className="num">{s.removed > 0 ? `−${count(s.removed)}` : '0'}</td>
            <td className="num">{count(s.remaining)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
