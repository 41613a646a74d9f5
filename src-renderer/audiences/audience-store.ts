/**
 * The audience open in the editor and what the marketer has done to it, kept outside React so
 * the workspace remounting every screen (a database change, a job ending) does not throw a
 * half-built rule away. The state belongs to one API and database: another starts afresh.
 */
import type { Api } from '../../src-shared/api';
import type { AudienceSummary, AudienceVersion, RuleNode } from '../../src-shared/audience';
import { call } from '../lib/api';
import { createStore } from '../lib/store';
import { draftOf, emptyGroup, type DraftGroup } from './rule-draft';

export type Busy = 'save' | 'submit' | 'approve' | 'return' | 'retire' | 'new-version' | 'open';

export interface AudienceEditorState {
  view: 'list' | 'editor';
  /** The saved audience, every version newest first; null while a new one is unsaved. */
  audience: AudienceSummary | null;
  name: string;
  root: DraftGroup;
  /** The product offered; '' for none. */
  productCode: string;
  suppressionsOff: string[];
  /** The editor's signature when it last matched what is saved (null: never saved). */
  savedSignature: string | null;
  busy: Busy | null;
  /** What the main process said to the last action, shown beside the actions. */
  error: string | null;
  notice: string | null;
}

const initial = (): AudienceEditorState => ({
  view: 'list',
  audience: null,
  name: '',
  root: emptyGroup(),
  productCode: '',
  suppressionsOff: [],
  savedSignature: null,
  busy: null,
  error: null,
  notice: null,
});

export const audienceStore = createStore<AudienceEditorState>(initial);

let owner: { api: Api; dbPath: string } | null = null;

/** Called as the screen renders; another API or database drops the open audience. */
export function claimAudienceSession(api: Api, dbPath: string): void {
  if (owner?.api === api && owner.dbPath === dbPath) return;
  owner = { api, dbPath };
  audienceStore.reset();
}

/** What the editor holds, without the builder's keys: equal signatures, same audience. */
export function signature(state: Pick<AudienceEditorState, 'root' | 'productCode' | 'suppressionsOff'>): string {
  const tree = JSON.stringify(state.root, (k, v: unknown) => (k === 'key' ? undefined : v));
  return JSON.stringify([tree, state.productCode, [...state.suppressionsOff].sort()]);
}

export function isDirty(state: AudienceEditorState): boolean {
  return state.savedSignature !== signature(state);
}

export function newestVersion(state: AudienceEditorState): AudienceVersion | null {
  return state.audience?.versions[0] ?? null;
}

/** Approved and retired versions never change: the builder is read-only. */
export function isLocked(version: AudienceVersion | null): boolean {
  return version?.status === 'approved' || version?.status === 'retired';
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function openNew(): void {
  audienceStore.set({ ...initial(), view: 'editor' });
}

/** A new, unsaved audience that starts from a rule (the scores screen's "top scores"). */
export function openNewWithRule(name: string, rule: RuleNode): void {
  audienceStore.set({ ...initial(), view: 'editor', name, root: draftOf(rule) });
}

export function backToList(): void {
  audienceStore.set(initial());
}

/** Loads a version's rule, product and suppressions into the builder. */
function loaded(audience: AudienceSummary): Partial<AudienceEditorState> {
  const version = audience.versions[0];
  const editor = {
    root: draftOf(version?.rule ?? { all: [] }),
    productCode: version?.product_code ?? '',
    suppressionsOff: version?.suppressions_off ?? [],
  };
  return { audience, name: audience.name, ...editor, savedSignature: signature(editor) };
}

export async function openAudience(id: number): Promise<void> {
  audienceStore.set({ ...initial(), view: 'editor', busy: 'open' });
  try {
    const audience = await call('audience:get', { id });
    audienceStore.set({ ...loaded(audience), busy: null });
  } catch (error) {
    audienceStore.set({ busy: null, error: errorText(error) });
  }
}

export function editDraft(
  change: Partial<Pick<AudienceEditorState, 'name' | 'root' | 'productCode' | 'suppressionsOff'>>,
) {
  audienceStore.set({ ...change, notice: null });
}

/** Puts the builder back as the newest version has it. */
export function discardChanges(): void {
  const { audience } = audienceStore.get();
  if (audience) audienceStore.set({ ...loaded(audience), error: null, notice: null });
}

/** Runs one governance step, then reloads the audience so the history and status are current. */
async function step(busy: Busy, action: () => Promise<number>, notice: string): Promise<boolean> {
  audienceStore.set({ busy, error: null, notice: null });
  try {
    const id = await action();
    const audience = await call('audience:get', { id });
    audienceStore.set({ ...loaded(audience), busy: null, notice });
    return true;
  } catch (error) {
    audienceStore.set({ busy: null, error: errorText(error) });
    return false;
  }
}

function draftInput(rule: RuleNode) {
  const { productCode, suppressionsOff } = audienceStore.get();
  return { rule, product_code: productCode || null, suppressions_off: suppressionsOff };
}

/** Creates the audience, or saves the edit (a submitted version goes back to draft). */
export function save(rule: RuleNode): Promise<boolean> {
  const { audience, name } = audienceStore.get();
  if (!audience) {
    return step(
      'save',
      async () => (await call('audience:create', { name, draft: draftInput(rule) })).id,
      'Saved as version 1, a draft.',
    );
  }
  return step(
    'save',
    async () => (await call('audience:save', { id: audience.id, draft: draftInput(rule) })).audience_id,
    'Saved.',
  );
}

/** An approved or retired version stays as it is: its rule becomes the next version, a draft. */
export function editAsNewVersion(): Promise<boolean> {
  const { audience } = audienceStore.get();
  const version = audience?.versions[0];
  if (!audience || !version) return Promise.resolve(false);
  const draft = { rule: version.rule, product_code: version.product_code, suppressions_off: version.suppressions_off };
  return step(
    'new-version',
    async () => (await call('audience:save', { id: audience.id, draft })).audience_id,
    `Version ${version.version + 1} started as a draft: edit it, save, and submit it for approval.`,
  );
}

export function submit(version: AudienceVersion): Promise<boolean> {
  return step(
    'submit',
    async () => (await call('audience:submit', { version_id: version.id })).audience_id,
    `Version ${version.version} submitted for approval.`,
  );
}

export function approve(
  version: AudienceVersion,
  approval: { approver: string; comment: string; acknowledge: boolean },
): Promise<boolean> {
  return step(
    'approve',
    async () =>
      (
        await call('audience:approve', {
          version_id: version.id,
          approver: approval.approver,
          comment: approval.comment,
          acknowledge_fair_lending: approval.acknowledge,
        })
      ).audience_id,
    `Version ${version.version} approved.`,
  );
}

export function returnToDraft(version: AudienceVersion, reason: string): Promise<boolean> {
  return step(
    'return',
    async () => (await call('audience:return', { version_id: version.id, reason })).audience_id,
    `Version ${version.version} returned to draft.`,
  );
}

export function retire(version: AudienceVersion): Promise<boolean> {
  return step(
    'retire',
    async () => (await call('audience:retire', { version_id: version.id })).audience_id,
    `Version ${version.version} retired.`,
  );
}
