import { useId, useState } from 'react';
import {
  ATTRIBUTIONS,
  ATTRIBUTION_WORDS,
  FORMULAS,
  type Attribution,
  type CampaignReport,
  type CampaignSummary,
  type CellFigures,
  type CellResult,
} from '../../src-shared/measure';
import { call } from '../lib/api';
import { saveDownload } from '../lib/download';
import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { BalancesByCell, Funnel, LiftBars, ResponseCurve, RomiByCampaign } from './results-charts';
import { money, pct, points, pValue, ROMI, verdict, whole } from './results-words';

const ATTRIBUTION_LABEL: Record<Attribution, string> = {
  last: 'Last touch',
  first: 'First touch',
  equal: 'Equal split',
};

/** A headline figure; hovering or focusing it shows how it is worked out. */
function Figure({ label, value, formula, detail }: { label: string; value: string; formula: string; detail?: string }) {
  const id = useId();
  return (
    <div className="stat figure" tabIndex={0} title={formula} aria-describedby={id} data-testid="figure">
      <p className="stat-label">{label}</p>
      <div className="stat-value">{value}</div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
      <span id={id} className="formula" role="tooltip">
        {formula}
      </span>
    </div>
  );
}

function Headline({ totals, scope }: { totals: CellFigures; scope: string }) {
  const said = verdict(totals);
  return (
    <section className="panel" aria-labelledby="results-headline-title">
      <h2 id="results-headline-title">Did it pay? ({scope})</h2>
      <p className={said.proven ? 'verdict proven' : 'verdict'} data-testid="verdict">
        {said.words}
      </p>
      <div className="stats results-stats">
        <Figure label="Pieces mailed" value={whole(totals.mailed)} formula={FORMULAS.cost!} detail="letters sent" />
        <Figure
          label="Held out"
          value={whole(totals.control)}
          formula="households of the control group, sent nothing"
        />
        <Figure label="Response, mailed" value={pct(totals.rate_mailed)} formula={FORMULAS.rate_mailed!} />
        <Figure label="Response, control" value={pct(totals.rate_control)} formula={FORMULAS.rate_control!} />
        <Figure
          label="Lift"
          value={points(totals.lift)}
          formula={`${FORMULAS.lift!}; interval: ${FORMULAS.lift_ci!}`}
          detail={`95%: ${points(totals.lift_ci_low)} to ${points(totals.lift_ci_high)}`}
        />
        <Figure label="p-value" value={pValue(totals.p_value)} formula={FORMULAS.p_value!} />
        <Figure
          label="Incremental balances"
          value={money(totals.incremental_balance_cents)}
          formula={FORMULAS.incremental_balance!}
        />
        <Figure label="Cost" value={money(totals.cost_cents)} formula={FORMULAS.cost!} />
        <Figure
          label="ROMI"
          value={ROMI(totals.romi)}
          formula={`${FORMULAS.romi!}; margin = ${FORMULAS.margin!}`}
          detail={`conservative ${ROMI(totals.scenarios.conservative)} · aggressive ${ROMI(totals.scenarios.aggressive)}`}
        />
        <Figure
          label="Payback"
          value={totals.payback_months === null ? '—' : `${totals.payback_months} months`}
          formula={FORMULAS.payback_months!}
        />
      </div>
    </section>
  );
}

