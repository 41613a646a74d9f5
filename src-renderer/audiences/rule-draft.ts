/**
 * The rule as the builder edits it: groups and conditions with stable keys, values kept as the
 * text typed (so "25,0" can sit in a box while it is wrong), turned into a RuleNode only when
 * every condition reads. Pure: the component tests and the screen share it.
 */
import {
  isCondition,
  OPS_BY_TYPE,
  type FieldSpec,
  type FieldType,
  type RuleNode,
  type RuleOp,
  type RuleScalar,
  type RuleValue,
} from '../../src-shared/audience';

export interface DraftCondition {
  kind: 'condition';
  key: string;
  field: string;
  op: RuleOp;
  /** One text per box: two for `between`, one otherwise (`in` lists are comma-separated). */
  values: string[];
}

export interface DraftGroup {
  kind: 'group';
  key: string;
  join: 'all' | 'any';
  /** "Not": the group selects whom its inside does not. */
  negated: boolean;
  children: DraftNode[];
}

export type DraftNode = DraftCondition | DraftGroup;

let lastKey = 0;
const nextKey = () => `n${++lastKey}`;

export function emptyGroup(join: 'all' | 'any' = 'all'): DraftGroup {
  return { kind: 'group', key: nextKey(), join, negated: false, children: [] };
}

/** The ops a field takes; a kli compared with = or != is "has it" (true/false), else its value. */
export function opsFor(spec: FieldSpec | undefined): readonly RuleOp[] {
  return OPS_BY_TYPE[spec?.type ?? 'number'];
}

/** Whether a condition's value is yes/no rather than typed. */
export function isYesNo(type: FieldType | undefined, op: RuleOp): boolean {
  return type === 'flag' || (type === 'kli' && (op === '=' || op === '!='));
}

function defaultValues(type: FieldType | undefined, op: RuleOp): string[] {
  if (isYesNo(type, op)) return ['true'];
  return op === 'between' ? ['', ''] : [''];
}

export function newCondition(spec: FieldSpec): DraftCondition {
  const op = opsFor(spec)[0] ?? '=';
  return { kind: 'condition', key: nextKey(), field: spec.field, op, values: defaultValues(spec.type, op) };
}

/** A new field keeps the operator when it takes it, and the values when the kind of value stays. */
export function withField(condition: DraftCondition, spec: FieldSpec, previous: FieldSpec | undefined): DraftCondition {
  const ops = opsFor(spec);
  const op = ops.includes(condition.op) ? condition.op : (ops[0] ?? '=');
  const sameKind = previous?.type === spec.type && isYesNo(previous.type, condition.op) === isYesNo(spec.type, op);
  return { ...condition, field: spec.field, op, values: sameKind ? condition.values : defaultValues(spec.type, op) };
}

export function withOp(condition: DraftCondition, op: RuleOp, spec: FieldSpec | undefined): DraftCondition {
  const type = spec?.type;
  if (isYesNo(type, op) !== isYesNo(type, condition.op)) return { ...condition, op, values: defaultValues(type, op) };
  const first = condition.values[0] ?? '';
  const values = op === 'between' ? [first, condition.values[1] ?? ''] : [first];
  return { ...condition, op, values };
}

// Reading values ------------------------------------------------------------------------------

const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One typed value as the rule holds it, or the reason it cannot be read. */
function readScalar(text: string, type: FieldType): RuleScalar | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'Enter a value.' };
  switch (type) {
    case 'number':
    case 'kli': {
      const cleaned = trimmed.replace(/,/g, '');
      return NUMBER.test(cleaned) ? Number(cleaned) : { problem: `“${trimmed}” is not a number.` };
    }
    case 'money': {
      const cleaned = trimmed.replace(/[$,\s]/g, '');
      return NUMBER.test(cleaned) ? Number(cleaned) : { problem: `“${trimmed}” is not an amount in dollars.` };
    }
    case 'date':
      return DATE.test(trimmed) ? trimmed : { problem: 'Enter a date as YYYY-MM-DD.' };
    case 'text':
      return trimmed;
    case 'flag':
      return trimmed === 'true';
  }
}

export type ReadResult = { ok: true; rule: RuleNode } | { ok: false; problems: Map<string, string> };

