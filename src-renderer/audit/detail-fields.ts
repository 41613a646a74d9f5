/**
 * An audit entry's detail (JSON as recorded) read field by field: nested objects become paths
 * ("after › rule › all › #2 › value"), lists of plain values one comma-separated field, and an
 * edit's `{before, after}` a comparison of the two sides. Pure, so the tests read it directly.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One leaf of the detail: where it is, in words, and its value as text. */
export interface DetailField {
  path: string;
  value: string;
}

/** One field of an edit: its value before and after (null where that side does not have it). */
export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

export interface DetailView {
  /** The `{before, after}` sides compared field by field, when the entry records an edit. */
  changes: FieldChange[] | null;
  /** Everything else recorded (the whole detail when there is no before and after). */
  fields: DetailField[];
}

/** The detail text as JSON; text that is not JSON stays the text it is, and no detail is null. */
export function parseDetail(text: string | null): Json {
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isPlain = (value: Json) => value === null || typeof value !== 'object';

function valueWords(value: Json): string {
  if (value === null || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const keyWords = (key: string) => key.replace(/_/g, ' ');

/** Every leaf of a value with its path; a value that is itself a leaf has the path ''. */
export function flatten(value: Json, path: string[] = []): DetailField[] {
  const here = path.join(' › ');
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ path: here, value: '(none)' }];
    if (value.every(isPlain)) return [{ path: here, value: value.map(valueWords).join(', ') }];
    return value.flatMap((item, index) => flatten(item, [...path, `#${index + 1}`]));
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [{ path: here, value: '(none)' }];
    return entries.flatMap(([key, child]) => flatten(child, [...path, keyWords(key)]));
  }
  return [{ path: here, value: valueWords(value) }];
}

/** Both sides field by field, in the order the fields were recorded (before's first). */
export function compareSides(before: Json, after: Json): FieldChange[] {
  const beforeFields = new Map(flatten(before).map((f) => [f.path, f.value]));
  const afterFields = new Map(flatten(after).map((f) => [f.path, f.value]));
  const paths = [...new Set([...beforeFields.keys(), ...afterFields.keys()])];
  return paths.map((path) => {
    const was = beforeFields.get(path) ?? null;
    const is = afterFields.get(path) ?? null;
    return { path, before: was, after: is, changed: was !== is };
  });
}

/** The keys an edit records its two sides under; older entries of the bank's names used from/to. */
const SIDES = [
  ['before', 'after'],
  ['from', 'to'],
] as const;

export function readDetail(detail: Json): DetailView {
  if (isObject(detail)) {
    for (const [was, is] of SIDES) {
      if (!(was in detail) || !(is in detail)) continue;
      const rest = Object.fromEntries(Object.entries(detail).filter(([key]) => key !== was && key !== is));
      return {
        changes: compareSides(detail[was] ?? null, detail[is] ?? null),
        fields: Object.keys(rest).length > 0 ? flatten(rest) : [],
      };
    }
  }
  return { changes: null, fields: detail === null ? [] : flatten(detail) };
}

/** A field as one line: "name: Old → New", or just "submitted → approved" for a value with no name. */
function changeLine(change: FieldChange): string {
  const sides = `${change.before ?? '(not set)'} → ${change.after ?? '(not set)'}`;
  return change.path ? `${change.path}: ${sides}` : sides;
}

const fieldLine = (field: DetailField) => (field.path ? `${field.path}: ${field.value}` : field.value);

/** Enough for a table cell; the detail beside the table has the rest. */
const SUMMARY_PARTS = 8;

/** The detail in one line for the table: what changed first, then what else was recorded. */
export function summaryLine(view: DetailView): string {
  const changed = view.changes?.filter((c) => c.changed) ?? [];
  const parts = [...changed.map(changeLine), ...view.fields.map(fieldLine)];
  if (view.changes && changed.length === 0) parts.unshift('no field changed');
  const more = parts.length - SUMMARY_PARTS;
  return parts.slice(0, SUMMARY_PARTS).join(' · ') + (more > 0 ? ` · and ${more} more` : '');
}
