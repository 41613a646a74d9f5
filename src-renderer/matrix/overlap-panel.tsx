import type { PlanOverlap } from '../../src-shared/plan';
import { useCall } from '../lib/use-call';

const count = (n: number) => n.toLocaleString('en-US');

/** Households each planned audience selects today, and how many each pair shares (a square table). */
export function OverlapTable({ overlap }: { overlap: PlanOverlap }) {
  const shared = (a: number, b: number) =>
    overlap.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.households ?? 0;
  return (
    <table className="data-table overlap-table" aria-label="Households the audiences share">
      <thead>
        <tr>
          <th scope="col">Audience</th>
          <th scope="col" className="num">
            Households
          </th>
          {overlap.audiences.map((a, i) => (
            <th key={a.audience_id} scope="col" className="num" title={a.name}>
              {`Shared with ${i + 1}`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {overlap.audiences.map((row, i) => (
          <tr key={row.audience_id}>
            <th scope="row">{`${i + 1}. ${row.name}`}</th>
            <td className="num">{count(row.households)}</td>
            {overlap.audiences.map((col) => (
              <td key={col.audience_id} className="num">
                {col.audience_id === row.audience_id ? '—' : count(shared(row.audience_id, col.audience_id))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OverlapPanel() {
  const overlap = useCall('plan:overlap', {});
  return (
    <section className="panel" aria-labelledby="plan-overlap-title">
      <h2 id="plan-overlap-title">Overlap between audiences</h2>
      <p className="muted">
        Households each audience would mail today, and how many two audiences share. In a month where both are planned,
        a shared household gets the higher-priority row&rsquo;s offer.
      </p>
      {overlap.error ? (
        <p className="field-error" role="alert">
          The overlap could not be worked out: {overlap.error}
        </p>
      ) : overlap.data ? (
        overlap.data.audiences.length ? (
          <OverlapTable overlap={overlap.data} />
        ) : (
          <p className="empty">No audience is planned yet.</p>
        )
      ) : (
        <p className="muted" role="status">
          Working out the overlap…
        </p>
      )}
    </section>
  );
}
