/**
 * The screens' only way to the main process. In the desktop app the preload puts `window.api`
 * on the page; in browser mode (npm run web, e2e tests) the same interface is built here over
 * loopback HTTP, with the token the server printed in the URL's fragment.
 */
import type { Api, ApiInput, ApiOutput, Channel, Result } from '../../src-shared/api';
import type { EventName, Events } from '../../src-shared/events';

declare global {
  interface Window {
    api?: Api;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'mainstreet-token';

/** Browser mode's token, taken from the URL once and kept for the session (also for uploads). */
export function loopbackToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createLoopbackClient(token: string, base = ''): Api {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  function ensureSource(): EventSource {
    if (source) return source;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: never };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
    return source;
  }

  return {
    async invoke<C extends Channel>(channel: C, input: ApiInput<C>) {
      const response = await fetch(`${base}/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mainstreet-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<ApiOutput<C>>;
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      ensureSource();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

let cached: Api | null = null;

export function getApi(): Api {
  cached ??= window.api ?? createLoopbackClient(loopbackToken());
  return cached;
}

/** For component tests: use this implementation instead of the real one. */
export function setApi(api: Api | null): void {
  cached = api;
}

/** Calls the main process and returns the value, or throws ApiCallError with its code. */
export async function call<C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiOutput<C>> {
  const result = await getApi().invoke(channel, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}

/** An error's message for the screen (an API refusal's message says what to do). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
