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

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [head, tail] = parts;
  if (head === 'customers' && tail && /^\d+$/.test(tail)) return { screen: 'customer', id: Number(tail) };
  if (head === 'customers') return { screen: 'customers' };
  if (head === 'settings') return { screen: 'settings' };
  if ((STAGES as readonly string[]).includes(head ?? '')) return { screen: 'stage', stage: head as StageId };
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

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
