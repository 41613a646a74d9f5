import { useEffect, useRef, type MouseEvent } from 'react';
import type { AppInfo } from '../../src-shared/domain';
import { AudiencesStage } from '../audiences/audiences-stage';
import { CustomerProfileScreen } from '../customers/customer-profile';
import { CustomersScreen } from '../customers/customers-screen';
import { HomeScreen } from '../home/home-screen';
import { ImportScreen } from '../import/import-screen';
import { KliDetailScreen } from '../klis/kli-detail';
import { KliEditorScreen } from '../klis/kli-editor';
import { KlisStage } from '../klis/klis-stage';
import { EpochContext } from '../lib/epoch';
import { CampaignsStage } from '../campaigns/campaigns-stage';
import { MatrixStage } from '../matrix/matrix-stage';
import { ResultsStage } from '../results/results-stage';
import { href, type Route } from '../lib/router';
import { SettingsScreen } from '../settings/settings-screen';
import { ErrorPanel } from './error-panel';
import { Nav, titleOf } from './nav';

function Screen({ route, info, dbPath }: { route: Route; info: AppInfo; dbPath: string }) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'customers':
      return <CustomersScreen />;
    case 'customer':
      // Keyed, so moving to another household member never shows the previous person's data.
      return <CustomerProfileScreen key={route.id} id={route.id} />;
    case 'stage':
      if (route.stage === 'import') return <ImportScreen dbPath={dbPath} />;
      if (route.stage === 'klis') return <KlisStage tab="library" dbPath={dbPath} />;
      if (route.stage === 'audiences') return <AudiencesStage tab="audiences" dbPath={dbPath} />;
      if (route.stage === 'matrix') return <MatrixStage tab="plan" info={info} dbPath={dbPath} />;
      if (route.stage === 'campaigns') return <CampaignsStage tab="runs" info={info} dbPath={dbPath} />;
      return <ResultsStage tab="dashboard" info={info} dbPath={dbPath} />;
    case 'triggers':
      return <KlisStage tab="triggers" dbPath={dbPath} />;
    case 'scores':
      return <AudiencesStage tab="scores" dbPath={dbPath} />;
    case 'offers':
      return <MatrixStage tab="offers" info={info} dbPath={dbPath} />;
    case 'month-run':
      return <MatrixStage tab="run" info={info} dbPath={dbPath} />;
    case 'responses':
      return <CampaignsStage tab="responses" info={info} dbPath={dbPath} />;
    case 'history':
      return <ResultsStage tab="history" info={info} dbPath={dbPath} />;
    case 'kli':
      return <KliDetailScreen key={route.id} id={route.id} dbPath={dbPath} />;
    case 'kli-editor':
      return <KliEditorScreen key={route.id ?? ''} id={route.id} dbPath={dbPath} />;
    case 'settings':
      return <SettingsScreen tab="general" info={info} />;
    case 'audit-log':
    case 'people':
    case 'backups':
    case 'privacy':
      return <SettingsScreen tab={route.screen} info={info} />;
  }
}

function noDatabaseMessage(info: AppInfo): string {
  return info.mode === 'desktop'
    ? 'No database is open. Use File › Open… or File › New database… to choose one.'
    : 'No database is open. Start browser mode with a database, or open one in the desktop app.';
}

/** The navigation and the current screen, once a database is open. */
export function Workspace({ route, info, epoch }: { route: Route; info: AppInfo; epoch: number }) {
  const main = useRef<HTMLElement>(null);
  const routeKey = href(route);
  const shownRoute = useRef(routeKey);
  const title = `${titleOf(route)} — Mainstreet`;

  // A new screen takes focus and starts at the top, as a new page would; otherwise keyboard
  // and screen-reader users stay on the link they pressed with no sign that anything changed.
  useEffect(() => {
    document.title = title;
    if (shownRoute.current === routeKey) return;
    shownRoute.current = routeKey;
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [title, routeKey]);

  // The hash is the router's, so the skip link moves focus itself instead of changing it.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <EpochContext.Provider value={epoch}>
      <div className="shell">
        <a className="skip-link" href="#main" onClick={skip}>
          Skip to content
        </a>
        <Nav route={route} info={info} />
        <main id="main" ref={main} className="content" tabIndex={-1} key={`${info.db_path ?? ''}|${epoch}`}>
          {info.db_path ? (
            <Screen route={route} info={info} dbPath={info.db_path} />
          ) : (
            <ErrorPanel message={noDatabaseMessage(info)} />
          )}
        </main>
      </div>
    </EpochContext.Provider>
  );
}
