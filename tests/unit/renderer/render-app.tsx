import { cleanup, render } from '@testing-library/react';
import { App } from '../../../src-renderer/app';
import { setApi } from '../../../src-renderer/lib/api';
import { createMockApi, type MockApi, type MockHandlers } from './mock-api';
import { APP_INFO, DASHBOARD } from './sample-data';

/** Renders the whole app at `hash` against a mock API; app:info and the dashboard answer by default. */
export function renderApp(handlers: MockHandlers = {}, hash = '#/home'): MockApi {
  const api = createMockApi({ 'app:info': () => APP_INFO, 'home:dashboard': () => DASHBOARD, ...handlers });
  setApi(api);
  window.location.hash = hash;
  render(<App />);
  return api;
}

export function resetApp(): void {
  cleanup();
  setApi(null);
  window.location.hash = '';
}

/** A promise the test settles by hand, to control the order in which answers arrive. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
