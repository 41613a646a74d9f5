/**
 * A screen's long job kept in a store across remounts (training the scores, running a month):
 * one at a time per API and database; another API or database (another bank opened) drops it.
 * Runs are numbered so events and answers for an earlier run are ignored.
 */
import type { Api } from '../../src-shared/api';

export interface JobSession {
  /** Called as the screen renders: a new API or database stops following and resets the store. */
  claim(api: Api, dbPath: string): void;
  /** Stops following the job's progress events. */
  stop(): void;
  /** Follows a job: what to call to stop. */
  follow(unsubscribe: () => void): void;
  /** The next run's number. */
  nextToken(): number;
}

export function jobSession(reset: () => void): JobSession {
  let owner: { api: Api; dbPath: string } | null = null;
  let lastToken = 0;
  let stopFollowing: (() => void) | null = null;
  const stop = () => {
    stopFollowing?.();
    stopFollowing = null;
  };
  return {
    claim(api, dbPath) {
      if (owner?.api === api && owner.dbPath === dbPath) return;
      owner = { api, dbPath };
      stop();
      reset();
    },
    stop,
    follow(unsubscribe) {
      stopFollowing = unsubscribe;
    },
    nextToken: () => ++lastToken,
  };
}
