import { useState } from 'react';
import type { CustomerKli } from '../../src-shared/kli';
import { EvidenceTable } from '../klis/evidence-table';
import { productLabel } from '../klis/labels';
import { formatCount } from '../lib/format';
import { href } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import '../klis/klis.css';

function KliRow({ kli }: { kli: CustomerKli }) {
  const [open, setOpen] = useState(false);
  const evidenceId = `kli-evidence-${kli.id}`;
  return (
    <>
      <tr data-testid="profile-kli">
        <th scope="row" className="wrap">
          <a href={href({ screen: 'kli', id: kli.id })}>{kli.name}</a>
        </th>
        <td className="wrap">{productLabel(kli.product)}</td>
        <td className="wrap" data-testid="profile-kli-value">
          {kli.value_text}
          {kli.via_customer ? <span className="muted"> · via {kli.via_customer}</span> : null}
        </td>
        <td className="num">
          {kli.evidence.length > 0 ? (
            <button
              type="button"
              className="secondary small-button"
              aria-expanded={open}
              aria-controls={evidenceId}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide' : 'Show'} {formatCount(kli.evidence.length, 'transaction')}
              <span className="visually-hidden"> behind {kli.name}</span>
            </button>
          ) : (
            <span className="muted">
              —<span className="visually-hidden">no single transactions: read from balances or monthly totals</span>
            </span>
          )}
        </td>
      </tr>
      {open ? (
        <tr id={evidenceId} className="evidence-row">
          <td colSpan={4}>
            <EvidenceTable label={`Why ${kli.name}`} rows={kli.evidence} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The customer's KLIs at the last compute, their own or a household member's, each with why. */
export function ProfileKlis({ customerId }: { customerId: number }) {
  const klis = useCall('kli:customer', { customer_id: customerId });
  let body;
  if (klis.error && !klis.data) {
    body = <ErrorPanel message={`The KLIs could not be loaded: ${klis.error}`} onRetry={klis.reload} />;
  } else if (!klis.data) {
    body = <Loading slow={klis.slow} text="Loading the KLIs…" />;
  } else if (klis.data.length === 0) {
    body = (
      <p className="muted">
        No KLI at the last compute. (KLIs are computed in the{' '}
        <a href={href({ screen: 'stage', stage: 'klis' })}>KLI library</a>.)
      </p>
    );
  } else {
    body = (
      <div className="table-scroll">
        <table className="data-table profile-klis" aria-label="KLIs of this customer">
          <thead>
            <tr>
              <th scope="col">KLI</th>
              <th scope="col">Product</th>
              <th scope="col">Value</th>
              <th scope="col" className="num">
                Evidence
              </th>
            </tr>
          </thead>
          <tbody>
            {klis.data.map((kli) => (
              <KliRow key={kli.id} kli={kli} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <section className="panel" aria-labelledby="klis-heading">
      <h2 id="klis-heading">KLIs{klis.data ? ` (${klis.data.length})` : ''}</h2>
      {body}
    </section>
  );
}
