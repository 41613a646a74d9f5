import type { ApiInput, ApiOutput, Channel } from '../../src-shared/api';
import { call } from './api';

const inFlight = new Map<string, Promise<unknown>>();

/**
 * A read asked for by two components at once (the shell's bank name and Home both want the
 * dashboard) goes to the main process once; the second asker joins the first request.
 * Nothing is cached after the answer arrives, so a Retry always asks again.
 */
export function sharedCall<C extends Channel>(key: string, channel: C, input: ApiInput<C>): Promise<ApiOutput<C>> {
  const pending = inFlight.get(key) as Promise<ApiOutput<C>> | undefined;
  if (pending) return pending;
  const request = call(channel, input).finally(() => inFlight.delete(key));
  inFlight.set(key, request);
  return request;
}
