import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { ImportForm } from './import-form';
import { ImportsList } from './imports-list';
import { MatchedSummary, UnmatchedPanel } from './match-lists';
import { ReviewPanel } from './review-panel';

function HowMatchingWorks() {
  return (
    <p className="muted how-matching" data-testid="how-matching">
      Each response is tied to a household that was mailed or held out: by customer number (the customer, or someone in
      a household mailed), then the account number, then the keycode printed on the letter, then for new customers by
      name and address within the ZIP code. A name-and-address score of 90% or more is a match; from 75% to 90% it waits
      for your review below. A response counts when the account was opened on or after the drop, within the
      offer&rsquo;s response window, and is not a kind of product the household already held. A household touched by
      several campaigns gives its response to the last one by default (last touch; the results can credit the first
      instead, or share it equally).
    </p>
  );
}

/**
 * The Responses tab: import a response file, the imports so far (each can be taken back), the
 * doubtful matches to confirm or reject, the unmatched with their reasons, and the matched by rule.
 */
export function ResponsesTab() {
  const runs = useCall('plan:runs', {});
  const imports = useCall('responses:imports', {});
  const doubtful = useCall('responses:list', { status: 'doubtful' });
  const unmatched = useCall('responses:list', { status: 'unmatched' });
  const matched = useCall('responses:list', { status: 'matched' });
  const confirmed = useCall('responses:list', { status: 'confirmed' });
  const reloadAll = () => {
    imports.reload();
    doubtful.reload();
    unmatched.reload();
    matched.reload();
    confirmed.reload();
  };

  const importPanel = () => {
    if (runs.error && !runs.data)
      return <ErrorPanel message={`The runs could not be loaded: ${runs.error}`} onRetry={runs.reload} />;
    if (!runs.data) return <Loading slow={runs.slow} text="Loading the runs…" />;
    if (runs.data.length === 0)
      return (
        <section className="panel" aria-labelledby="response-import-title">
          <h2 id="response-import-title">Import responses</h2>
          <p className="empty">
            No month has been run yet: responses are matched to the households a run mailed or held out.{' '}
            <a href={href({ screen: 'month-run' })}>Run a month</a> first.
          </p>
        </section>
      );
    return <ImportForm runs={runs.data} onImported={reloadAll} />;
  };

  return (
    <>
      <HowMatchingWorks />
      {importPanel()}
      <ImportsList imports={imports} runs={runs.data ?? []} onChanged={reloadAll} />
      <ReviewPanel doubtful={doubtful} onDecided={confirmed.reload} />
      <MatchedSummary matched={matched} confirmed={confirmed} />
      <UnmatchedPanel unmatched={unmatched} />
    </>
  );
}
