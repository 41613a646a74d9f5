import { useState } from 'react';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { HitsPanel } from './hits-table';
import { TriggerRules } from './trigger-rules';

/** The triggers tab of the KLIs stage: the rules, and the customers they flagged at the last evaluation. */
export function TriggersView() {
  const rules = useCall('triggers:list', {});
  // Each run remounts the hits, which then ask for the new first page.
  const [runs, setRuns] = useState(0);
  if (rules.error && !rules.data)
    return <ErrorPanel message={`The triggers could not be loaded: ${rules.error}`} onRetry={rules.reload} />;
  if (!rules.data) return <Loading slow={rules.slow} text="Loading the triggers…" />;
  return (
    <>
      <TriggerRules saved={{ ...rules, data: rules.data }} onRan={() => setRuns((n) => n + 1)} />
      <HitsPanel key={runs} />
    </>
  );
}
