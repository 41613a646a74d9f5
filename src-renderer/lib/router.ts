/** A hash router: the route is the part after `#/`, so reloads and Back work in both modes. */
import { useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'home' }
  | { screen: 'customers' }
  | { screen: 'customer'; id: number }
  | { screen: 'stage'; stage: StageId }
  /** One KLI of the library: its rule, parameters, trend and samples. */
  | { screen: 'kli'; id: string }
  /** The custom KLI editor: a new KLI (id null) or a saved custom one. */
  | { screen: 'kli-editor'; id: string | null }
  | { screen: 'triggers' }
  /** The Audiences stage's second tab: who is likely to open each product next. */
  | { screen: 'scores' }
  /** The Matrix stage's tabs: offers, letters and products' economics; running a month. */
  | { screen: 'offers' }
  | { screen: 'month-run' }
  /** The Campaigns stage's second tab: response files imported and their matches reviewed. */
  | { screen: 'responses' }
  /** The Results stage's second tab: a past campaign's contacts as the baseline for projections. */
  | { screen: 'history' }
  | { screen: 'settings' }
  /** Settings' tabs: the team and four-eyes; backups and restore; privacy and retention. */
  | { screen: 'people' }
  | { screen: 'backups' }
  | { screen: 'privacy' }
  /** Settings' last tab: who did what, when, for a compliance review. */
  | { screen: 'audit-log' };

export const STAGES = ['import', 'klis', 'audiences', 'matrix', 'campaigns', 'results'] as const;
export type StageId = (typeof STAGES)[number];

function isStage(value: string): value is StageId {
  return (STAGES as readonly string[]).includes(value);
}

/** As src-shared/kli-schema.ts's kliIdSchema (the renderer does not load zod). */
const KLI_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

const HOME: Route = { screen: 'home' };

/** `#/klis/<id>` and `#/klis/<id>/edit`. */
function parseKliRoute(id: string, rest: string[]): Route {
  if (!KLI_ID.test(id)) return HOME;
  if (rest.length === 0) return { screen: 'kli', id };
  return rest.length === 1 && rest[0] === 'edit' ? { screen: 'kli-editor', id } : HOME;
}

/** Anything unknown (an empty hash, a stray `#token=…`, an old bookmark) is Home. */
export function parseRoute(hash: string): Route {
  const [head = '', tail, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (head === 'klis' && tail !== undefined) return parseKliRoute(tail, rest);
  if (rest.length > 0) return HOME;
  if (head === 'customers' && tail !== undefined) {
    const id = /^\d{1,15}$/.test(tail) ? Number(tail) : 0;
    return id > 0 ? { screen: 'customer', id } : { screen: 'customers' };
  }
  if (tail !== undefined) return HOME;
  if (head === 'customers') return { screen: 'customers' };
  if (head === 'settings') return { screen: 'settings' };
  if (head === 'audit-log') return { screen: 'audit-log' };
  if (head === 'people') return { screen: 'people' };
  if (head === 'backups') return { screen: 'backups' };
  if (head === 'privacy') return { screen: 'privacy' };
  if (head === 'triggers') return { screen: 'triggers' };
  if (head === 'scores') return { screen: 'scores' };
  if (head === 'offers') return { screen: 'offers' };
  if (head === 'month-run') return { screen: 'month-run' };
  if (head === 'responses') return { screen: 'responses' };
  if (head === 'history') return { screen: 'history' };
  if (head === 'new-kli') return { screen: 'kli-editor', id: null };
  if (isStage(head)) return { screen: 'stage', stage: head };
  return HOME;
}

export function href(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/home';
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customers/${route.id}`;
    case 'stage':
      return `#/${route.stage}`;
    case 'kli':
      return `#/klis/${route.id}`;
    case 'kli-editor':
      // Not under #/klis/: "new" is a valid KLI id.
      return route.id === null ? '#/new-kli' : `#/klis/${route.id}/edit`;
    case 'triggers':
      return '#/triggers';
    case 'scores':
      return '#/scores';
    case 'offers':
      return '#/offers';
    case 'month-run':
      return '#/month-run';
    case 'responses':
      return '#/responses';
    case 'history':
      return '#/history';
    case 'settings':
      return '#/settings';
    case 'audit-log':
      return '#/audit-log';
    case 'people':
      return '#/people';
    case 'backups':
      return '#/backups';
    case 'privacy':
      return '#/privacy';
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; components re-render when the hash changes (links, Back, navigate). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
