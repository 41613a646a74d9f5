/**
 * Audience rules: the segment-rule AST the rule builder edits, rule files hold and the main
 * process compiles to parameterized SQL (src-main/audience/compile.ts). Zod-free: the screens
 * import it; audience-schema.ts validates.
 *
 * A rule is a group `{"all": [...]}`, `{"any": [...]}` or `{"not": …}` of groups and
 * conditions; a condition is `{"field", "op", "value"}`. A condition about something unknown
 * (no birth date, never mailed) is false, and `not` of it true: rules never have a third value.
 */
import { FAMILY_INFO, PRODUCT_FAMILIES, type ProductFamily } from './domain';

export const RULE_OPS = ['=', '!=', '<', '<=', '>', '>=', 'in', 'between'] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export type RuleScalar = string | number | boolean;
export type RuleValue = RuleScalar | RuleScalar[];

export interface RuleCondition {
  field: string;
  op: RuleOp;
  value: RuleValue;
}

export type RuleNode = RuleCondition | { all: RuleNode[] } | { any: RuleNode[] } | { not: RuleNode };

/**
 * What a field holds. `money` is written in dollars (the database keeps cents); `flag` is true
 * or false; `kli` is true/false (has the KLI) or a number compared with the KLI's value.
 */
export type FieldType = 'number' | 'money' | 'text' | 'date' | 'flag' | 'kli';

export type FieldGroup =
  'Demographics' | 'Products' | 'Balances' | 'KLIs' | 'Scores' | 'Triggers' | 'Contact' | 'Household';

export interface FieldSpec {
  /** The field as rules write it: "age", "has:mortgage", "kli:payroll-dd". */
  field: string;
  label: string;
  type: FieldType;
  group: FieldGroup;
  /** Unit or format shown beside the value. */
  unit?: string;
}

/** The operators each type of field takes. */
export const OPS_BY_TYPE: Record<FieldType, readonly RuleOp[]> = {
  number: ['=', '!=', '<', '<=', '>', '>=', 'in', 'between'],
  money: ['=', '!=', '<', '<=', '>', '>=', 'between'],
  date: ['=', '!=', '<', '<=', '>', '>=', 'between'],
  text: ['=', '!=', 'in', '<', '<=', '>', '>=', 'between'],
  flag: ['=', '!='],
  kli: ['=', '!=', '<', '<=', '>', '>=', 'between'],
};

/** Fields without a parameter. */
export const PLAIN_FIELDS: readonly FieldSpec[] = [
  { field: 'age', label: 'Age', type: 'number', group: 'Demographics', unit: 'years' },
  { field: 'birth_date', label: 'Birth date', type: 'date', group: 'Demographics', unit: 'YYYY-MM-DD' },
  { field: 'gender', label: 'Gender', type: 'text', group: 'Demographics' },
  { field: 'state', label: 'State', type: 'text', group: 'Demographics' },
  { field: 'zip', label: 'ZIP code (5 digits)', type: 'text', group: 'Demographics' },
  { field: 'city', label: 'City', type: 'text', group: 'Demographics' },
  { field: 'branch', label: 'Branch', type: 'text', group: 'Demographics' },
  { field: 'tenure_months', label: 'Months as a customer', type: 'number', group: 'Demographics', unit: 'months' },
  { field: 'products_count', label: 'Open accounts', type: 'number', group: 'Products' },
  { field: 'balance:deposits', label: 'Total deposits', type: 'money', group: 'Balances', unit: '$' },
  { field: 'balance:loans', label: 'Total loans', type: 'money', group: 'Balances', unit: '$' },
  { field: 'mailed_within_days', label: 'Days since last mailed', type: 'number', group: 'Contact', unit: 'days' },
  { field: 'household_size', label: 'People in the household', type: 'number', group: 'Household' },
];

/** Field prefixes taking a parameter after the colon. */
export const FIELD_PREFIXES = ['has', 'has_code', 'balance', 'kli', 'score', 'trigger', 'responded'] as const;
export type FieldPrefix = (typeof FIELD_PREFIXES)[number];

