import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutput, Channel } from '../../src-shared/api';
import { ApiCallError } from './api';
import { useEpoch } from './epoch';
import { sharedCall } from './shared-call';

/** Below this a loading message would only flicker; above it the user wants to know. */
export const SLOW_MS = 300;

export interface CallState<T> {
  data: T | null;
  /** The error of the latest request; cleared while a retry is on its way. */
  error: string | null;
  /** Its code, e.g. 'not_found', for screens that word some errors differently. */
  errorCode: string | null;
  loading: boolean;
  /** Loading for longer than SLOW_MS: the moment to show that something is on its way. */
  slow: boolean;
  reload: () => void;
}

interface Answer<T> {
  key: string;
  data: T | null;
  error: string | null;
  errorCode: string | null;
}

/**
 * Calls the main process whenever the input changes and keeps the latest answer. Requests are
 * numbered, and an answer to an older request never overwrites a newer one (typing fast in a
 * search box sends several). While a new answer is on its way the previous data stays on
 * screen, so tables do not flash.
 */
export function useCall<C extends Channel>(channel: C, input: ApiInput<C>): CallState<ApiOutput<C>> {
  const epoch = useEpoch();
  const inputJson = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const key = `${epoch}|${generation}|${channel}|${inputJson}`;
  const [answer, setAnswer] = useState<Answer<ApiOutput<C>>>({ key: '', data: null, error: null, errorCode: null });
  const [slowKey, setSlowKey] = useState('');
  const latestRequest = useRef(0);

  useEffect(() => {
    const request = ++latestRequest.current;
    const timer = setTimeout(() => setSlowKey(key), SLOW_MS);
    sharedCall(key, channel, JSON.parse(inputJson) as ApiInput<C>).then(
      (value) => {
        if (latestRequest.current === request) setAnswer({ key, data: value, error: null, errorCode: null });
      },
      (reason: unknown) => {
        if (latestRequest.current !== request) return;
        setAnswer((previous) => ({
          key,
          data: previous.data,
          error: reason instanceof Error ? reason.message : String(reason),
          errorCode: reason instanceof ApiCallError ? reason.code : null,
        }));
      },
    );
    return () => clearTimeout(timer);
  }, [channel, inputJson, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const loading = answer.key !== key;
  return {
    data: answer.data,
    error: loading ? null : answer.error,
    errorCode: loading ? null : answer.errorCode,
    loading,
    slow: loading && slowKey === key,
    reload,
  };
}
