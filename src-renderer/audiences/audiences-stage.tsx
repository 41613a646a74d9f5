import { getApi } from '../lib/api';
import { useStore } from '../lib/store';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { AudienceEditor } from './audience-editor';
import { AudienceList } from './audience-list';
import { audienceStore, claimAudienceSession } from './audience-store';
import '../klis/klis.css';
import './audiences.css';

function Editor() {
  const catalog = useCall('audience:catalog', {});
  if (catalog.error && !catalog.data)
    return (
      <ErrorPanel message={`The fields to build on could not be loaded: ${catalog.error}`} onRetry={catalog.reload} />
    );
  if (!catalog.data) return <Loading slow={catalog.slow} text="Loading the fields…" />;
  return <AudienceEditor catalog={catalog.data} />;
}

/** Segment: rules over the bank's fields with live counts, suppressions, and approval of each version. */
export function AudiencesStage({ dbPath }: { dbPath: string }) {
  claimAudienceSession(getApi(), dbPath);
  const { view } = useStore(audienceStore);
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Audiences</h1>
        <p className="muted">
          Who a mailing goes to: a rule over demographics, products, balances and KLIs, the suppressions that keep the
          wrong people out, one letter per household, and compliance approval of each version.
        </p>
      </header>
      {view === 'list' ? <AudienceList /> : <Editor />}
    </div>
  );
}