function CellsTable({ cells, total }: { cells: CellResult[]; total: CellResult | null }) {
  const head: [string, string | undefined][] = [
    ['Mailed', FORMULAS.cost],
    ['Control', undefined],
    ['Responders m.', undefined],
    ['Responders c.', undefined],
    ['Direct / indirect', undefined],
    ['Rate m.', FORMULAS.rate_mailed],
    ['Rate c.', FORMULAS.rate_control],
    ['Lift', FORMULAS.lift],
    ['95% interval', FORMULAS.lift_ci],
    ['p', FORMULAS.p_value],
    ['Incr. balance', FORMULAS.incremental_balance],
    ['Cost', FORMULAS.cost],
    ['ROMI', FORMULAS.romi],
    ['Scenarios', FORMULAS.scenarios],
    ['Payback', FORMULAS.payback_months],
    ['Break-even lift', FORMULAS.break_even_rate],
  ];
  const row = (c: CellResult, isTotal: boolean) => (
    <tr key={`${c.audience}|${c.offer}`} className={isTotal ? 'total-row' : undefined} data-testid="result-cell">
      <th scope="row" className="wrap">
        {c.audience}
        {c.offer ? <span className="muted"> · {c.offer}</span> : null}
      </th>
      <td className="num">{whole(c.mailed)}</td>
      <td className="num">{whole(c.control)}</td>
      <td className="num">{whole(c.responders_mailed)}</td>
      <td className="num">{whole(c.responders_control)}</td>
      <td className="num">
        {whole(c.direct_mailed)} / {whole(c.indirect_mailed)}
      </td>
      <td className="num">{pct(c.rate_mailed)}</td>
      <td className="num">{pct(c.rate_control)}</td>
      <td className="num">{points(c.lift)}</td>
      <td className="num">
        {points(c.lift_ci_low)} to {points(c.lift_ci_high)}
      </td>
      <td className="num">{pValue(c.p_value)}</td>
      <td className="num">{money(c.incremental_balance_cents)}</td>
      <td className="num">{money(c.cost_cents)}</td>
      <td className="num">{ROMI(c.romi)}</td>
      <td className="num">
        {ROMI(c.scenarios.conservative)} · {ROMI(c.scenarios.aggressive)}
      </td>
      <td className="num">{c.payback_months === null ? '—' : `${c.payback_months} mo`}</td>
      <td className="num">{pct(c.break_even_rate)}</td>
    </tr>
  );
  return (
    <div className="table-scroll" tabIndex={0} aria-label="Results by cell, scrolls sideways">
      <table className="data-table compact results-table" aria-label="Results by cell">
        <thead>
          <tr>
            <th scope="col">Cell</th>
            {head.map(([label, formula]) => (
              <th key={label} scope="col" className="num" title={formula}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{cells.map((c) => row(c, false))}</tbody>
        {total ? <tfoot>{row(total, true)}</tfoot> : null}
      </table>
    </div>
  );
}

function Quality({ report }: { report: CampaignReport }) {
  const q = report.quality;
  const items: [string, string, string][] = [
    ['Match rate', pct(q.match_rate, 1), 'responses matched to a household mailed or held out, of all imported'],
    ['Responses counted', whole(q.responses), 'matched to this run’s households'],
    ['Outside every window', whole(q.outside_window), 'dated after the offer’s response window (or before the drop)'],
    ['Already held', whole(q.already_held), 'for a kind of product the household held at the drop'],
    ['Another campaign’s', whole(q.other_campaigns), 'given to another drop by the attribution rule'],
    ['Doubtful, to review', whole(q.doubtful), 'name-and-address matches waiting for you'],
    ['Unmatched', whole(q.unmatched), 'not tied to any household mailed or held out'],
  ];
  return (
    <section className="panel" aria-labelledby="quality-title">
      <h2 id="quality-title">Data quality</h2>
      <dl className="quality-list" data-testid="quality">
        {items.map(([label, value, what]) => (
          <div key={label} title={what}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {q.doubtful > 0 || q.unmatched > 0 ? (
        <p>
          <a href={href({ screen: 'responses' })}>Review the doubtful and unmatched responses</a> in Campaigns ›
          Responses.
        </p>
      ) : null}
      <p className="muted small">{report.method}</p>
    </section>
  );
}

function Growth({ report }: { report: CampaignReport }) {
  const g = report.balance_growth;
  return (
    <section className="panel" aria-labelledby="growth-title">
      <h2 id="growth-title">Existing relationships</h2>
      {g ? (
        <p data-testid="growth">
          Balances households already held grew {money(g.mailed_cents)} a household when mailed and{' '}
          {money(g.control_cents)} when held out, to {g.as_of}: {money(g.difference_cents)} a household more with the
          letter.
        </p>
      ) : (
        <p className="muted" data-testid="growth">
          Needs balance snapshots after the drop (import the next months&rsquo; balances) to compare how existing
          balances grew.
        </p>
      )}
    </section>
  );
}

function Report({
  runId,
  attribution,
  branch,
  campaigns,
}: {
  runId: number;
  attribution: Attribution;
  branch: string | null;
  campaigns: CampaignSummary[];
}) {
  const report = useCall('report:campaign', { run_id: runId, attribution, branch });
  const [audience, setAudience] = useState('');
  const [offer, setOffer] = useState('');
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  if (report.error)
    return <ErrorPanel message={`The results could not be worked out: ${report.error}`} onRetry={report.reload} />;
  if (!report.data) return <Loading slow={report.slow} text="Working out the results…" />;
  const r = report.data;
  const cells = r.cells.filter((c) => (!audience || c.audience === audience) && (!offer || c.offer === offer));
  const filtered = audience !== '' || offer !== '';
  // Filtered, the run's total no longer adds up the rows shown: it is left out.
  const total: CellResult | null = filtered ? null : { ...r.totals, audience: 'All cells', offer: '' };
  const headline = filtered && cells.length === 1 ? cells[0]! : r.totals;
  const exportAs = async (format: 'pdf' | 'xlsx') => {
    setExporting(format);
    setExportError(null);
    try {
      saveDownload(await call('report:export', { run_id: runId, attribution, branch, format }));
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(null);
    }
  };
  return (
    <div aria-busy={report.loading}>
      <div className="form-row results-cell-filters">
        <label className="field">
          <span>Audience</span>
          <select value={audience} onChange={(e) => setAudience(e.target.value)}>
            <option value="">Every audience</option>
            {[...new Set(r.cells.map((c) => c.audience))].map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Offer</span>
          <select value={offer} onChange={(e) => setOffer(e.target.value)}>
            <option value="">Every offer</option>
            {[...new Set(r.cells.map((c) => c.offer))].map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <div className="form-buttons">
          <button
            type="button"
            className="secondary"
            disabled={exporting !== null}
            onClick={() => void exportAs('pdf')}
          >
            {exporting === 'pdf' ? 'Writing…' : 'Executive report (PDF)'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={exporting !== null}
            onClick={() => void exportAs('xlsx')}
          >
            {exporting === 'xlsx' ? 'Writing…' : 'Tables (Excel)'}
          </button>
        </div>
      </div>
      {exportError ? (
        <p className="field-error" role="alert">
          {exportError}
        </p>
      ) : null}
      {r.quality.responses === 0 && r.quality.unmatched === 0 && r.quality.doubtful === 0 ? (
        <p className="notice" data-testid="no-responses">
          No responses for this run yet: import a response file in{' '}
          <a href={href({ screen: 'responses' })}>Campaigns › Responses</a>.
        </p>
      ) : null}
      <Headline
        totals={headline}
        scope={filtered && cells.length === 1 ? `${cells[0]!.audience} · ${cells[0]!.offer}` : 'the whole run'}
      />
      <div className="results-grid">
        <section className="panel" aria-labelledby="curve-title">
          <h2 id="curve-title">Responses by day since the drop</h2>
          <ResponseCurve report={r} />
        </section>
        <section className="panel" aria-labelledby="lift-title">
          <h2 id="lift-title">Lift by cell</h2>
          <LiftBars cells={cells} total={total} />
        </section>
        <section className="panel" aria-labelledby="funnel-title">
          <h2 id="funnel-title">Funnel</h2>
          <Funnel report={r} />
        </section>
        <section className="panel" aria-labelledby="balances-title">
          <h2 id="balances-title">Balances generated</h2>
          <BalancesByCell cells={cells} />
        </section>
      </div>
      <section className="panel" aria-labelledby="cells-title">
        <h2 id="cells-title">Cells</h2>
        <CellsTable cells={cells} total={total} />
      </section>
      <div className="results-grid">
        <Quality report={r} />
        <Growth report={r} />
      </div>
      <section className="panel" aria-labelledby="romi-title">
        <h2 id="romi-title">ROMI by campaign</h2>
        <RomiByCampaign campaigns={campaigns} />
      </section>
    </div>
  );
}

/** Results › Dashboard: pick a campaign, an attribution rule and a branch; see whether it paid. */
export function Dashboard() {
  const [attribution, setAttribution] = useState<Attribution>('last');
  const overview = useCall('report:overview', { attribution });
  const [chosen, setChosen] = useState<number | null>(null);
  const [branchText, setBranchText] = useState('');
  const [branch, setBranch] = useState<string | null>(null);
  if (overview.error) return <ErrorPanel message={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading slow={overview.slow} text="Loading the campaigns…" />;
  const campaigns = overview.data;
  if (campaigns.length === 0)
    return (
      <p className="empty" data-testid="no-runs">
        No campaign yet: run a month in <a href={href({ screen: 'month-run' })}>Matrix › Run a month</a>, then import
        its responses.
      </p>
    );
  const runId = chosen ?? (campaigns.find((c) => c.responses > 0) ?? campaigns[0]!).run_id;
  return (
    <>
      <section className="panel results-filters" aria-label="Filters">
        <label className="field">
          <span>Campaign</span>
          <select value={runId} onChange={(e) => setChosen(Number(e.target.value))}>
            {campaigns.map((c) => (
              <option key={c.run_id} value={c.run_id}>
                {c.month} · run {c.run_id} ({c.status === 'final' ? 'final' : 'for review'}, {c.responses} responses)
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Attribution</span>
          <select value={attribution} onChange={(e) => setAttribution(e.target.value as Attribution)}>
            {ATTRIBUTIONS.map((a) => (
              <option key={a} value={a}>
                {ATTRIBUTION_LABEL[a]}
              </option>
            ))}
          </select>
        </label>
        <form
          className="field branch-filter"
          onSubmit={(e) => {
            e.preventDefault();
            setBranch(branchText.trim() === '' ? null : branchText.trim().toUpperCase());
          }}
        >
          <label htmlFor="results-branch">Branch code</label>
          <input
            id="results-branch"
            type="text"
            value={branchText}
            placeholder="every branch (Enter applies)"
            onChange={(e) => setBranchText(e.target.value)}
          />
        </form>
        <p className="muted small attribution-words" data-testid="attribution-words">
          Attribution by {ATTRIBUTION_WORDS[attribution]}.{branch ? ` Branch ${branch} only.` : ''}
        </p>
      </section>
      <Report
        key={`${runId}|${attribution}|${branch}`}
        runId={runId}
        attribution={attribution}
        branch={branch}
        campaigns={campaigns}
      />
    </>
  );
}