function readCondition(condition: DraftCondition, spec: FieldSpec | undefined): RuleNode | string {
  if (!spec) return 'Choose a field.';
  if (isYesNo(spec.type, condition.op))
    return { field: spec.field, op: condition.op, value: condition.values[0] === 'true' };
  if (condition.op === 'in') {
    const parts = (condition.values[0] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return 'Enter one or more values, separated by commas.';
    const read = parts.map((p) => readScalar(p, spec.type));
    const bad = read.find((r) => typeof r === 'object');
    if (bad) return bad.problem;
    return { field: spec.field, op: 'in', value: read as RuleScalar[] };
  }
  if (condition.op === 'between') {
    const low = readScalar(condition.values[0] ?? '', spec.type);
    const high = readScalar(condition.values[1] ?? '', spec.type);
    if (typeof low === 'object') return `From: ${low.problem}`;
    if (typeof high === 'object') return `To: ${high.problem}`;
    return { field: spec.field, op: 'between', value: [low, high] };
  }
  const value = readScalar(condition.values[0] ?? '', spec.type);
  return typeof value === 'object' ? value.problem : { field: spec.field, op: condition.op, value };
}

/**
 * The RuleNode the draft stands for. A "Not" group of one child is `{not: child}`; otherwise
 * `{not: {all|any: [...]}}`. Problems are keyed by the condition's key.
 */
export function readDraft(root: DraftGroup, specs: ReadonlyMap<string, FieldSpec>): ReadResult {
  const problems = new Map<string, string>();
  const walk = (node: DraftNode): RuleNode | null => {
    if (node.kind === 'condition') {
      const read = readCondition(node, specs.get(node.field));
      if (typeof read === 'string') {
        problems.set(node.key, read);
        return null;
      }
      return read;
    }
    const children = node.children.map(walk).filter((c): c is RuleNode => c !== null);
    const inner: RuleNode = node.join === 'all' ? { all: children } : { any: children };
    if (!node.negated) return inner;
    const only = children[0];
    return node.join === 'all' && children.length === 1 && only ? { not: only } : { not: inner };
  };
  const rule = walk(root);
  return problems.size === 0 && rule ? { ok: true, rule } : { ok: false, problems };
}

// From a saved rule -------------------------------------------------------------------------------

function valueTexts(value: RuleValue, op: RuleOp): string[] {
  if (Array.isArray(value)) {
    const items = value.map(String);
    return op === 'between' ? [items[0] ?? '', items[1] ?? ''] : [items.join(', ')];
  }
  return [String(value)];
}

/** The draft of a saved rule; the root is always a group. */
export function draftOf(rule: RuleNode): DraftGroup {
  const node = toDraft(rule);
  if (node.kind === 'group') return node;
  return { ...emptyGroup(), children: [node] };
}

function toDraft(rule: RuleNode): DraftNode {
  if (isCondition(rule)) {
    return {
      kind: 'condition',
      key: nextKey(),
      field: rule.field,
      op: rule.op,
      values: valueTexts(rule.value, rule.op),
    };
  }
  if ('all' in rule) return { ...emptyGroup('all'), children: rule.all.map(toDraft) };
  if ('any' in rule) return { ...emptyGroup('any'), children: rule.any.map(toDraft) };
  const inner = toDraft(rule.not);
  if (inner.kind === 'group' && !inner.negated) return { ...inner, negated: true };
  return { ...emptyGroup('all'), negated: true, children: [inner] };
}

// Editing the tree ----------------------------------------------------------------------------------

/** The tree with the node of `key` replaced by what `change` makes of it (null removes it). */
export function updateNode(root: DraftGroup, key: string, change: (node: DraftNode) => DraftNode | null): DraftGroup {
  const walk = (node: DraftNode): DraftNode | null => {
    if (node.key === key) return change(node);
    if (node.kind === 'condition') return node;
    const children = node.children.map(walk).filter((c): c is DraftNode => c !== null);
    return { ...node, children };
  };
  return (walk(root) as DraftGroup | null) ?? root;
}

export function addChild(root: DraftGroup, groupKey: string, child: DraftNode): DraftGroup {
  return updateNode(root, groupKey, (node) =>
    node.kind === 'group' ? { ...node, children: [...node.children, child] } : node,
  );
}
