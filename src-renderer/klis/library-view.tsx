import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { KliTable } from './kli-table';
import { RecomputePanel } from './recompute-panel';

/** The library: when it was computed, whether that is out of date, and every KLI with its figures. */
export function LibraryView() {
  const library = useCall('kli:library', {});
  if (library.error && !library.data)
    return <ErrorPanel message={`The KLI library could not be loaded: ${library.error}`} onRetry={library.reload} />;
  if (!library.data) return <Loading slow={library.slow} text="Loading the KLI library…" />;
  const { run, stale, klis } = library.data;
  const custom = klis.filter((k) => !k.builtin).length;
  return (
    <>
      {stale && run ? (
        <p className="warning" role="status" data-testid="kli-stale">
          <strong>The figures are out of date.</strong> Rules or data changed since the last compute; press Recompute to
          bring them up to date.
        </p>
      ) : null}
      <RecomputePanel run={run} stale={stale} />
      <section className="panel" aria-labelledby="kli-library-heading">
        <div className="panel-head">
          <h2 id="kli-library-heading">
            Library{' '}
            <span className="muted small">
              ({klis.length - custom} built in, {custom} custom)
            </span>
          </h2>
          <a className="button-link" href={href({ screen: 'kli-editor', id: null })}>
            New KLI
          </a>
        </div>
        <p className="muted small">
          Customers and households have the KLI at the last compute (a household has it when any member does); coverage
          counts customers with transactions in at least 3 of the lookback’s months. Open a KLI for its rule, parameters
          and samples.
        </p>
        <div className="table-scroll">
          <KliTable klis={klis} />
        </div>
      </section>
    </>
  );
}
