import { useEffect } from 'react';
import type { AppInfo } from '../src-shared/domain';
import { CustomerProfileScreen } from './customers/customer-profile';
import { CustomersScreen } from './customers/customers-screen';
import { HomeScreen } from './home/home-screen';
import { getApi } from './lib/api';
import { useRoute, type Route } from './lib/router';
import { useCall } from './lib/use-call';
import { SettingsScreen } from './settings/settings-screen';
import { BuildingScreen } from './shell/building-screen';
import { ErrorPanel } from './shell/error-panel';
import { Nav } from './shell/nav';
import { NotBuiltScreen } from './stages/not-built';

function Screen({ route, info }: { route: Route; info: AppInfo }) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'customers':
      return <CustomersScreen />;
    case 'customer':
      return <CustomerProfileScreen id={route.id} />;
    case 'stage':
      return <NotBuiltScreen stage={route.stage} />;
    case 'settings':
      return <SettingsScreen info={info} />;
  }
}

export function App() {
  const route = useRoute();
  const info = useCall('app:info', {});
  const { reload } = info;

  useEffect(() => {
    const api = getApi();
    const offDb = api.on('db:changed', () => reload());
    const offJob = api.on('job:progress', (job) => {
      if (job.state !== 'running') reload();
    });
    return () => {
      offDb();
      offJob();
    };
  }, [reload]);

  if (info.error && !info.data) return <ErrorPanel message={info.error} onRetry={reload} />;
  if (!info.data) return <div className="splash" aria-busy="true" />;
  if (info.data.blocking_job)
    return <BuildingScreen key={info.data.blocking_job.id} job={info.data.blocking_job} onRestart={reload} />;

  // Remount the screens when another database opens, so none shows stale numbers.
  const dbKey = info.data.db_path ?? 'none';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Nav route={route} info={info.data} />
      <main id="main" className="content" tabIndex={-1} key={dbKey}>
        {info.data.db_path ? (
          <Screen route={route} info={info.data} />
        ) : (
          <ErrorPanel message="No database is open. Use File › Open… or File › New database…." />
        )}
      </main>
    </div>
  );
}
