import { useState, type ChangeEvent } from 'react';
import type { ApiInput } from '../../src-shared/api';
import type { SavedProfile } from '../../src-shared/imports';
import { call } from '../lib/api';
import { saveJson } from '../lib/download';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { chooseProfile, defaultProfile, errorText } from './setup-actions';
import { useSaveProfile } from './use-save-profile';

const NEW_MAPPING = '';

/** Which profile reads the files, and the profile file chores: export, import from a file, delete. */
export function ProfileBar({
  profiles,
  selected,
  onChanged,
}: {
  profiles: SavedProfile[];
  selected: string | null;
  onChanged: () => void;
}) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = profiles.find((p) => p.name === selected) ?? null;
  const saver = useSaveProfile(profiles, (saved) => {
    onChanged();
    chooseProfile(saved.name, [...profiles.filter((p) => p.name !== saved.name), saved]);
  });

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (e) {
      setError(`${file.name} is not a profile file (it is not valid JSON: ${errorText(e)}).`);
      return;
    }
    // Checked by the main process against the profile schema; its reasons are shown if it refuses.
    saver.save(parsed as ApiInput<'profiles:save'>['profile']);
  };

  const remove = async () => {
    if (!current) return;
    try {
      await call('profiles:delete', { name: current.name });
      setConfirmDelete(false);
      onChanged();
      const rest = profiles.filter((p) => p.name !== current.name);
      chooseProfile(defaultProfile(rest), rest);
    } catch (e) {
      setConfirmDelete(false);
      setError(`The profile could not be deleted: ${errorText(e)}`);
    }
  };

  const builtIn = profiles.filter((p) => p.built_in);
  const own = profiles.filter((p) => !p.built_in);
  return (
    <div className="profile-bar">
      <label className="field">
        <span>Mapping profile</span>
        <select
          value={selected ?? NEW_MAPPING}
          onChange={(e) => chooseProfile(e.target.value === NEW_MAPPING ? null : e.target.value, profiles)}
        >
          <optgroup label="Built in">
            {builtIn.map((p) => (
              <option key={p.name} value={p.name}>
                {p.title}
              </option>
            ))}
          </optgroup>
          {own.length > 0 ? (
            <optgroup label="Saved">
              {own.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.title} ({p.name})
                </option>
              ))}
            </optgroup>
          ) : null}
          <option value={NEW_MAPPING}>New mapping</option>
        </select>
      </label>
      <div className="profile-actions">
        {current ? (
          <button
            type="button"
            className="secondary"
            onClick={() => saveJson(current.profile, `${current.name}.mainstreet-profile.json`)}
          >
            Export profile
          </button>
        ) : null}
        <label className="file-button secondary">
          Import a profile file…
          <input type="file" accept=".json,application/json" className="visually-hidden" onChange={importFile} />
        </label>
        {current && !current.built_in ? (
          <button type="button" className="secondary" onClick={() => setConfirmDelete(true)}>
            Delete profile
          </button>
        ) : null}
      </div>
      <p className="muted small profile-description">
        {current
          ? current.description || current.title
          : 'Map a new core’s files field by field. Mainstreet suggests a mapping from the headers and first rows.'}
      </p>
      {error ? <ErrorPanel message={error} /> : null}
      {saver.error ? <ErrorPanel message={saver.error} /> : null}
      {saver.dialog}
      {confirmDelete && current ? (
        <ConfirmDialog
          title={`Delete the profile “${current.name}”?`}
          confirmLabel="Delete it"
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            Its mapping is removed from this computer. Imports already made with it stay in the history. Export it first
            if you may need it again.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
