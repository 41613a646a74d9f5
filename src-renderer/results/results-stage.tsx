import type { AppInfo } from '../../src-shared/domain';
import { navigate, type Route } from '../lib/router';
import { Tabs } from '../shell/tabs';
import { Dashboard } from './dashboard';
import { HistoryTab } from './history-tab';
import '../klis/klis.css';
import './results.css';

type ResultsTab = 'dashboard' | 'history';

const TABS: { id: ResultsTab; label: string; route: Route }[] = [
  { id: 'dashboard', label: 'Dashboard', route: { screen: 'stage', stage: 'results' } },
  { id: 'history', label: 'History baseline', route: { screen: 'history' } },
];

/**
 * Measure: did each campaign pay? Response, lift against the control group with its interval,
 * balances generated, ROMI, the funnel and data quality; and past campaigns as the baseline.
 */
export function ResultsStage({ tab }: { tab: ResultsTab; info: AppInfo; dbPath: string }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Results</h1>
        <p className="muted">
          Whether each campaign paid: who responded among the mailed and among the held out, the lift the letter made
          with its 95% interval, the balances it brought, and the return on its cost. Every figure shows how it is
          worked out when you point at it.
        </p>
      </header>
      <Tabs
        label="Results"
        idPrefix="results"
        tabs={TABS}
        value={tab}
        onChange={(next) => navigate(TABS.find((t) => t.id === next)?.route ?? { screen: 'stage', stage: 'results' })}
      />
      <div className="tab-panel" role="tabpanel" id="results-panel" aria-labelledby={`results-tab-${tab}`}>
        {tab === 'dashboard' ? <Dashboard /> : <HistoryTab />}
      </div>
    </div>
  );
}
