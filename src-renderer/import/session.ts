/**
 * The Import screen's state, kept outside React (see lib/store.ts): what is being set up, the
 * import running or just ended, and which tab shows. It belongs to one database: opening
 * another starts afresh.
 */
import type { Api, ApiInput } from '../../src-shared/api';
import type { JobInfo } from '../../src-shared/domain';
import type { ImportOutcome, SniffedFile } from '../../src-shared/imports';
import type { MappingProfile } from '../../src-shared/mapping-profile';
import { createStore } from '../lib/store';
import { blankProfile } from './draft';

export interface FileHints {
  /** Field → why the suggestion chose its source. */
  reasons: Record<string, string>;
  sensitive: string[];
}

export interface SetupState {
  /** The chosen saved profile; null for a new mapping; undefined until the list has loaded. */
  profileName: string | null | undefined;
  /** The chosen profile as saved, to fall back on when a file's kind is changed back. */
  base: MappingProfile | null;
  draft: MappingProfile;
  files: SniffedFile[];
  /** What is under way (reading files, suggesting), for a status line. */
  busy: string | null;
  error: string | null;
  hints: Record<string, FileHints>;
  quarantine: boolean;
  asOf: string;
  /** A word on what to do next, e.g. after going back from a refused import. */
  notice: string | null;
}

export interface RunState {
  /** Numbers the runs, so a late answer for an earlier run is dropped. */
  token: number;
  input: ApiInput<'import:start'>;
  job: JobInfo | null;
  startedAt: number;
  secondsLeft: number | null;
  cancelling: boolean;
  outcome: ImportOutcome | null;
  error: string | null;
}

export type ImportTab = 'import' | 'history';

export const setupStore = createStore<SetupState>(() => ({
  profileName: undefined,
  base: null,
  draft: blankProfile(),
  files: [],
  busy: null,
  error: null,
  hints: {},
  quarantine: false,
  asOf: '',
  notice: null,
}));

export const runStore = createStore<{ run: RunState | null }>(() => ({ run: null }));

export const viewStore = createStore<{ tab: ImportTab; qualityOf: number | null }>(() => ({
  tab: 'import',
  qualityOf: null,
}));

let owner: { api: Api; dbPath: string } | null = null;
let generation = 0;
const onReset = new Set<() => void>();

/** Runs when the session is dropped (another database, another API): stop following jobs. */
export function onSessionReset(callback: () => void): void {
  onReset.add(callback);
}

/**
 * Called as the screen renders: keeps the session if it belongs to this API and database,
 * starts a new one otherwise. Idempotent, so a second render changes nothing.
 */
export function claimSession(api: Api, dbPath: string): void {
  if (owner?.api === api && owner.dbPath === dbPath) return;
  owner = { api, dbPath };
  generation++;
  for (const callback of onReset) callback();
  setupStore.reset();
  runStore.reset();
  viewStore.reset();
}

/** Changes with every new session: an answer that arrives after one ended is dropped. */
export function sessionGeneration(): number {
  return generation;
}
