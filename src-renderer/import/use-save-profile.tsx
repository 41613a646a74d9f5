import { useState, type ReactNode } from 'react';
import type { ApiInput } from '../../src-shared/api';
import type { SavedProfile } from '../../src-shared/imports';
import { call } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { errorText } from './setup-actions';

type ProfileInput = ApiInput<'profiles:save'>['profile'];

export interface ProfileSaver {
  save: (profile: ProfileInput) => void;
  busy: boolean;
  error: string | null;
  /** The overwrite question, while one is open. */
  dialog: ReactNode;
}

/**
 * Saving a profile: built-in names are refused before asking, an existing name is replaced
 * only after the user says so, and the main process's reason is shown when it refuses.
 */
export function useSaveProfile(profiles: SavedProfile[], onSaved: (saved: SavedProfile) => void): ProfileSaver {
  const [pending, setPending] = useState<{ profile: ProfileInput; existing: SavedProfile } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (profile: ProfileInput, overwrite: boolean) => {
    setBusy(true);
    try {
      const saved = await call('profiles:save', { profile, overwrite });
      setPending(null);
      onSaved(saved);
    } catch (e) {
      setPending(null);
      setError(`The profile could not be saved: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const save = (profile: ProfileInput) => {
    setError(null);
    const existing = profiles.find((p) => p.name === profile.name);
    if (existing?.built_in) {
      setError(`“${existing.name}” is built in and cannot be changed. Save under another name.`);
    } else if (existing) {
      setPending({ profile, existing });
    } else {
      void send(profile, false);
    }
  };

  const dialog = pending ? (
    <ConfirmDialog
      title={`Replace the profile “${pending.existing.name}”?`}
      confirmLabel="Replace it"
      busy={busy}
      onConfirm={() => void send(pending.profile, true)}
      onCancel={() => setPending(null)}
    >
      <p>
        A profile with this name already exists: {pending.existing.title}
        {pending.existing.updated_at ? `, saved ${formatDateTime(pending.existing.updated_at)}` : ''}. Saving replaces
        its mapping. Imports already made with it are not changed.
      </p>
    </ConfirmDialog>
  ) : null;

  return { save, busy, error, dialog };
}
