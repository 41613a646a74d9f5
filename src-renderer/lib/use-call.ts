import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutput, Channel } from '../../src-shared/api';
import { call } from './api';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls the main process whenever `key` changes and keeps the latest answer; an answer to an
 * older request never overwrites a newer one.
 */
export function useCall<C extends Channel>(channel: C, input: ApiInput<C>, key: string): CallState<ApiOutput<C>> {
  const [data, setData] = useState<ApiOutput<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    call(channel, inputRef.current).then(
      (value) => {
        if (request !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (request !== latest.current) return;
        setError(reason instanceof Error ? reason.message : String(reason));
        setLoading(false);
      },
    );
  }, [channel, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
