import type { AppInfo } from '../../src-shared/domain';
import { getApi } from '../lib/api';
import { navigate, type Route } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { Tabs } from '../shell/tabs';
import { OffersTab } from './offers-tab';
import { PlanTab } from './plan-tab';
import { RunTab } from './run-tab';
import { claimRunSession } from './run-store';
import '../klis/klis.css';
import './matrix.css';

type MatrixTab = 'plan' | 'offers' | 'run';

const TABS: { id: MatrixTab; label: string; route: Route }[] = [
  { id: 'plan', label: 'Plan', route: { screen: 'stage', stage: 'matrix' } },
  { id: 'offers', label: 'Offers and letters', route: { screen: 'offers' } },
  { id: 'run', label: 'Run a month', route: { screen: 'month-run' } },
];

function TabPanel({ tab, info }: { tab: MatrixTab; info: AppInfo }) {
  const view = useCall('plan:get', {});
  if (view.error && !view.data)
    return <ErrorPanel message={`The plan could not be loaded: ${view.error}`} onRetry={view.reload} />;
  if (!view.data) return <Loading slow={view.slow} text="Loading the plan…" />;
  switch (tab) {
    case 'plan':
      return <PlanTab view={view.data} reload={view.reload} />;
    case 'offers':
      return <OffersTab view={view.data} reload={view.reload} />;
    case 'run':
      return <RunTab view={view.data} dataDir={info.data_dir} />;
  }
}

/**
 * Offer and execute: the year's cross-sell matrix (approved audiences by priority × months,
 * an offer a cell, with projected volume, cost and return), the offers, letters and products'
 * economics it is made of, and running a month into letters and files.
 */
export function MatrixStage({ tab, info, dbPath }: { tab: MatrixTab; info: AppInfo; dbPath: string }) {
  claimRunSession(getApi(), dbPath);
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Cross-sell matrix</h1>
        <p className="muted">
          The year&rsquo;s plan: approved audiences in priority order against the months, an offer in each cell, so a
          household gets one letter a month; what each cell is expected to cost and bring; and each month run into
          letters and files.
        </p>
      </header>
      <Tabs
        label="Matrix"
        idPrefix="matrix"
        tabs={TABS}
        value={tab}
        onChange={(next) => navigate(TABS.find((t) => t.id === next)?.route ?? { screen: 'stage', stage: 'matrix' })}
      />
      <div className="tab-panel" role="tabpanel" id="matrix-panel" aria-labelledby={`matrix-tab-${tab}`}>
        <TabPanel tab={tab} info={info} />
      </div>
    </div>
  );
}
