/** What the user does while setting an import up: choose a profile and files, set kinds, ask for suggestions. */
import type { SavedProfile, SniffedFile } from '../../src-shared/imports';
import type { FileMapping, ImportKind } from '../../src-shared/mapping-profile';
import { call } from '../lib/api';
import { formatCount } from '../lib/format';
import { stageFiles } from '../lib/stage-files';
import { blankProfile, entryIndex, withEntry, withKind } from './draft';
import { sessionGeneration, setupStore } from './session';

import { errorText } from '../lib/api';

export { errorText };

/** True while the session that started some work is still the current one. */
function sameSession(): () => boolean {
  const started = sessionGeneration();
  return () => started === sessionGeneration();
}

/** The profile saved most recently, else the standard layout: the one a bank uses month after month. */
export function defaultProfile(profiles: SavedProfile[]): string | null {
  const own = profiles
    .filter((p) => !p.built_in)
    .sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''));
  return (own[0] ?? profiles.find((p) => p.name === 'mainstreet-standard') ?? profiles[0])?.name ?? null;
}

export function chooseProfile(name: string | null, saved: SavedProfile[]): void {
  const chosen = name === null ? undefined : saved.find((p) => p.name === name);
  setupStore.set({
    profileName: chosen ? chosen.name : null,
    base: chosen ? chosen.profile : null,
    draft: chosen ? structuredClone(chosen.profile) : blankProfile(),
    hints: {},
    error: null,
    notice: null,
  });
  const { files } = setupStore.get();
  if (files.length > 0) void sniff(files.map((f) => f.path));
}

export async function pickFiles(picked: File[]): Promise<void> {
  if (picked.length === 0) return;
  const current = sameSession();
  setupStore.set({ busy: `Reading ${formatCount(picked.length, 'file')}…`, error: null, notice: null });
  try {
    const paths = await stageFiles(picked);
    if (current()) await sniff(paths);
  } catch (error) {
    if (current()) setupStore.set({ busy: null, error: errorText(error) });
  }
}

/** Looks at the files; those the profile does not cover get the kind their headers suggest. */
export async function sniff(paths: string[]): Promise<void> {
  const current = sameSession();
  const { profileName } = setupStore.get();
  setupStore.set({ busy: `Reading ${formatCount(paths.length, 'file')}…`, error: null });
  try {
    const files = await call('import:sniff', { paths, ...(profileName ? { profile: profileName } : {}) });
    if (!current()) return;
    setupStore.set({ files, busy: null });
    for (const file of files) {
      const { draft } = setupStore.get();
      const kind = file.profile_match?.kind ?? file.guessed_kind;
      if (kind && entryIndex(draft, file.name) < 0) await setKind(file, kind);
    }
  } catch (error) {
    if (current()) setupStore.set({ busy: null, error: `The files could not be read: ${errorText(error)}` });
  }
}

export async function setKind(file: SniffedFile, kind: ImportKind): Promise<void> {
  const state = setupStore.get();
  const { profile, created } = withKind(state.draft, state.base, file, kind, state.files);
  const hints = { ...state.hints };
  delete hints[file.path];
  setupStore.set({ draft: profile, hints });
  if (created) await suggest(file);
}

function truncated(file: SniffedFile) {
  return {
    columns: file.columns.slice(0, 500).map((c) => c.slice(0, 200)),
    rows: file.rows.slice(0, 50).map((row) => row.slice(0, 500).map((v) => v.slice(0, 2000))),
  };
}

/** Fills the file's mapping from the main process's suggestion; fields it has no idea for stay as they are. */
export async function suggest(file: SniffedFile): Promise<void> {
  const current = sameSession();
  const entry = setupStore.get().draft.files[entryIndex(setupStore.get().draft, file.name)];
  if (!entry) return;
  const { kind } = entry;
  setupStore.set({ busy: `Suggesting a mapping for ${file.name}…`, error: null });
  try {
    const suggestion = await call('import:suggest', { kind, ...truncated(file) });
    if (!current()) return;
    setupStore.set((state) => {
      const index = entryIndex(state.draft, file.name);
      const target = state.draft.files[index];
      // The kind was changed while the suggestion was on its way: it no longer applies.
      if (!target || target.kind !== kind) return { busy: null };
      return {
        busy: null,
        draft: withEntry(state.draft, index, { ...target, fields: { ...target.fields, ...suggestion.fields } }),
        hints: {
          ...state.hints,
          [file.path]: { reasons: suggestion.reasons, sensitive: suggestion.sensitive_columns },
        },
      };
    });
  } catch (error) {
    if (current()) setupStore.set({ busy: null, error: `No suggestion for ${file.name}: ${errorText(error)}` });
  }
}

export function updateEntry(index: number, entry: FileMapping): void {
  setupStore.set((state) => ({ draft: withEntry(state.draft, index, entry) }));
}

export function removeFile(path: string): void {
  setupStore.set((state) => ({ files: state.files.filter((f) => f.path !== path) }));
}
