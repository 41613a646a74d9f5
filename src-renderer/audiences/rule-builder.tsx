import type { FieldSpec } from '../../src-shared/audience';
import { ConditionRow } from './condition-row';
import { addChild, emptyGroup, newCondition, updateNode, type DraftGroup, type DraftNode } from './rule-draft';

interface BuilderProps {
  fields: readonly FieldSpec[];
  specs: ReadonlyMap<string, FieldSpec>;
  problems: ReadonlyMap<string, string>;
  readOnly: boolean;
}

function emptyText(group: DraftGroup): string {
  if (group.join === 'all')
    return group.negated ? 'No conditions: selects no one.' : 'No conditions: selects everyone.';
  return group.negated ? 'No conditions: selects everyone.' : 'No conditions: selects no one.';
}

function GroupBox({
  group,
  name,
  root,
  onRoot,
  ...props
}: BuilderProps & {
  group: DraftGroup;
  /** "" for the whole rule, else its place ("3", "3.2"). */
  name: string;
  root: DraftGroup;
  onRoot: (next: DraftGroup) => void;
}) {
  const { fields, readOnly } = props;
  const suffix = name ? ` of group ${name}` : '';
  const change = (key: string, make: (node: DraftNode) => DraftNode | null) => onRoot(updateNode(root, key, make));
  const first = fields[0];
  const childName = (index: number) => (name ? `${name}.${index + 1}` : String(index + 1));

  return (
    <div
      className={group.negated ? 'rule-group negated' : 'rule-group'}
      role="group"
      aria-label={name ? `Group ${name}` : 'Whole rule'}
      data-testid="rule-group"
    >
      <div className="group-head">
        <select
          aria-label={`Match${suffix}`}
          value={group.join}
          disabled={readOnly}
          onChange={(e) => change(group.key, (n) => ({ ...n, join: e.target.value === 'any' ? 'any' : 'all' }))}
        >
          <option value="all">All of</option>
          <option value="any">Any of</option>
        </select>
        <label className="toggle">
          <input
            type="checkbox"
            checked={group.negated}
            disabled={readOnly}
            aria-label={`Not${suffix}`}
            onChange={(e) => change(group.key, (n) => ({ ...n, negated: e.target.checked }))}
          />{' '}
          Not <span className="muted small">(select those it does not)</span>
        </label>
        {name && !readOnly ? (
          <button
            type="button"
            className="secondary small-button push-right"
            aria-label={`Remove group ${name}`}
            onClick={() => change(group.key, () => null)}
          >
            Remove group
          </button>
        ) : null}
      </div>
      {group.children.length === 0 ? <p className="muted small group-empty">{emptyText(group)}</p> : null}
      <ul className="group-children">
        {group.children.map((child, index) =>
          child.kind === 'condition' ? (
            <ConditionRow
              key={child.key}
              condition={child}
              name={childName(index)}
              fields={fields}
              specs={props.specs}
              problem={props.problems.get(child.key)}
              readOnly={readOnly}
              onChange={(next) => change(child.key, () => next)}
              onRemove={() => change(child.key, () => null)}
            />
          ) : (
            <li key={child.key} className="nested">
              <GroupBox {...props} group={child} name={childName(index)} root={root} onRoot={onRoot} />
            </li>
          ),
        )}
      </ul>
      {readOnly || !first ? null : (
        <div className="group-actions">
          <button
            type="button"
            className="secondary small-button"
            aria-label={`Add condition${name ? ` to group ${name}` : ''}`}
            onClick={() => onRoot(addChild(root, group.key, newCondition(first)))}
          >
            + Condition
          </button>
          <button
            type="button"
            className="secondary small-button"
            aria-label={`Add group${name ? ` to group ${name}` : ''}`}
            onClick={() => onRoot(addChild(root, group.key, { ...emptyGroup('any'), children: [newCondition(first)] }))}
          >
            + Group
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Nested "All of" / "Any of" groups of conditions. Read-only (an approved version) disables
 * every control and drops the add and remove buttons, so nothing on screen does nothing.
 */
export function RuleBuilder({
  root,
  onChange,
  ...props
}: BuilderProps & { root: DraftGroup; onChange: (next: DraftGroup) => void }) {
  return (
    <fieldset className="rule-builder" disabled={props.readOnly}>
      <legend className="visually-hidden">Rule</legend>
      <GroupBox {...props} group={root} name="" root={root} onRoot={onChange} />
    </fieldset>
  );
}
