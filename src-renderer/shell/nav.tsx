import type { AppInfo } from '../../src-shared/domain';
import { ROLE_WORDS } from '../../src-shared/people';
import { fileName } from '../lib/format';
import { href, type Route } from '../lib/router';
import { useCall } from '../lib/use-call';

/** The stages in the order a month's work flows through them. */
const ITEMS: { label: string; route: Route }[] = [
  { label: 'Home', route: { screen: 'home' } },
  { label: 'Import', route: { screen: 'stage', stage: 'import' } },
  { label: 'Customers', route: { screen: 'customers' } },
  { label: 'KLIs', route: { screen: 'stage', stage: 'klis' } },
  { label: 'Audiences', route: { screen: 'stage', stage: 'audiences' } },
  { label: 'Matrix', route: { screen: 'stage', stage: 'matrix' } },
  { label: 'Campaigns', route: { screen: 'stage', stage: 'campaigns' } },
  { label: 'Results', route: { screen: 'stage', stage: 'results' } },
  { label: 'Settings', route: { screen: 'settings' } },
];

/** Screens that belong to the KLIs stage: one KLI, the editor, and the triggers tab. */
const KLI_SCREENS: Route['screen'][] = ['kli', 'kli-editor', 'triggers'];
/** Settings' tabs. */
const SETTINGS_SCREENS: Route['screen'][] = ['settings', 'people', 'backups', 'privacy', 'audit-log'];
/** The Matrix stage's other tabs. */
const MATRIX_SCREENS: Route['screen'][] = ['offers', 'month-run'];

function isActive(item: Route, current: Route): boolean {
  if (item.screen === 'settings') return SETTINGS_SCREENS.includes(current.screen);
  if (item.screen === 'customers') return current.screen === 'customers' || current.screen === 'customer';
  if (item.screen === 'stage' && item.stage === 'klis' && KLI_SCREENS.includes(current.screen)) return true;
  if (item.screen === 'stage' && item.stage === 'audiences' && current.screen === 'scores') return true;
  if (item.screen === 'stage' && item.stage === 'matrix' && MATRIX_SCREENS.includes(current.screen)) return true;
  if (item.screen === 'stage' && item.stage === 'campaigns' && current.screen === 'responses') return true;
  if (item.screen === 'stage' && item.stage === 'results' && current.screen === 'history') return true;
  if (item.screen === 'stage') return current.screen === 'stage' && current.stage === item.stage;
  return item.screen === current.screen;
}

/** The window title names the screen, so the taskbar and screen readers say where you are. */
export function titleOf(route: Route): string {
  if (route.screen === 'customer') return 'Customer';
  if (route.screen === 'kli') return 'KLI';
  if (route.screen === 'kli-editor') return route.id === null ? 'New KLI' : 'Edit KLI';
  if (route.screen === 'triggers') return 'Triggers';
  if (route.screen === 'scores') return 'Next-product scores';
  if (route.screen === 'offers') return 'Offers and letters';
  if (route.screen === 'month-run') return 'Run a month';
  if (route.screen === 'audit-log') return 'Audit log';
  if (route.screen === 'people') return 'People';
  if (route.screen === 'backups') return 'Backups';
  if (route.screen === 'privacy') return 'Privacy';
  return ITEMS.find((item) => isActive(item.route, route))?.label ?? 'Home';
}

export function Nav({ route, info }: { route: Route; info: AppInfo }) {
  // The bank's name comes with the dashboard; Home asks for it at the same moment and the
  // two requests are joined into one (see shared-call.ts).
  const dashboard = useCall('home:dashboard', {});
  return (
    <nav className="nav" aria-label="Pipeline">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          M
        </span>
        <div>
          <div className="brand-name">Mainstreet</div>
          <div className="bank-name" data-testid="nav-bank-name">
            {dashboard.data?.bank_name ?? ''}
          </div>
        </div>
      </div>
      <ul>
        {ITEMS.map((item) => {
          const active = isActive(item.route, route);
          return (
            <li key={item.label}>
              <a href={href(item.route)} aria-current={active ? 'page' : undefined} className={active ? 'active' : ''}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
      <div className="person" data-testid="nav-person">
        {info.person ? (
          <>
            <span className="visually-hidden">Signed in: </span>
            {info.person.name} · {ROLE_WORDS[info.person.role]} <a href={href({ screen: 'people' })}>Switch</a>
          </>
        ) : null}
      </div>
      <div className="db-name" title={info.db_path ?? ''}>
        <span className="visually-hidden">Open database: </span>
        {info.db_path ? fileName(info.db_path) : 'No database open'}
      </div>
    </nav>
  );
}
