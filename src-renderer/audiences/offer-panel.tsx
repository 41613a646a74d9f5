import type { AudienceCatalog } from '../../src-shared/audience';

/** The product offered (owners are left out; credit offers get the fair-lending check) and the suppressions. */
export function OfferPanel({
  catalog,
  productCode,
  suppressionsOff,
  readOnly,
  onProduct,
  onSuppressionsOff,
}: {
  catalog: AudienceCatalog;
  productCode: string;
  suppressionsOff: string[];
  readOnly: boolean;
  onProduct: (code: string) => void;
  onSuppressionsOff: (off: string[]) => void;
}) {
  const product = catalog.products.find((p) => p.code === productCode);
  const toggle = (id: string, on: boolean) =>
    onSuppressionsOff(on ? suppressionsOff.filter((s) => s !== id) : [...suppressionsOff, id]);
  return (
    <fieldset className="panel offer-panel" disabled={readOnly}>
      <legend className="visually-hidden">Offer and suppressions</legend>
      <h2>Offer and suppressions</h2>
      <div className="field">
        <label htmlFor="audience-product">
          <span>Product offered</span>
        </label>
        <select
          id="audience-product"
          value={productCode}
          disabled={readOnly}
          onChange={(e) => onProduct(e.target.value)}
        >
          <option value="">None (no product named)</option>
          {catalog.products.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name} ({p.code})
            </option>
          ))}
        </select>
        <span className="muted small">
          {product
            ? `Customers who already hold ${product.code} are left out.${product.credit ? ' A credit offer: submitting it runs the fair-lending check.' : ''}`
            : 'Optional. Naming it leaves out those who already own it.'}
        </span>
      </div>
      <ul className="suppression-list">
        {catalog.suppressions.map((s) => {
          const on = !suppressionsOff.includes(s.id);
          return (
            <li key={s.id} className="suppression">
              <label className="check-option">
                <input
                  type="checkbox"
                  role="switch"
                  checked={on}
                  disabled={readOnly}
                  aria-describedby={`suppression-${s.id}`}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                <span className="suppression-label">{s.label}</span>
              </label>
              <span className="muted small" id={`suppression-${s.id}`}>
                {s.description}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
