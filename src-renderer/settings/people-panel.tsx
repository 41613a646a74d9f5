import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_WORDS, type PeopleState, type Person, type Role } from '../../src-shared/people';
import { call, errorText } from '../lib/api';
import { useCall } from '../lib/use-call';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Outcome } from '../shell/outcome';
import { Loading } from '../shell/loading';

/**
 * Signing in as one of the team: a person with a PIN types it first. Used by Settings › People
 * and by the screen that asks who is working.
 */
export function SignInList({ state, onSignedIn }: { state: PeopleState; onSignedIn: () => void }) {
  const [asking, setAsking] = useState<Person | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const signIn = async (person: Person, withPin?: string) => {
    setError(null);
    try {
      await call('people:sign-in', withPin ? { id: person.id, pin: withPin } : { id: person.id });
      setAsking(null);
      setPin('');
      onSignedIn();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const submitPin = (event: FormEvent) => {
    event.preventDefault();
    if (asking) void signIn(asking, pin);
  };
  return (
    <div className="sign-in">
      <ul className="people-choices" aria-label="Who is working">
        {state.people.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={state.signed_in?.id === p.id ? 'secondary current' : 'secondary'}
              aria-pressed={state.signed_in?.id === p.id}
              onClick={() => (p.has_pin ? setAsking(p) : void signIn(p))}
            >
              {p.name} <span className="muted">· {ROLE_WORDS[p.role]}</span>
            </button>
          </li>
        ))}
      </ul>
      {asking && (
        <form className="pin-form" onSubmit={submitPin} aria-label={`PIN for ${asking.name}`}>
          <label className="field">
            <span>{asking.name}’s PIN</span>
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              autoFocus
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          </label>
          <button type="submit" disabled={pin.length < 4}>
            Sign in
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </form>
      )}
      <Outcome error={error} />
    </div>
  );
}

interface Draft {
  id?: number;
  name: string;
  role: Role;
  pin: string;
  removePin: boolean;
}

