import { useState } from 'react';
import { FAMILY_INFO, PRODUCT_FAMILIES, TRANSACTION_CODES, type ProductFamily } from '../../src-shared/domain';
import { MERCHANT_CATEGORIES, MERCHANT_CATEGORY_LABELS } from '../../src-shared/merchant-categories';
import { CheckGroup } from './check-group';
import type { Direction, DraftErrors, KliDraft } from './editor-draft';
import { updateDraft } from './editor-store';
import { TextArea } from './text-fields';
import { CODE_LABELS } from './labels';

const FAMILY_LABELS = Object.fromEntries(PRODUCT_FAMILIES.map((f) => [f, FAMILY_INFO[f].label])) as Record<
  ProductFamily,
  string
>;

const DIRECTIONS: { id: Direction; label: string }[] = [
  { id: 'debit', label: 'Money out (debits)' },
  { id: 'credit', label: 'Money in (credits)' },
  { id: 'any', label: 'Either' },
];

/** Which transactions count: categories, merchant or payee patterns, direction, and the finer conditions. */
export function MatchFields({ draft, errors }: { draft: KliDraft; errors: DraftErrors }) {
  const finer =
    draft.mccs.trim() !== '' ||
    draft.codes.length > 0 ||
    draft.accountFamilies.length > 0 ||
    draft.excludeMerchants.trim() !== '' ||
    draft.counterpartyElsewhere;
  // Open when the draft already uses them, and whenever one of them has a problem to show.
  const [open, setOpen] = useState(finer);
  const problem = Boolean(errors.mccs ?? errors.codes ?? errors.excludeMerchants);
  return (
    <section className="panel editor-match" aria-labelledby="kli-match-heading">
      <h2 id="kli-match-heading">Which transactions count</h2>
      <p className="muted small">Every condition filled in must hold; an empty one matches all.</p>
      {errors.match ? (
        <p className="field-error" role="alert" data-testid="match-error">
          {errors.match}
        </p>
      ) : null}
      <CheckGroup
        legend="Categories"
        options={MERCHANT_CATEGORIES}
        labels={MERCHANT_CATEGORY_LABELS}
        value={draft.categories}
        onChange={(categories) => updateDraft({ categories })}
        error={errors.categories}
        testId="kli-categories"
      />
      <TextArea
        label="Merchant or payee patterns"
        hint="Comma-separated or one per line; * stands for any text (NETFLIX, Rocket*, *mortgage*). Case does not matter."
        value={draft.merchants}
        rows={3}
        error={errors.merchants}
        onChange={(merchants) => updateDraft({ merchants })}
      />
      <fieldset className="radio-row">
        <legend>Direction</legend>
        {DIRECTIONS.map((d) => (
          <label key={d.id} className="check-option">
            <input
              type="radio"
              name="kli-direction"
              value={d.id}
              checked={draft.direction === d.id}
              onChange={() => updateDraft({ direction: d.id })}
            />
            {d.label}
          </label>
        ))}
      </fieldset>
      <details className="more-conditions" open={open || problem} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>More conditions: MCCs, transaction codes, accounts, exclusions</summary>
        <TextArea
          label="Merchant category codes (MCCs)"
          hint="Four digits each, comma-separated (5814, 7832)."
          value={draft.mccs}
          rows={1}
          error={errors.mccs}
          onChange={(mccs) => updateDraft({ mccs })}
        />
        <CheckGroup
          legend="Transaction codes"
          options={TRANSACTION_CODES}
          labels={CODE_LABELS}
          value={draft.codes}
          onChange={(codes) => updateDraft({ codes })}
          error={errors.codes}
          columns={4}
        />
        <CheckGroup
          legend="Only on accounts of these products"
          options={PRODUCT_FAMILIES}
          labels={FAMILY_LABELS}
          value={draft.accountFamilies}
          onChange={(accountFamilies) => updateDraft({ accountFamilies })}
          columns={4}
        />
        <TextArea
          label="Leave out merchants or payees matching"
          hint="Comma-separated or one per line."
          value={draft.excludeMerchants}
          rows={2}
          error={errors.excludeMerchants}
          onChange={(excludeMerchants) => updateDraft({ excludeMerchants })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={draft.counterpartyElsewhere}
            onChange={(e) => updateDraft({ counterpartyElsewhere: e.target.checked })}
          />
          Only payments to or from another institution
        </label>
      </details>
    </section>
  );
}
