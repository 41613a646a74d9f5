import { SignInList } from '../settings/people-panel';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from './error-panel';
import { Loading } from './loading';

/** Asked when the database has people and nobody is signed in (a PIN on everyone, or a new computer). */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const state = useCall('people:list', {});
  return (
    <main className="startup" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Who is working?</h1>
      <p>Everything you do is recorded in your name.</p>
      {state.error ? (
        <ErrorPanel message={state.error} onRetry={state.reload} />
      ) : state.data ? (
        <SignInList state={state.data} onSignedIn={onSignedIn} />
      ) : (
        <Loading slow={state.slow} text="Loading the team…" />
      )}
    </main>
  );
}