/** The spec of a parametric field, or of a plain one; null when the field is unknown. */
export function fieldSpec(field: string): FieldSpec | null {
  const plain = PLAIN_FIELDS.find((f) => f.field === field);
  if (plain) return plain;
  const colon = field.indexOf(':');
  if (colon <= 0) return null;
  const prefix = field.slice(0, colon);
  const param = field.slice(colon + 1);
  if (!param) return null;
  const family = (PRODUCT_FAMILIES as readonly string[]).includes(param) ? (param as ProductFamily) : null;
  switch (prefix) {
    case 'has':
      return family
        ? { field, label: `Has ${FAMILY_INFO[family].label.toLowerCase()}`, type: 'flag', group: 'Products' }
        : null;
    case 'has_code':
      return { field, label: `Has product ${param}`, type: 'flag', group: 'Products' };
    case 'balance':
      return family
        ? { field, label: `${FAMILY_INFO[family].label} balance`, type: 'money', group: 'Balances', unit: '$' }
        : null;
    case 'kli':
      return { field, label: `KLI ${param}`, type: 'kli', group: 'KLIs' };
    case 'score':
      return family
        ? {
            field,
            label: `Next-product score: ${FAMILY_INFO[family].label.toLowerCase()}`,
            type: 'number',
            group: 'Scores',
            unit: '1–100',
          }
        : null;
    case 'trigger':
      return { field, label: `Trigger ${param}`, type: 'flag', group: 'Triggers' };
    case 'responded':
      return { field, label: `Responded to campaign ${param}`, type: 'flag', group: 'Contact' };
    default:
      return null;
  }
}

export function isCondition(node: RuleNode): node is RuleCondition {
  return 'field' in node;
}

/** One step of the waterfall: eligible, then each suppression, then one letter per household. */
export interface WaterfallStep {
  /** "eligible", a suppression's id, or "household". */
  id: string;
  step: string;
  removed: number;
  remaining: number;
}

/** `audience count`'s answer (and the builder's live count). */
export interface AudienceCount {
  /** Customers left after the suppressions. */
  customers: number;
  /** Their households: the letters one per household makes. */
  households: number;
  waterfall: WaterfallStep[];
}

/** A suppression of the library, as the screens list it. */
export interface SuppressionInfo {
  id: string;
  label: string;
  description: string;
  /** On unless an audience turns it off. */
  default_on: boolean;
}

export const AUDIENCE_STATUSES = ['draft', 'submitted', 'approved', 'retired'] as const;
export type AudienceStatus = (typeof AUDIENCE_STATUSES)[number];

/** A warning of the fair-lending check: a credit offer's audience selecting on a protected basis. */
export interface FairLendingWarning {
  /** Where in the rule ("rule.all[1]"). */
  path: string;
  field: string;
  message: string;
}

export interface AudienceVersion {
  id: number;
  audience_id: number;
  version: number;
  rule: RuleNode;
  /** The product offered (owners are suppressed; credit offers get the fair-lending check). */
  product_code: string | null;
  /** Suppressions turned off for this audience. */
  suppressions_off: string[];
  status: AudienceStatus;
  created_at: string;
  created_by: string;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approval_comment: string | null;
  /** The check's warnings when submitted (empty: none), and who acknowledged them at approval. */
  fair_lending: FairLendingWarning[];
  fair_lending_ack_by: string | null;
  retired_at: string | null;
  retired_by: string | null;
}

export interface AudienceSummary {
  id: number;
  name: string;
  created_at: string;
  created_by: string;
  /** Every version, newest first. */
  versions: AudienceVersion[];
}

/** One node of a rule as it stands for one customer. */
export interface ExplainedNode {
  path: string;
  /** "all", "any", "not", or the condition's field. */
  kind: string;
  holds: boolean;
  /** For conditions: the operator and value written, and the customer's own value (null: unknown). */
  op?: string;
  value?: RuleValue;
  actual?: string | number | boolean | null;
  children?: ExplainedNode[];
}

/** "Explain this customer": why they are, or are not, in the audience's mailing. */
export interface AudienceExplanation {
  audience_id: number | null;
  version: number | null;
  customer_id: number;
  customer_number: string;
  /** The rule holds for them. */
  eligible: boolean;
  rule: ExplainedNode;
  /** Each active suppression and whether it catches them, in waterfall order. */
  suppressions: { id: string; label: string; hits: boolean }[];
  /** The first suppression that removes them (null: none). */
  removed_by: string | null;
  household: { id: number; letter_to: number | null };
  /** They get the letter: eligible, not suppressed, and their household's pick. */
  mailed: boolean;
}

/** What the rule builder offers in this bank: every field (parametric ones expanded), products, suppressions. */
export interface AudienceCatalog {
  fields: FieldSpec[];
  products: { code: string; name: string; family: string; credit: boolean }[];
  suppressions: SuppressionInfo[];
}

/** Who the mailing would reach: a sample, and counts by branch and by product family held. */
export interface AudienceDetails {
  sample: { id: number; customer_number: string; name: string; city: string; state: string; branch: string | null }[];
  by_branch: { branch: string | null; customers: number }[];
  by_family: { family: string; customers: number }[];
}
