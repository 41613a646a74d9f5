import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutput, Channel } from '../../src-shared/api';
import { call } from './api';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

interface Answer<T> {
  key: string;
  data: T | null;
  error: string | null;
}

/**
 * Calls the main process whenever the input (or `refreshKey`) changes and keeps the latest
 * answer; an answer to an older request never overwrites a newer one. While a new answer is
 * on its way the previous data stays on screen, so tables do not flash.
 */
export function useCall<C extends Channel>(channel: C, input: ApiInput<C>, refreshKey = ''): CallState<ApiOutput<C>> {
  const inputJson = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const key = `${channel}|${inputJson}|${refreshKey}|${generation}`;
  const [answer, setAnswer] = useState<Answer<ApiOutput<C>>>({ key: '', data: null, error: null });
  const latest = useRef('');

  useEffect(() => {
    latest.current = key;
    call(channel, JSON.parse(inputJson) as ApiInput<C>).then(
      (value) => {
        if (latest.current === key) setAnswer({ key, data: value, error: null });
      },
      (reason: unknown) => {
        if (latest.current !== key) return;
        setAnswer((previous) => ({
          key,
          data: previous.data,
          error: reason instanceof Error ? reason.message : String(reason),
        }));
      },
    );
  }, [channel, inputJson, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: answer.data, error: answer.error, loading: answer.key !== key, reload };
}
