/**
 * A mock of `window.api` typed from the contract (as Fiddle mocks its preload): each test
 * supplies handlers for the channels it uses, every input is checked with the contract's own
 * schema (as the real boundary does), every call is recorded, and events can be pushed.
 */
import {
  schemas,
  type Api,
  type ApiOutput,
  type ApiParsedInput,
  type Channel,
  type ErrorCode,
} from '../../../src-shared/api';
import type { EventName, Events } from '../../../src-shared/events';

export type MockHandlers = {
  [C in Channel]?: (input: ApiParsedInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>>;
};

export interface MockApi extends Api {
  /** Every call in order, with its input after the contract's schema parsed it. */
  readonly calls: { channel: Channel; input: unknown }[];
  /** The parsed inputs of every call to one channel, in order. */
  inputs<C extends Channel>(channel: C): ApiParsedInput<C>[];
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

/** Thrown by a handler to answer with an error of that code, as the main process would. */
export class MockError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type AnyHandler = (input: unknown) => unknown;
type AnyListener = (payload: unknown) => void;

export function createMockApi(handlers: MockHandlers): MockApi {
  const listeners = new Map<EventName, Set<AnyListener>>();
  const calls: { channel: Channel; input: unknown }[] = [];
  return {
    calls,
    inputs<C extends Channel>(channel: C) {
      return calls.filter((c) => c.channel === channel).map((c) => c.input as ApiParsedInput<C>);
    },
    async invoke(channel, input) {
      const parsed = schemas[channel].safeParse(input);
      if (!parsed.success) {
        // A screen sent something the real main process would refuse: fail loudly.
        return { ok: false, error: { code: 'invalid_input', message: `${channel}: ${parsed.error.message}` } };
      }
      calls.push({ channel, input: parsed.data });
      const handler = handlers[channel] as AnyHandler | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown_channel', message: `No mock for ${channel}.` } };
      try {
        const value = (await handler(parsed.data)) as ApiOutput<typeof channel>;
        return { ok: true, value };
      } catch (error) {
        const code = error instanceof MockError ? error.code : 'internal';
        return { ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<AnyListener>();
      set.add(listener as AnyListener);
      listeners.set(event, set);
      return () => {
        set.delete(listener as AnyListener);
      };
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
