import type { AppInfo } from '../../src-shared/domain';
import { navigate, type Route } from '../lib/router';
import { Tabs } from '../shell/tabs';
import { ResponsesTab } from './responses-tab';
import { RunsTab } from './runs-tab';
import '../klis/klis.css';
import './campaigns.css';

type CampaignsTab = 'runs' | 'responses';

const TABS: { id: CampaignsTab; label: string; route: Route }[] = [
  { id: 'runs', label: 'Runs', route: { screen: 'stage', stage: 'campaigns' } },
  { id: 'responses', label: 'Responses', route: { screen: 'responses' } },
];

/**
 * Execute and measure: the month runs as campaigns (what each mailed and held out, to whom),
 * and the response files brought back, matched to the households mailed or held out.
 */
export function CampaignsStage({ tab }: { tab: CampaignsTab; info: AppInfo; dbPath: string }) {
  return (
    <div className="screen campaigns">
      <header className="screen-header">
        <h1>Campaigns</h1>
        <p className="muted">
          Each month run is a campaign: who was mailed, who was held out as the control group, and the keycode on every
          letter. Bring the responses back here, and they are matched to those households for the results.
        </p>
      </header>
      <Tabs
        label="Campaigns"
        idPrefix="campaigns"
        tabs={TABS}
        value={tab}
        onChange={(next) => navigate(TABS.find((t) => t.id === next)?.route ?? { screen: 'stage', stage: 'campaigns' })}
      />
      <div className="tab-panel" role="tabpanel" id="campaigns-panel" aria-labelledby={`campaigns-tab-${tab}`}>
        {tab === 'runs' ? <RunsTab /> : <ResponsesTab />}
      </div>
    </div>
  );
}
