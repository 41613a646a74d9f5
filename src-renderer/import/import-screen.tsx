import { getApi } from '../lib/api';
import { useStore } from '../lib/store';
import { Tabs } from '../shell/tabs';
import { HistoryTab } from './history-tab';
import { RunView } from './run-view';
import { claimSession, runStore, viewStore, type ImportTab } from './session';
import { SetupView } from './setup-view';

const TABS: { id: ImportTab; label: string }[] = [
  { id: 'import', label: 'Import files' },
  { id: 'history', label: 'History' },
];

function ImportFiles() {
  const { run } = useStore(runStore);
  return run ? <RunView run={run} /> : <SetupView />;
}

/** Ingest: the core's export files into the database through a mapping profile, and the imports so far. */
export function ImportScreen({ dbPath }: { dbPath: string }) {
  claimSession(getApi(), dbPath);
  const view = useStore(viewStore);
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Import</h1>
        <p className="muted">
          Load your core system’s export files through a mapping profile. An import lands whole or not at all, and the
          newest one can be rolled back.
        </p>
      </header>
      <Tabs
        label="Import"
        idPrefix="import"
        tabs={TABS}
        value={view.tab}
        onChange={(tab) => viewStore.set({ tab, qualityOf: null })}
      />
      <div className="tab-panel" role="tabpanel" id="import-panel" aria-labelledby={`import-tab-${view.tab}`}>
        {view.tab === 'import' ? <ImportFiles /> : <HistoryTab qualityOf={view.qualityOf} />}
      </div>
    </div>
  );
}
