import type { PlanProjection, PlanView } from '../../src-shared/plan';
import { useCall } from '../lib/use-call';
import { OverlapPanel } from './overlap-panel';
import { PlanGrid } from './plan-grid';
import { PlanSettingsForm } from './plan-settings';
import { SampleSizePlanner } from './sample-size';
import { count, dollars } from './plan-words';

/** The year's pieces, cost against the budget, responses and return; over budget is flagged. */
function YearTotals({ projection, busy }: { projection: PlanProjection; busy: boolean }) {
  const { year } = projection;
  const over = year.budget !== null && year.cost > year.budget;
  return (
    <section className="panel" aria-labelledby="year-totals-title" aria-busy={busy} data-testid="year-totals">
      <h2 id="year-totals-title">The year</h2>
      <div className="stats">
        <div className="stat">
          <p className="stat-label">Pieces</p>
          <div className="stat-value">{count(year.pieces)}</div>
        </div>
        <div className={over ? 'stat over-budget' : 'stat'}>
          <p className="stat-label">Cost</p>
          <div className="stat-value" data-testid="year-cost">
            {dollars(year.cost)}
          </div>
          <div className="stat-detail" data-testid="year-budget">
            {year.budget === null
              ? 'No budget set'
              : over
                ? `Over the ${dollars(year.budget)} budget by ${dollars(year.cost - year.budget)}`
                : `Within the ${dollars(year.budget)} budget (${dollars(year.budget - year.cost)} left)`}
          </div>
        </div>
        <div className="stat">
          <p className="stat-label">Expected responses</p>
          <div className="stat-value">{count(year.responses)}</div>
        </div>
        <div className="stat">
          <p className="stat-label">Expected return</p>
          <div className="stat-value">{dollars(year.return)}</div>
          <div className="stat-detail">value of the accounts over their life, less opening costs</div>
        </div>
      </div>
      {over ? (
        <p className="blocked" role="alert">
          The plan costs more than the year&rsquo;s budget.
        </p>
      ) : null}
    </section>
  );
}

/** The Plan tab: settings, the matrix with each cell's projection, and the year against the budget. */
export function PlanTab({ view, reload }: { view: PlanView; reload: () => void }) {
  const projections = useCall('plan:projections', {});
  const projecting = projections.loading;
  return (
    <>
      <section className="panel" aria-labelledby="plan-settings-title">
        <h2 id="plan-settings-title">Settings</h2>
        <PlanSettingsForm
          settings={view.settings}
          onSaved={() => {
            reload();
            projections.reload();
          }}
        />
      </section>
      {view.months.length === 0 ? (
        <p className="empty">Choose the plan&rsquo;s first month to lay out its months.</p>
      ) : (
        <PlanGrid
          key={JSON.stringify([view.months, view.rows, view.cells])}
          view={view}
          projection={projections.data}
          projecting={projecting}
          onEdited={projections.reload}
        />
      )}
      <p className="muted projection-status" role="status" aria-live="polite">
        {projecting ? 'Projecting the plan…' : projections.error ? '' : 'Projections are up to date.'}
      </p>
      {projections.error ? (
        <p className="field-error" role="alert">
          The projections could not be worked out: {projections.error}
        </p>
      ) : null}
      {projections.data ? <YearTotals projection={projections.data} busy={projecting} /> : null}
      <OverlapPanel key={view.rows.map((r) => r.audience_id).join(',')} />
      <SampleSizePlanner controlShare={view.settings.control_share} />
    </>
  );
}
