import { useState, type FormEvent } from 'react';
import { call } from '../lib/api';
import { count, errorText } from './plan-words';

interface Answer {
  control_needed: number | null;
  mailed_needed: number | null;
  households_needed: number | null;
}

const share = (text: string) => Number(text.replace(',', '.').replace('%', '').trim()) / 100;

/**
 * The sample-size planner: for the response a cell's controls are expected to give and the lift
 * worth detecting, how many households must be held out (and mailed) for the result to prove it.
 */
export function SampleSizePlanner({ controlShare }: { controlShare: number }) {
  const [base, setBase] = useState('1');
  const [lift, setLift] = useState('1');
  const [holdout, setHoldout] = useState(String(Math.round(controlShare * 1000) / 10));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  const work = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = { base_rate: share(base), lift: share(lift), control_share: share(holdout) };
    if (![input.base_rate, input.lift, input.control_share].every(Number.isFinite)) {
      setError('Write each as a percentage, e.g. 1.5.');
      return;
    }
    try {
      setAnswer(await call('plan:sample-size', input));
    } catch (e) {
      setAnswer(null);
      setError(errorText(e));
    }
  };

  return (
    <section className="panel" aria-labelledby="sample-size-title">
      <h2 id="sample-size-title">Sample-size planner</h2>
      <p className="muted">
        How big a control group must be for a cell&rsquo;s result to prove the letter worked (95% confidence, 80% power,
        two-proportion test). Cells of the matrix whose holdout falls short are marked &ldquo;Holdout too small&rdquo;.
      </p>
      <form className="plan-settings" aria-label="Sample-size planner" onSubmit={(e) => void work(e)} noValidate>
        <label className="field">
          <span>Control response rate %</span>
          <input type="text" inputMode="decimal" value={base} onChange={(e) => setBase(e.target.value)} />
        </label>
        <label className="field">
          <span>Lift worth detecting (points %)</span>
          <input type="text" inputMode="decimal" value={lift} onChange={(e) => setLift(e.target.value)} />
        </label>
        <label className="field">
          <span>Share held out %</span>
          <input type="text" inputMode="decimal" value={holdout} onChange={(e) => setHoldout(e.target.value)} />
        </label>
        <button type="submit">Work it out</button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {answer ? (
        <p role="status" data-testid="sample-size-answer">
          {answer.control_needed === null || answer.mailed_needed === null || answer.households_needed === null
            ? 'No control group can prove that lift: choose a larger lift.'
            : `Hold out ${count(answer.control_needed)} households and mail ${count(answer.mailed_needed)}: a cell needs ${count(answer.households_needed)} households in all.`}
        </p>
      ) : null}
    </section>
  );
}
