import { useEffect, useRef, useState } from 'react';
import type { AudienceCount, AudienceDetails, RuleNode } from '../../src-shared/audience';
import { call } from '../lib/api';

/** Long enough that typing "25000" asks once, short enough that the numbers feel live. */
export const COUNT_DEBOUNCE_MS = 300;

export interface AudienceQuery {
  rule: RuleNode;
  product_code: string | null;
  suppressions_off: string[];
}

interface Answer<T> {
  key: string;
  value: T | null;
  error: string | null;
}

export interface LiveCounts {
  count: AudienceCount | null;
  details: AudienceDetails | null;
  /** The main process refused the rule (its message names the place at fault). */
  error: string | null;
  /** The numbers shown are for an earlier rule: a newer answer is on its way or the rule is unfinished. */
  outdated: boolean;
  /** The same for the sample and breakdowns, which take longer than the counts. */
  detailsOutdated: boolean;
}

const empty = <T>(): Answer<T> => ({ key: '', value: null, error: null });
const message = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

/**
 * Counts and details for the rule being built, asked for once the editing pauses. Requests are
 * numbered and only the latest one's answers are kept, so a slow count of an older rule never
 * overwrites a newer one. While an answer is on its way the previous numbers stay, marked.
 */
export function useLiveCounts(query: AudienceQuery | null): LiveCounts {
  const key = query ? JSON.stringify(query) : '';
  const [count, setCount] = useState<Answer<AudienceCount>>(empty);
  const [details, setDetails] = useState<Answer<AudienceDetails>>(empty);
  const latest = useRef(0);

  useEffect(() => {
    if (!key) return;
    const input = JSON.parse(key) as AudienceQuery;
    const timer = setTimeout(() => {
      const request = ++latest.current;
      call('audience:count', input).then(
        (value) => {
          if (latest.current === request) setCount({ key, value, error: null });
        },
        (reason: unknown) => {
          if (latest.current === request) setCount((old) => ({ key, value: old.value, error: message(reason) }));
        },
      );
      call('audience:details', input).then(
        (value) => {
          if (latest.current === request) setDetails({ key, value, error: null });
        },
        (reason: unknown) => {
          if (latest.current === request) setDetails((old) => ({ key, value: old.value, error: message(reason) }));
        },
      );
    }, COUNT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  const current = count.key === key && key !== '';
  const detailsCurrent = details.key === key && key !== '';
  return {
    count: count.value,
    details: details.value,
    error: current ? count.error : null,
    outdated: !current || count.error !== null,
    detailsOutdated: !detailsCurrent || details.error !== null,
  };
}
