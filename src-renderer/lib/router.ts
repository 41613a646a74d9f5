/** A hash router: the route is the part after `#/`, so reloads and Back work in both modes. */
import { useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'home' }
  | { screen: 'customers' }
  | { screen: 'customer'; id: number }
  | { screen: 'stage'; stage: StageId }
  | { screen: 'settings' };

export const STAGES = ['import', 'klis', 'audiences', 'matrix', 'campaigns', 'results'] as const;
export type StageId = (typeof STAGES)[number];

function isStage(value: string): value is StageId {
  return (STAGES as readonly string[]).includes(value);
}

/** Anything unknown (an empty hash, a stray `#token=…`, an old bookmark) is Home. */
export function parseRoute(hash: string): Route {
  const [head = '', tail, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (rest.length > 0) return { screen: 'home' };
  if (head === 'customers' && tail !== undefined) {
    const id = /^\d{1,15}$/.test(tail) ? Number(tail) : 0;
    return id > 0 ? { screen: 'customer', id } : { screen: 'customers' };
  }
  if (tail !== undefined) return { screen: 'home' };
  if (head === 'customers') return { screen: 'customers' };
  if (head === 'settings') return { screen: 'settings' };
  if (isStage(head)) return { screen: 'stage', stage: head };
  return { screen: 'home' };
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
    case 'settings':
      return '#/settings';
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
