/**
 * The draft being edited, its last preview and what the main process said, kept outside React
 * so a compute ending (which remounts every screen) does not throw the marketer's work away.
 */
import type { KliPreview, KliSummary } from '../../src-shared/kli';
import { call } from '../lib/api';
import { createStore } from '../lib/store';
import { serverErrors, toDefinition, validateDraft, type DraftErrors, type KliDraft } from './editor-draft';
import { errorText, onKliSessionReset } from './session';

export interface EditorState {
  /** Which KLI the draft is for: '' for a new one, else the id being edited. null: no draft yet. */
  key: string | null;
  draft: KliDraft | null;
  /** The preview and the definition (as JSON) it was made for: Save needs it to match the form. */
  preview: KliPreview | null;
  previewOf: string | null;
  busy: 'preview' | 'save' | null;
  /** Set once Preview or Save was pressed: from then on every problem shows beside its field. */
  attempted: boolean;
  server: { fields: DraftErrors; general: string[] } | null;
}

const initial = (): EditorState => ({
  key: null,
  draft: null,
  preview: null,
  previewOf: null,
  busy: null,
  attempted: false,
  server: null,
});

export const editorStore = createStore<EditorState>(initial);
onKliSessionReset(() => editorStore.reset());

/** Starts a draft for `key` unless one is already open for it. */
export function openDraft(key: string, make: () => KliDraft): void {
  if (editorStore.get().key === key && editorStore.get().draft) return;
  editorStore.set({ ...initial(), key, draft: make() });
}

export function closeDraft(): void {
  editorStore.set(initial());
}

export function updateDraft(change: Partial<KliDraft>): void {
  editorStore.set((state) => (state.draft ? { draft: { ...state.draft, ...change }, server: null } : {}));
}

export function draftJson(draft: KliDraft): string {
  return JSON.stringify(toDefinition(draft));
}

function ready(): KliDraft | null {
  const { draft, key } = editorStore.get();
  editorStore.set({ attempted: true });
  if (!draft || Object.keys(validateDraft(draft, key === '')).length > 0) return null;
  return draft;
}

export async function previewDraft(): Promise<void> {
  const draft = ready();
  if (!draft) return;
  const json = draftJson(draft);
  editorStore.set({ busy: 'preview', server: null });
  try {
    const preview = await call('kli:preview', { definition: toDefinition(draft) });
    editorStore.set({ busy: null, preview, previewOf: json });
  } catch (error) {
    editorStore.set({ busy: null, server: serverErrors(errorText(error)) });
  }
}

/** Saves the draft; resolves to the saved KLI, or null when the main process refused it. */
export async function saveDraft(overwrite: boolean): Promise<KliSummary | null> {
  const draft = ready();
  if (!draft) return null;
  editorStore.set({ busy: 'save', server: null });
  try {
    const saved = await call('kli:save', { definition: toDefinition(draft), overwrite });
    closeDraft();
    return saved;
  } catch (error) {
    editorStore.set({ busy: null, server: serverErrors(errorText(error)) });
    return null;
  }
}
