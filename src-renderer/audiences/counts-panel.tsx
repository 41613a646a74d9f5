import type { AudienceCount } from '../../src-shared/audience';
import { formatInt } from '../lib/format';

/** Who the mailing reaches: customers and letters up top, then the waterfall that led there. */
export function CountsPanel({
  count,
  outdated,
  waiting,
}: {
  count: AudienceCount | null;
  outdated: boolean;
  /** Why there is nothing (or nothing current) to show, e.g. an unfinished condition. */
  waiting: string | null;
}) {
  return (
    <section
      className={outdated && count ? 'panel audience-counts outdated' : 'panel audience-counts'}
      aria-labelledby="audience-counts-heading"
      aria-busy={outdated}
      data-testid="audience-counts"
    >
      <h2 id="audience-counts-heading">Who it reaches</h2>
      <dl className="preview-figures" aria-live="polite">
        <div>
          <dt>Customers</dt>
          <dd data-testid="audience-customers">{count ? formatInt(count.customers) : '—'}</dd>
        </div>
        <div>
          <dt>Households (letters)</dt>
          <dd data-testid="audience-households">{count ? formatInt(count.households) : '—'}</dd>
        </div>
      </dl>
      {waiting ? (
        <p className="muted small" role="status">
          {waiting}
        </p>
      ) : null}
      {count ? (
        <table className="data-table compact waterfall" aria-label="Waterfall">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="num">
                Removed
              </th>
              <th scope="col" className="num">
                Left
              </th>
            </tr>
          </thead>
          <tbody>
            {count.waterfall.map((step) => (
              <tr
                key={step.id}
                data-testid="waterfall-step"
                data-step={step.id}
                className={step.id !== 'eligible' && step.removed === 0 ? 'inactive' : undefined}
              >
                <th scope="row" className="wrap">
                  {step.id === 'eligible' ? 'Eligible (the rule selects)' : step.step}
                </th>
                <td className="num">
                  {step.id === 'eligible' ? '' : step.removed === 0 ? '0' : `−${formatInt(step.removed)}`}
                </td>
                <td className="num">{formatInt(step.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
