import { useState } from 'react';
import type { AudienceExplanation, ExplainedNode, FieldSpec, RuleOp, RuleValue } from '../../src-shared/audience';
import { call } from '../lib/api';
import { href } from '../lib/router';
import { opWords } from './condition-row';
import type { AudienceQuery } from './use-live-counts';

const GROUP_WORDS: Record<string, string> = { all: 'All of', any: 'Any of', not: 'Not' };

function valueText(value: RuleValue | undefined, spec: FieldSpec | undefined, op?: RuleOp): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => valueText(v, spec)).join(op === 'between' ? ' and ' : ', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return spec?.type === 'money' ? `$${value.toLocaleString('en-US')}` : String(value);
}

function actualText(actual: ExplainedNode['actual'], spec: FieldSpec | undefined): string {
  if (actual === null || actual === undefined) return 'unknown';
  if (typeof actual === 'boolean') return actual ? 'yes' : 'no';
  return spec?.type === 'money' && typeof actual === 'number' ? `$${actual.toLocaleString('en-US')}` : String(actual);
}

function NodeLine({ node, specs }: { node: ExplainedNode; specs: ReadonlyMap<string, FieldSpec> }) {
  const mark = (
    <span className={node.holds ? 'holds' : 'fails'} aria-hidden="true">
      {node.holds ? '✓' : '✗'}
    </span>
  );
  const verdict = <span className="visually-hidden">{node.holds ? 'holds: ' : 'fails: '}</span>;
  if (node.children) {
    return (
      <li data-testid="explain-node" data-holds={node.holds}>
        {mark} {verdict}
        <strong>{GROUP_WORDS[node.kind] ?? node.kind}</strong>
        <ul>
          {node.children.map((child) => (
            <NodeLine key={child.path} node={child} specs={specs} />
          ))}
        </ul>
      </li>
    );
  }
  const spec = specs.get(node.kind);
  const op = node.op as RuleOp | undefined;
  return (
    <li data-testid="explain-node" data-holds={node.holds}>
      {mark} {verdict}
      {spec?.label ?? node.kind} {op ? opWords(op, spec?.type) : ''} {valueText(node.value, spec, op)}{' '}
      <span className="muted">(their value: {actualText(node.actual, spec)})</span>
    </li>
  );
}

function Verdict({ explanation }: { explanation: AudienceExplanation }) {
  const removedBy = explanation.suppressions.find((s) => s.id === explanation.removed_by);
  if (!explanation.eligible) return <>The rule does not select them: no letter.</>;
  if (removedBy) return <>The rule selects them, but “{removedBy.label}” removes them: no letter.</>;
  if (explanation.mailed) return <>They get the letter for their household.</>;
  const other = explanation.household.letter_to;
  return (
    <>
      Selected and not suppressed, but their household’s letter goes to{' '}
      {other === null ? 'no one' : <a href={href({ screen: 'customer', id: other })}>another member</a>}.
    </>
  );
}

/** Why one customer is, or is not, in the mailing of the rule being edited. */
export function ExplainPanel({ query, specs }: { query: AudienceQuery | null; specs: ReadonlyMap<string, FieldSpec> }) {
  const [customer, setCustomer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [explanation, setExplanation] = useState<AudienceExplanation | null>(null);

  const explain = async () => {
    if (!query || !customer.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setExplanation(await call('audience:explain', { ...query, customer: customer.trim() }));
    } catch (reason) {
      setExplanation(null);
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel explain-panel" aria-labelledby="audience-explain-heading">
      <h2 id="audience-explain-heading">Explain a customer</h2>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void explain();
        }}
      >
        <div className="field">
          <label htmlFor="explain-customer">
            <span>Customer number</span>
          </label>
          <input id="explain-customer" type="text" value={customer} onChange={(e) => setCustomer(e.target.value)} />
        </div>
        <button type="submit" disabled={busy || !query || customer.trim() === ''}>
          {busy ? 'Explaining…' : 'Explain'}
        </button>
        {!query ? <span className="muted small">Finish the rule first.</span> : null}
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {explanation ? (
        <div data-testid="explanation">
          <p className={explanation.mailed ? 'success' : 'notice'} data-testid="explain-verdict">
            <strong>{explanation.customer_number}:</strong> <Verdict explanation={explanation} />
          </p>
          <div className="explain-grid">
            <div>
              <h3>The rule</h3>
              <ul className="explain-tree">
                <NodeLine node={explanation.rule} specs={specs} />
              </ul>
            </div>
            <div>
              <h3>Suppressions</h3>
              <table className="data-table compact" aria-label="Suppressions for this customer">
                <tbody>
                  {explanation.suppressions.map((s) => (
                    <tr key={s.id} className={s.hits ? undefined : 'inactive'}>
                      <th scope="row" className="wrap">
                        {s.label}
                      </th>
                      <td>
                        {s.id === explanation.removed_by ? <strong>Removes them</strong> : s.hits ? 'Applies' : 'No'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
}
