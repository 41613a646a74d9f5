import { useId, useState } from 'react';
import type { SavedProfile } from '../../src-shared/imports';
import { ErrorPanel } from '../shell/error-panel';
import { PROFILE_NAME, prunedProfile } from './draft';
import { setupStore, type SetupState } from './session';
import { useSaveProfile } from './use-save-profile';

/** Saving the mapping as edited, under a name of its own, so next month's import is one click. */
export function SaveProfile({
  setup,
  profiles,
  problems,
  onSaved,
}: {
  setup: SetupState;
  profiles: SavedProfile[];
  problems: string[];
  onSaved: () => void;
}) {
  const id = useId();
  const ownProfile = (name: string | null | undefined) => profiles.find((p) => p.name === name && !p.built_in);
  const [name, setName] = useState(ownProfile(setup.profileName)?.name ?? '');
  const [title, setTitle] = useState(ownProfile(setup.profileName)?.title ?? '');
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState(setup.profileName);
  // Another profile was chosen (not this one just saved): start from its name and title.
  if (shownFor !== setup.profileName) {
    setShownFor(setup.profileName);
    if (setup.profileName !== name) {
      setName(ownProfile(setup.profileName)?.name ?? '');
      setTitle(ownProfile(setup.profileName)?.title ?? '');
      setSavedAs(null);
    }
  }
  const saver = useSaveProfile(profiles, (saved) => {
    onSaved();
    setSavedAs(saved.name);
    setupStore.set((state) => ({
      profileName: saved.name,
      base: saved.profile,
      draft: { ...state.draft, name: saved.name, title: saved.title },
    }));
  });
  const nameOk = PROFILE_NAME.test(name);
  const save = () => {
    setSavedAs(null);
    const profile = prunedProfile(setup.draft, setup.base, setup.files);
    saver.save({ ...profile, name, title: title.trim() || name });
  };
  return (
    <section className="panel step" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Save the mapping</h2>
      <p className="muted small">
        Saved as a profile, it reads next month’s files the same way: choose it and pick the files.
      </p>
      <div className="form-row">
        <label className="field">
          <span>Profile name</span>
          <input
            type="text"
            value={name}
            maxLength={63}
            aria-invalid={name !== '' && !nameOk}
            aria-describedby={`${id}-name-help`}
            onChange={(e) => setName(e.target.value)}
          />
          <span id={`${id}-name-help`} className={name !== '' && !nameOk ? 'field-error small' : 'muted small'}>
            Lower-case letters, digits and dashes, e.g. jack-henry-silverlake.
          </span>
        </label>
        <label className="field">
          <span>Title</span>
          <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          <span className="muted small">How the profile is listed; the name if left empty.</span>
        </label>
        <button type="button" onClick={save} disabled={!nameOk || problems.length > 0 || saver.busy}>
          {saver.busy ? 'Saving…' : 'Save profile'}
        </button>
      </div>
      {problems.length > 0 ? (
        <p className="muted small">A mapping can be saved once every file’s required fields are mapped (see below).</p>
      ) : null}
      {savedAs ? (
        <p role="status" className="success">
          Saved as “{savedAs}”.
        </p>
      ) : null}
      {saver.error ? <ErrorPanel message={saver.error} /> : null}
      {saver.dialog}
    </section>
  );
}
