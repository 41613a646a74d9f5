import { getApi } from '../lib/api';
import { navigate } from '../lib/router';
import { Tabs } from '../shell/tabs';
import { TriggersView } from '../triggers/triggers-view';
import { LibraryView } from './library-view';
import { claimKliSession } from './session';
import './klis.css';

type KliTab = 'library' | 'triggers';

const TABS: { id: KliTab; label: string }[] = [
  { id: 'library', label: 'Library' },
  { id: 'triggers', label: 'Triggers' },
];

/** Enrich: the KLI library read from transactions and balances, and the triggers watching snapshots. */
export function KlisStage({ tab, dbPath }: { tab: KliTab; dbPath: string }) {
  claimKliSession(getApi(), dbPath);
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Key Lifestyle Indicators</h1>
        <p className="muted">
          Signals read from each customer’s transactions and balances, each answering a business question and pointing
          to a product. Triggers watch the monthly balance snapshots for moments to act.
        </p>
      </header>
      <Tabs
        label="KLIs"
        idPrefix="klis"
        tabs={TABS}
        value={tab}
        onChange={(next) => navigate(next === 'library' ? { screen: 'stage', stage: 'klis' } : { screen: 'triggers' })}
      />
      <div className="tab-panel" role="tabpanel" id="klis-panel" aria-labelledby={`klis-tab-${tab}`}>
        {tab === 'library' ? <LibraryView /> : <TriggersView />}
      </div>
    </div>
  );
}
