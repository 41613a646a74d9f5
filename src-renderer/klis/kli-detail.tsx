import { useEffect, useState } from 'react';
import type { KliCustomerSample, KliDetail, KliSummary } from '../../src-shared/kli';
import { call, getApi } from '../lib/api';
import { formatInt } from '../lib/format';
import { href, navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useCall } from '../lib/use-call';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { EvidenceTable } from './evidence-table';
import { KliParameters } from './kli-parameters';
import { formatKliValue, productLabel } from './labels';
import { claimKliSession, errorText, noticeStore } from './session';
import { TrendChart } from './trend-chart';
import './klis.css';

const count = (n: number | null) => (n === null ? '—' : formatInt(n));

function Figures({ kli }: { kli: KliSummary }) {
  return (
    <dl className="fields">
      <dt>Customers</dt>
      <dd data-testid="kli-detail-customers">{count(kli.customers)}</dd>
      <dt>Households</dt>
      <dd>{count(kli.households)}</dd>
      <dt>Coverage</dt>
      <dd>{kli.coverage === null ? '—' : `${formatInt(kli.coverage)} customers with enough history`}</dd>
      <dt>Product</dt>
      <dd>{productLabel(kli.product)}</dd>
    </dl>
  );
}

/** A custom KLI can be changed in the editor or deleted (after a confirmation). */
function CustomActions({ kli }: { kli: KliSummary }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('kli:delete', { id: kli.id });
      navigate({ screen: 'stage', stage: 'klis' });
    } catch (e) {
      setAsking(false);
      setBusy(false);
      setError(`${kli.name} could not be deleted: ${errorText(e)}`);
    }
  };
  return (
    <>
      <div className="actions">
        <a className="button-link" href={href({ screen: 'kli-editor', id: kli.id })}>
          Edit
        </a>
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Delete…
        </button>
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Delete ${kli.name}?`}
          confirmLabel={busy ? 'Deleting…' : 'Delete'}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        >
          <p>
            The KLI <strong>{kli.name}</strong> ({kli.id}) and its figures are removed from this bank’s library. Rules
            that name it will no longer find it. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function SampleCustomers({ detail }: { detail: KliDetail }) {
  const { sample_customers: customers, kli } = detail;
  if (customers.length === 0) return <p className="muted">No customer has it at the last compute.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table compact" aria-label={`Customers with ${kli.name}`}>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Customer #</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((c: KliCustomerSample) => (
            <tr key={c.customer_id} data-testid="kli-sample-customer">
              <td className="wrap">
                <a href={href({ screen: 'customer', id: c.customer_id })}>{c.name}</a>
              </td>
              <td>{c.customer_number}</td>
              <td className="wrap">{c.detail ?? formatKliValue(kli.rule, c.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Said once after the editor saved this KLI; gone when the user moves on. */
function SavedNotice({ id }: { id: string }) {
  const notice = useStore(noticeStore);
  useEffect(() => () => noticeStore.reset(), []);
  if (notice.kli !== id) return null;
  return (
    <p className="notice" role="status" data-testid="kli-saved-notice">
      {notice.text} <a href={href({ screen: 'stage', stage: 'klis' })}>Go to the library</a>
    </p>
  );
}

function Detail({ detail, reload }: { detail: KliDetail; reload: () => void }) {
  const { kli } = detail;
  const readsTransactions = kli.rule.type === 'activity';
  return (
    <>
      <header className="screen-header">
        <h1 data-testid="kli-detail-name">{kli.name}</h1>
        <p className="muted">
          {kli.builtin ? 'Built-in KLI' : 'Custom KLI'} · <code>{kli.id}</code> · points to {productLabel(kli.product)}
        </p>
        {kli.question ? <p className="kli-question">{kli.question}</p> : null}
      </header>
      <SavedNotice id={kli.id} />
      <div className="panels">
        <section className="panel" aria-labelledby="kli-rule-heading">
          <h2 id="kli-rule-heading">Rule</h2>
          <p data-testid="kli-words" className="kli-words">
            {kli.words}
          </p>
          <Figures kli={kli} />
          {kli.builtin ? null : <CustomActions kli={kli} />}
        </section>
        {kli.builtin ? (
          <KliParameters kli={kli} onSaved={reload} />
        ) : (
          <section className="panel" aria-labelledby="kli-trend-heading">
            <h2 id="kli-trend-heading">Customers by month</h2>
            <TrendChart name={kli.name} trend={kli.trend} />
          </section>
        )}
      </div>
      {kli.builtin ? (
        <section className="panel" aria-labelledby="kli-trend-heading">
          <h2 id="kli-trend-heading">Customers by month</h2>
          <TrendChart name={kli.name} trend={kli.trend} />
        </section>
      ) : null}
      {readsTransactions ? (
        <section className="panel" aria-labelledby="kli-sample-heading">
          <h2 id="kli-sample-heading">Recent matching transactions</h2>
          {detail.sample_transactions.length === 0 ? (
            <p className="muted">No matching transactions at the last compute.</p>
          ) : (
            <EvidenceTable
              label={`Transactions matching ${kli.name}`}
              rows={detail.sample_transactions}
              showCategory
              testId="kli-sample-transaction"
            />
          )}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="kli-customers-heading">
        <h2 id="kli-customers-heading">Some customers with it</h2>
        <SampleCustomers detail={detail} />
      </section>
    </>
  );
}

/** One KLI: its question, rule in words, parameters (built-ins) or edit and delete (custom), trend and samples. */
export function KliDetailScreen({ id, dbPath }: { id: string; dbPath: string }) {
  claimKliSession(getApi(), dbPath);
  const detail = useCall('kli:get', { id });
  const back = (
    <a className="back-link" href={href({ screen: 'stage', stage: 'klis' })}>
      ← KLI library
    </a>
  );
  let body;
  if (detail.error && !detail.data) {
    body =
      detail.errorCode === 'not_found' ? (
        <ErrorPanel message={`${detail.error} It may have been deleted, or belong to another database.`} />
      ) : (
        <ErrorPanel message={`The KLI could not be loaded: ${detail.error}`} onRetry={detail.reload} />
      );
  } else if (!detail.data) {
    body = <Loading slow={detail.slow} text="Loading the KLI…" />;
  } else {
    body = <Detail detail={detail.data} reload={detail.reload} />;
  }
  return (
    <div className="screen">
      {back}
      {body}
    </div>
  );
}
