/**
 * A mock of `window.api` typed from the contract (as Fiddle mocks its preload): each test
 * supplies handlers for the channels it uses; every call is recorded; events can be pushed.
 */
import type { Api, ApiOutput, ApiParsedInput, Channel, Result } from '../../../src-shared/api';
import type { EventName, Events } from '../../../src-shared/events';

export type MockHandlers = {
  [C in Channel]?: (input: ApiParsedInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>>;
};

export interface MockApi extends Api {
  calls: { channel: Channel; input: unknown }[];
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export class MockError extends Error {
  constructor(
    readonly code: 'not_found' | 'internal' | 'no_database',
    message: string,
  ) {
    super(message);
  }
}

export function createMockApi(handlers: MockHandlers): MockApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const calls: MockApi['calls'] = [];
  return {
    calls,
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown_channel', message: `no mock for ${channel}` } };
      try {
        return { ok: true, value: await handler(input) } as Result<never>;
      } catch (error) {
        const code = error instanceof MockError ? error.code : 'internal';
        return { ok: false, error: { code, message: (error as Error).message } };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
  };
}
