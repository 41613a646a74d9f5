/**
 * State of the KLI screens that must outlive them (see lib/store.ts): the compute job being
 * followed and the custom KLI being drafted. The workspace remounts every screen when a job
 * ends or the database changes, and a draft or a progress bar should not vanish with it. The
 * state belongs to one API and database: another starts afresh.
 */
import type { Api } from '../../src-shared/api';
import { createStore } from '../lib/store';

let owner: { api: Api; dbPath: string } | null = null;
const onReset = new Set<() => void>();

/** Runs when the session is dropped (another database, another API). */
export function onKliSessionReset(callback: () => void): void {
  onReset.add(callback);
}

/** Called as a KLI screen renders; idempotent. */
export function claimKliSession(api: Api, dbPath: string): void {
  if (owner?.api === api && owner.dbPath === dbPath) return;
  owner = { api, dbPath };
  for (const callback of onReset) callback();
}

export { errorText } from '../lib/api';

/** A word for the next screen, e.g. the KLI page after its KLI was saved in the editor. */
export const noticeStore = createStore<{ kli: string | null; text: string }>(() => ({ kli: null, text: '' }));
onKliSessionReset(() => noticeStore.reset());
