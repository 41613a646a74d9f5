import { useState } from 'react';
import type { Offer, PlanView } from '../../src-shared/plan';
import { EconomicsTable } from './economics-table';
import { OfferDialog } from './offer-dialog';
import { channelWords } from './plan-words';
import { TemplateEditor } from './template-editor';

function OffersTable({ view, onEdit }: { view: PlanView; onEdit: (offer: Offer) => void }) {
  const productName = new Map(view.economics.map((p) => [p.code, p.name]));
  const templateName = new Map(view.templates.map((t) => [t.id, t.name]));
  if (view.offers.length === 0) return <p className="empty">No offers yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table offers-table" aria-label="Offers">
        <thead>
          <tr>
            <th scope="col">Offer</th>
            <th scope="col">Product</th>
            <th scope="col">Channels · cost a piece</th>
            <th scope="col">Letter</th>
            <th scope="col">Disclosures printed</th>
            <th scope="col">
              <span className="visually-hidden">Edit</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.offers.map((o) => (
            <tr key={o.id} data-testid="offer-row">
              <td className="wrap">
                <strong>{o.code}</strong> {o.name}
                {o.apy !== null ? <span className="muted"> · {o.apy}% APY</span> : null}
              </td>
              <td className="wrap">{productName.get(o.product_code) ?? o.product_code}</td>
              <td>{channelWords(o.channels)}</td>
              <td>{o.template_id === null ? 'Standard' : (templateName.get(o.template_id) ?? '—')}</td>
              <td className="wrap">
                {o.disclosures.length > 0 ? (
                  <ul className="disclosures">
                    {o.disclosures.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="secondary small-button"
                  aria-label={`Edit ${o.code}`}
                  onClick={() => onEdit(o)}
                >
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Offers (with the notices each prints), letter templates with a preview, and products' economics. */
export function OffersTab({ view, reload }: { view: PlanView; reload: () => void }) {
  const [editing, setEditing] = useState<Offer | 'new' | null>(null);
  return (
    <>
      <section className="panel" aria-labelledby="offers-title">
        <div className="panel-head">
          <h2 id="offers-title">Offers</h2>
          <button type="button" onClick={() => setEditing('new')}>
            New offer
          </button>
        </div>
        <OffersTable view={view} onEdit={setEditing} />
      </section>
      <TemplateEditor view={view} onSaved={reload} />
      <EconomicsTable economics={view.economics} />
      {editing ? (
        <OfferDialog
          offer={editing === 'new' ? null : editing}
          view={view}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
