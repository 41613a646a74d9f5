import { useEffect, useState } from 'react';
import { getApi } from './lib/api';
import { setCurrency } from './lib/format';
import { useRoute } from './lib/router';
import { useCall } from './lib/use-call';
import { BuildingScreen } from './shell/building-screen';
import { ErrorPanel } from './shell/error-panel';
import { Loading } from './shell/loading';
import { SignInScreen } from './shell/sign-in-screen';
import { Workspace } from './shell/workspace';
import { RecoveryScreen } from './settings/backups-panel';

/**
 * Decides what the window shows: the first-launch build, the workspace, or why neither can
 * show. Listens for the main process saying the data changed underneath us.
 */
export function App() {
  const route = useRoute();
  const info = useCall('app:info', {});
  const { reload } = info;
  // Bumped when the database is swapped or rebuilt: every screen remounts and asks again.
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    const api = getApi();
    const offDb = api.on('db:changed', () => {
      setEpoch((e) => e + 1);
      reload();
    });
    const offJob = api.on('job:progress', (job) => {
      if (job.state === 'running') return;
      if (job.state === 'done') setEpoch((e) => e + 1);
      reload();
    });
    // Signing in as someone else changes the name in the navigation.
    const onPerson = () => reload();
    window.addEventListener('mainstreet:person-changed', onPerson);
    return () => {
      offDb();
      offJob();
      window.removeEventListener('mainstreet:person-changed', onPerson);
    };
  }, [reload]);

  if (!info.data) {
    return (
      <main className="startup">
        {info.error ? (
          <>
            <h1>Mainstreet cannot reach its data</h1>
            <ErrorPanel message={info.error} onRetry={reload} />
          </>
        ) : (
          <Loading slow={info.slow} text="Opening Mainstreet…" />
        )}
      </main>
    );
  }
  setCurrency(info.data.currency);
  const job = info.data.blocking_job;
  if (job) return <BuildingScreen key={job.id} job={job} onReload={reload} />;
  if (info.data.recovery) return <RecoveryScreen recovery={info.data.recovery} onRestored={reload} />;
  if (info.data.sign_in_needed) return <SignInScreen onSignedIn={reload} />;
  return <Workspace route={route} info={info.data} epoch={epoch} />;
}
