import type { TriggerRule } from '../../src-shared/kli';
import { errorText } from '../klis/session';
import { call } from '../lib/api';
import { formatCount } from '../lib/format';
import { useStore } from '../lib/store';
import type { CallState } from '../lib/use-call';
import { TriggerEditor } from './trigger-editor';
import { actionWords, conditionWords, ruleProblems, TRIGGER_TYPE_LABELS } from './trigger-words';
import { newRow, rowsOf, triggersStore, type RuleRow } from './triggers-store';

const blankRule = (): TriggerRule => ({
  id: '',
  name: '',
  type: 'large-deposit',
  threshold_cents: 10_000_00,
  action: { type: 'offer', product: 'money_market' },
  enabled: true,
});

function RuleLine({
  row,
  problems,
  editing,
  onToggle,
  onEdit,
  onRemove,
}: {
  row: RuleRow;
  problems: string[];
  editing: boolean;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { rule } = row;
  const name = rule.name.trim() === '' ? 'New trigger' : rule.name;
  return (
    <tr data-testid="trigger-rule" className={rule.enabled ? '' : 'inactive'}>
      <td>
        <label className="toggle">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onToggle(e.target.checked)} />
          <span className="visually-hidden">Enabled: {name}</span>
        </label>
      </td>
      <th scope="row" className="wrap">
        {name}
        {problems.length > 0 ? <span className="field-error small"> · needs attention</span> : null}
      </th>
      <td className="wrap">{TRIGGER_TYPE_LABELS[rule.type]}</td>
      <td className="wrap">{conditionWords(rule)}</td>
      <td className="wrap">{actionWords(rule)}</td>
      <td>
        <div className="row-actions">
          <button type="button" className="secondary small-button" onClick={onEdit} aria-expanded={editing}>
            Edit<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="secondary small-button" onClick={onRemove}>
            Remove<span className="visually-hidden"> {name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The trigger rules: switched on and off, edited, added and removed here, saved as one list. */
export function TriggerRules({
  saved,
  onRan,
}: {
  saved: CallState<TriggerRule[]> & { data: TriggerRule[] };
  onRan: (hits: number) => void;
}) {
  const state = useStore(triggersStore);
  const { busy, message, error } = state;
  const rows = state.rows ?? rowsOf(saved.data);
  const dirty = state.rows !== null;
  const rules = rows.map((r) => r.rule);
  const problems = new Map(rows.map((r) => [r.key, ruleProblems(r.rule, rules)]));
  const blocked = [...problems.values()].some((p) => p.length > 0);

  const update = (next: RuleRow[], editing = state.editing) =>
    triggersStore.set({ rows: next, editing, message: null });
  const change = (key: number, rule: TriggerRule) => update(rows.map((r) => (r.key === key ? { ...r, rule } : r)));

  const save = async () => {
    triggersStore.set({ busy: 'save', message: null, error: null });
    try {
      const result = await call('triggers:save', { rules });
      triggersStore.set({
        rows: null,
        editing: null,
        busy: null,
        message: `Saved ${formatCount(result.length, 'trigger')}.`,
      });
      saved.reload();
    } catch (e) {
      triggersStore.set({ busy: null, error: `The triggers could not be saved: ${errorText(e)}` });
    }
  };
  const run = async () => {
    triggersStore.set({ busy: 'run', message: null, error: null });
    try {
      const page = await call('triggers:run', {});
      triggersStore.set({
        busy: null,
        message: `Evaluated on the snapshots as of ${page.as_of ?? '—'}: ${formatCount(page.total, 'hit')}.`,
      });
      onRan(page.total);
    } catch (e) {
      triggersStore.set({ busy: null, error: `The triggers could not be run: ${errorText(e)}` });
    }
  };
  const discard = () => triggersStore.set({ rows: null, editing: null, message: null });

  const editingRow = rows.find((r) => r.key === state.editing);
  return (
    <section className="panel" aria-labelledby="trigger-rules-heading">
      <h2 id="trigger-rules-heading">Rules</h2>
      <p className="muted small">
        Each import of a new monthly snapshot evaluates the enabled triggers; Run now evaluates them on the latest
        snapshots.
      </p>
      {rows.length === 0 ? (
        <p>No triggers yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Trigger rules">
            <thead>
              <tr>
                <th scope="col">On</th>
                <th scope="col">Trigger</th>
                <th scope="col">Watches for</th>
                <th scope="col">Condition</th>
                <th scope="col">Action</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <RuleLine
                  key={row.key}
                  row={row}
                  problems={problems.get(row.key) ?? []}
                  editing={state.editing === row.key}
                  onToggle={(enabled) => change(row.key, { ...row.rule, enabled })}
                  onEdit={() => update(rows, state.editing === row.key ? null : row.key)}
                  onRemove={() =>
                    update(
                      rows.filter((r) => r.key !== row.key),
                      state.editing === row.key ? null : state.editing,
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editingRow ? (
        <TriggerEditor
          key={editingRow.key}
          rule={editingRow.rule}
          isNew={editingRow.isNew}
          problems={problems.get(editingRow.key) ?? []}
          onChange={(rule) => change(editingRow.key, rule)}
          onClose={() => update(rows, null)}
        />
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const row = newRow(blankRule());
            update([...rows, row], row.key);
          }}
          disabled={busy !== null}
        >
          Add a trigger
        </button>
        <button type="button" onClick={() => void save()} disabled={busy !== null || !dirty || blocked}>
          {busy === 'save' ? 'Saving…' : 'Save triggers'}
        </button>
        {dirty ? (
          <button type="button" className="secondary" onClick={discard} disabled={busy !== null}>
            Discard changes
          </button>
        ) : null}
        <button type="button" onClick={() => void run()} disabled={busy !== null || dirty}>
          {busy === 'run' ? 'Running…' : 'Run now'}
        </button>
        {dirty ? <span className="muted">Unsaved changes: save them before running.</span> : null}
        {blocked ? <span className="field-error">A trigger needs attention before the list can be saved.</span> : null}
      </div>
      {message ? <p role="status">{message}</p> : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
