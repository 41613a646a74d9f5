import { useState } from 'react';
import type { ProductEconomics } from '../../src-shared/plan';
import { call } from '../lib/api';
import { errorText } from './plan-words';

type Figure = 'average_balance' | 'spread_percent' | 'annual_fee' | 'life_months' | 'acquisition_cost';

const FIGURES: { key: Figure; label: string }[] = [
  { key: 'average_balance', label: 'Average balance ($)' },
  { key: 'spread_percent', label: 'Spread (%)' },
  { key: 'annual_fee', label: 'Annual fee ($)' },
  { key: 'life_months', label: 'Life (months)' },
  { key: 'acquisition_cost', label: 'Cost to open ($)' },
];

const figureTexts = (p: ProductEconomics) =>
  Object.fromEntries(FIGURES.map((f) => [f.key, String(p[f.key])])) as Record<Figure, string>;

function EconomicsRow({ product }: { product: ProductEconomics }) {
  const [saved, setSaved] = useState(() => figureTexts(product));
  const [values, setValues] = useState(saved);
  const [state, setState] = useState<{ busy: boolean; error: string | null; saved: boolean }>({
    busy: false,
    error: null,
    saved: false,
  });
  const changed = FIGURES.some((f) => values[f.key] !== saved[f.key]);

  const save = async () => {
    setState({ busy: true, error: null, saved: false });
    const figure = (key: Figure) => {
      const text = values[key].replace(/[$,%\s]/g, '');
      return text === '' ? Number.NaN : Number(text);
    };
    try {
      const answer = await call('economics:set', {
        code: product.code,
        average_balance: figure('average_balance'),
        spread_percent: figure('spread_percent'),
        annual_fee: figure('annual_fee'),
        life_months: figure('life_months'),
        acquisition_cost: figure('acquisition_cost'),
      });
      const texts = figureTexts(answer);
      setSaved(texts);
      setValues(texts);
      setState({ busy: false, error: null, saved: true });
    } catch (e) {
      setState({ busy: false, error: errorText(e), saved: false });
    }
  };

  return (
    <tr>
      <th scope="row" className="wrap">
        {product.name} <span className="muted">{product.code}</span>
      </th>
      {FIGURES.map((f) => (
        <td key={f.key}>
          <input
            type="text"
            inputMode="decimal"
            className="economics-input"
            aria-label={`${product.name}: ${f.label}`}
            value={values[f.key]}
            onChange={(e) => {
              const next = e.target.value;
              setValues((v) => ({ ...v, [f.key]: next }));
              setState((s) => ({ ...s, saved: false }));
            }}
          />
        </td>
      ))}
      <td>
        <button
          type="button"
          className="secondary small-button"
          aria-label={`Save ${product.name}`}
          disabled={state.busy}
          onClick={() => void save()}
        >
          Save
        </button>
        {state.error ? (
          <span className="field-error" role="alert">
            {' '}
            {state.error}
          </span>
        ) : state.saved && !changed ? (
          <span className="success" role="status">
            {' '}
            Saved
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** What a new account of each product is worth: the projections' and ROMI's inputs, editable. */
export function EconomicsTable({ economics }: { economics: ProductEconomics[] }) {
  return (
    <section className="panel" aria-labelledby="economics-title">
      <h2 id="economics-title">Product economics</h2>
      <p className="muted">
        What one new account is worth: its average balance at the spread, plus its fee, over its life, less what opening
        it costs. The projections&rsquo; return uses these.
      </p>
      <div className="table-scroll">
        <table className="data-table compact economics-table" aria-label="Product economics">
          <thead>
            <tr>
              <th scope="col">Product</th>
              {FIGURES.map((f) => (
                <th key={f.key} scope="col">
                  {f.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Save</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {economics.map((p) => (
              <EconomicsRow key={p.code} product={p} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
