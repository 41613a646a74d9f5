import { useId } from 'react';
import { FAMILY_INFO, PRODUCT_FAMILIES, type ProductFamily } from '../../src-shared/domain';
import { TRIGGER_TYPES, type TriggerRule, type TriggerType } from '../../src-shared/kli';
import { CheckGroup } from '../klis/check-group';
import { plainSlug } from '../klis/editor-draft';
import { MoneyInput, NumberInput } from '../klis/number-fields';
import { SelectField, TextInput } from '../klis/text-fields';
import { conditionWords, isBalanceType, isLargeType, TRIGGER_TYPE_LABELS } from './trigger-words';

const FAMILY_LABELS = Object.fromEntries(PRODUCT_FAMILIES.map((f) => [f, FAMILY_INFO[f].label])) as Record<
  ProductFamily,
  string
>;

/** The rule with only the fields its type reads (a type change drops the others). */
function withType(rule: TriggerRule, type: TriggerType): TriggerRule {
  const { direction: _d, threshold_cents, percent_of_balance: _p, months: _m, families, ...rest } = rule;
  if (isBalanceType(type))
    return {
      ...rest,
      type,
      direction: rule.direction ?? 'above',
      ...(threshold_cents !== undefined ? { threshold_cents } : {}),
      months: rule.months ?? 1,
      ...(families ? { families } : {}),
    };
  if (isLargeType(type))
    return {
      ...rest,
      type,
      ...(threshold_cents !== undefined ? { threshold_cents } : {}),
      ...(rule.percent_of_balance !== undefined ? { percent_of_balance: rule.percent_of_balance } : {}),
      ...(families ? { families } : {}),
    };
  return { ...rest, type };
}

/** Sets or removes an optional field. */
function setOptional<K extends 'threshold_cents' | 'percent_of_balance' | 'months'>(
  rule: TriggerRule,
  key: K,
  value: number | null,
): TriggerRule {
  const next = { ...rule };
  if (value === null) delete next[key];
  else next[key] = value;
  return next;
}

/** One trigger: what it watches, its numbers, and what a hit leads to. Changes apply to the list as typed. */
export function TriggerEditor({
  rule,
  isNew,
  problems,
  onChange,
  onClose,
}: {
  rule: TriggerRule;
  isNew: boolean;
  problems: string[];
  onChange: (rule: TriggerRule) => void;
  onClose: () => void;
}) {
  const actionName = useId();
  const balance = isBalanceType(rule.type);
  const large = isLargeType(rule.type);
  const idFollowsName = isNew && (rule.id === '' || rule.id === plainSlug(rule.name));
  return (
    <section className="panel trigger-editor" aria-labelledby="trigger-editor-heading" data-testid="trigger-editor">
      <h3 id="trigger-editor-heading">{rule.name.trim() === '' ? 'New trigger' : rule.name}</h3>
      <div className="trigger-grid">
        <TextInput
          label="Name"
          value={rule.name}
          testId="trigger-name"
          onChange={(name) => onChange(idFollowsName ? { ...rule, name, id: plainSlug(name) } : { ...rule, name })}
        />
        {isNew ? (
          <TextInput label="Id" value={rule.id} onChange={(id) => onChange({ ...rule, id })} />
        ) : (
          <div className="field">
            <span>Id</span>
            <code>{rule.id}</code>
          </div>
        )}
        <SelectField
          label="Watches for"
          value={rule.type}
          onChange={(type) => onChange(withType(rule, type as TriggerType))}
        >
          {TRIGGER_TYPES.map((t) => (
            <option key={t} value={t}>
              {TRIGGER_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
      </div>
      {/* Keyed by type: the boxes start afresh when a type change drops their values. */}
      <div className="trigger-grid" key={rule.type}>
        {balance ? (
          <>
            <SelectField
              label="Direction"
              value={rule.direction ?? 'above'}
              onChange={(direction) => onChange({ ...rule, direction: direction === 'below' ? 'below' : 'above' })}
            >
              <option value="above">Rises above</option>
              <option value="below">Falls below</option>
            </SelectField>
            <MoneyInput
              label="Threshold"
              cents={rule.threshold_cents ?? null}
              testId="trigger-threshold"
              onChange={(n) => onChange(setOptional(rule, 'threshold_cents', n))}
            />
            <NumberInput
              label="Consecutive monthly snapshots"
              unit="months"
              value={rule.months ?? 1}
              min={1}
              max={24}
              onChange={(n) => onChange(setOptional(rule, 'months', n))}
            />
          </>
        ) : null}
        {large ? (
          <>
            <MoneyInput
              label="Over an amount"
              hint="Leave empty to use only the percent."
              optional
              cents={rule.threshold_cents ?? null}
              testId="trigger-threshold"
              onChange={(n) => onChange(setOptional(rule, 'threshold_cents', n))}
            />
            <NumberInput
              label="Over a percent of the balance"
              unit="%"
              hint="Leave empty to use only the amount."
              optional
              integer={false}
              value={rule.percent_of_balance ?? null}
              min={0}
              max={10_000}
              onChange={(n) => onChange(setOptional(rule, 'percent_of_balance', n))}
            />
          </>
        ) : null}
      </div>
      {balance || large ? (
        <CheckGroup
          legend="Only accounts of these products (none chosen: checking, savings and money market)"
          options={PRODUCT_FAMILIES}
          labels={FAMILY_LABELS}
          value={(rule.families ?? []) as ProductFamily[]}
          onChange={(families) => {
            const { families: _f, ...rest } = rule;
            onChange(families.length > 0 ? { ...rest, families } : rest);
          }}
          columns={4}
        />
      ) : null}
      <fieldset className="radio-row">
        <legend>A hit leads to</legend>
        <label className="check-option">
          <input
            type="radio"
            name={actionName}
            checked={rule.action.type === 'offer'}
            onChange={() => onChange({ ...rule, action: { type: 'offer', product: 'savings' } })}
          />
          An offer in next month’s list
        </label>
        {rule.action.type === 'offer' ? (
          <select
            aria-label="Product to offer"
            value={rule.action.product}
            onChange={(e) => onChange({ ...rule, action: { type: 'offer', product: e.target.value as ProductFamily } })}
          >
            {PRODUCT_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {FAMILY_INFO[f].label}
              </option>
            ))}
          </select>
        ) : null}
        <label className="check-option">
          <input
            type="radio"
            name={actionName}
            checked={rule.action.type === 'call-list'}
            onChange={() => onChange({ ...rule, action: { type: 'call-list' } })}
          />
          The relationship managers’ call list
        </label>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={rule.enabled}
          onChange={(e) => onChange({ ...rule, enabled: e.target.checked })}
        />
        Enabled
      </label>
      <p className="muted" data-testid="trigger-words">
        {conditionWords(rule)}.
      </p>
      {problems.length > 0 ? (
        <p className="field-error" data-testid="trigger-problems">
          {problems.join(' ')}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </section>
  );
}
