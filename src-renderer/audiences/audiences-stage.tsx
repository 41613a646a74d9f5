import { getApi } from '../lib/api';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useCall } from '../lib/use-call';
import { ScoresView } from '../scores/scores-view';
import { claimScoresSession } from '../scores/train-store';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { Tabs } from '../shell/tabs';
import { AudienceEditor } from './audience-editor';
import { AudienceList } from './audience-list';
import { audienceStore, claimAudienceSession } from './audience-store';
import '../klis/klis.css';
import './audiences.css';

type AudiencesTab = 'audiences' | 'scores';

const TABS: { id: AudiencesTab; label: string }[] = [
  { id: 'audiences', label: 'Audiences' },
  { id: 'scores', label: 'Next-product scores' },
];

function Editor() {
  const catalog = useCall('audience:catalog', {});
  if (catalog.error && !catalog.data)
    return (
      <ErrorPanel message={`The fields to build on could not be loaded: ${catalog.error}`} onRetry={catalog.reload} />
    );
  if (!catalog.data) return <Loading slow={catalog.slow} text="Loading the fields…" />;
  return <AudienceEditor catalog={catalog.data} />;
}

function AudiencesTabPanel() {
  const { view } = useStore(audienceStore);
  return view === 'list' ? <AudienceList /> : <Editor />;
}

/**
 * Segment: rules over the bank's fields with live counts, suppressions, and approval of each
 * version; and the next-product scores those rules can select on.
 */
export function AudiencesStage({ tab, dbPath }: { tab: AudiencesTab; dbPath: string }) {
  claimAudienceSession(getApi(), dbPath);
  claimScoresSession(getApi(), dbPath);
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Audiences</h1>
        <p className="muted">
          Who a mailing goes to: a rule over demographics, products, balances, KLIs and next-product scores, the
          suppressions that keep the wrong people out, one letter per household, and compliance approval of each
          version.
        </p>
      </header>
      <Tabs
        label="Audiences"
        idPrefix="audiences"
        tabs={TABS}
        value={tab}
        onChange={(next) =>
          navigate(next === 'audiences' ? { screen: 'stage', stage: 'audiences' } : { screen: 'scores' })
        }
      />
      <div className="tab-panel" role="tabpanel" id="audiences-panel" aria-labelledby={`audiences-tab-${tab}`}>
        {tab === 'audiences' ? <AudiencesTabPanel /> : <ScoresView />}
      </div>
    </div>
  );
}