function PersonForm({
  draft,
  first,
  onDone,
}: {
  draft: Draft;
  first: boolean;
  onDone: (error: string | null, name: string) => void;
}) {
  const [value, setValue] = useState(draft);
  const [busy, setBusy] = useState(false);
  const editing = value.id !== undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await call('people:save', {
        ...(editing ? { id: value.id } : {}),
        name: value.name,
        role: value.role,
        ...(value.removePin ? { pin: null } : value.pin ? { pin: value.pin } : {}),
      });
      onDone(null, value.name.trim());
    } catch (e) {
      onDone(errorText(e), value.name.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="person-form" aria-label={editing ? `Change ${draft.name}` : 'Add a person'} onSubmit={submit}>
      <label className="field">
        <span>Name</span>
        <input
          type="text"
          value={value.name}
          maxLength={80}
          onChange={(e) => setValue({ ...value, name: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={value.role} onChange={(e) => setValue({ ...value, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r} disabled={first && r !== 'administrator'}>
              {ROLE_WORDS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{editing ? 'New PIN (optional)' : 'PIN (optional)'}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={value.pin}
          aria-describedby="person-pin-hint"
          disabled={value.removePin}
          onChange={(e) => setValue({ ...value, pin: e.target.value.replace(/\D/g, '') })}
        />
      </label>
      {editing && (
        <label className="check">
          <input
            type="checkbox"
            checked={value.removePin}
            onChange={(e) => setValue({ ...value, removePin: e.target.checked, pin: '' })}
          />{' '}
          No PIN
        </label>
      )}
      <p className="muted" id="person-pin-hint">
        4 to 8 digits, asked when this person signs in. Kept only as a salted hash.
      </p>
      <button type="submit" disabled={busy || !value.name.trim() || (value.pin !== '' && value.pin.length < 4)}>
        {editing ? 'Save' : 'Add'}
      </button>
    </form>
  );
}

/** Settings › People: the team, who is signed in, and the four-eyes rule. */
export function PeoplePanel() {
  const state = useCall('people:list', {});
  const [editing, setEditing] = useState<Draft | null>(null);
  const [removing, setRemoving] = useState<Person | null>(null);
  const [turningOff, setTurningOff] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (state.error && !state.data) return <ErrorPanel message={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading slow={state.slow} text="Loading the team…" />;
  const data = state.data;
  const first = data.people.length === 0;
  // The app's header names the signed-in person: it is refreshed with the rest.
  const changed = (text: string) => {
    setMessage(text);
    setError(null);
    state.reload();
    window.dispatchEvent(new Event('mainstreet:person-changed'));
  };
  const act = async (run: () => Promise<unknown>, text: string) => {
    try {
      await run();
      changed(text);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">People</h2>
        {first ? (
          <p data-testid="people-none">
            Everyone works as this computer’s account, <strong>{data.machine_user}</strong>. Add the team to record who
            does what, and to have audiences and month runs approved by a second person (four-eyes). The first person is
            the administrator.
          </p>
        ) : (
          <p data-testid="signed-in">
            {data.signed_in
              ? `Signed in as ${data.signed_in.name}, ${ROLE_WORDS[data.signed_in.role].toLowerCase()}. Every change is recorded in their name.`
              : 'Nobody is signed in.'}
          </p>
        )}
        {!first && (
          <>
            <h3>Switch person</h3>
            <SignInList state={data} onSignedIn={() => changed('Signed in.')} />
            <table className="data-table compact" aria-label="People">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">PIN</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{ROLE_WORDS[p.role]}</td>
                    <td>{p.has_pin ? 'Yes' : 'No'}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setEditing({ id: p.id, name: p.name, role: p.role, pin: '', removePin: false })}
                      >
                        Change<span className="visually-hidden"> {p.name}</span>
                      </button>
                      <button type="button" className="secondary" onClick={() => setRemoving(p)}>
                        Remove<span className="visually-hidden"> {p.name}</span>…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <Outcome message={message} error={error} />
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setEditing({ name: '', role: first ? 'administrator' : 'marketer', pin: '', removePin: false })
            }
          >
            Add a person
          </button>
        </div>
        {editing && (
          <PersonForm
            key={editing.id ?? 'new'}
            draft={editing}
            first={first}
            onDone={(failure, name) => {
              if (failure) {
                setError(failure);
                return;
              }
              setEditing(null);
              changed(editing.id === undefined ? `${name} was added.` : `${name} is saved.`);
            }}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="four-eyes-title">
        <h2 id="four-eyes-title">Four-eyes</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={data.four_eyes}
            onChange={(e) =>
              e.target.checked
                ? void act(() => call('people:four-eyes', { on: true }), 'Four-eyes is on.')
                : setTurningOff(true)
            }
          />{' '}
          An audience or a month run is approved by someone other than the person who prepared it
        </label>
        <p className="muted" data-testid="four-eyes-state">
          {data.four_eyes_in_force
            ? 'In force: approving your own work is refused.'
            : data.four_eyes
              ? 'Not yet in force: it starts when the team has people.'
              : 'Off: one person may prepare and approve (a one-person team). The change is in the audit log.'}
        </p>
      </section>

      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id;
            setRemoving(null);
            void act(() => call('people:remove', { id }), `${removing.name} was removed.`);
          }}
        >
          <p>They can no longer sign in. Their name stays in the audit log against what they did.</p>
        </ConfirmDialog>
      )}
      {turningOff && (
        <ConfirmDialog
          title="Turn four-eyes off?"
          confirmLabel="Turn off"
          onCancel={() => setTurningOff(false)}
          onConfirm={() => {
            setTurningOff(false);
            void act(() => call('people:four-eyes', { on: false }), 'Four-eyes is off.');
          }}
        >
          <p>
            For a one-person team: the same person may then prepare and approve audiences and month runs. Examiners
            expect a second pair of eyes where the team has one. The change is recorded in your name.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
