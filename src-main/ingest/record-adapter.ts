/**
 * Turns one record of a core's file into a standard-layout record, as a profile's file
 * mapping says: which source column feeds each standard column, through which transform.
 * The result goes through the same validation and writers as a standard file.
 */
import type { FieldMapping, FileMapping } from '../../src-shared/mapping-profile';
import { LAYOUT } from './standard-layout';
import { parseAmount, parseDate } from './transforms';
import type { LoadIssue } from './validate-row';

export interface RecordAdapter {
  /** Problems with the header: a source column for a required standard column is missing. */
  headerIssues: LoadIssue[];
  /** The standard record, in LAYOUT order, or null when a transform refused a value. */
  toStandard(record: string[], row: number, issues: LoadIssue[]): string[] | null;
  /** The name a user knows a standard column by in this file: its source column. */
  label(target: string): string;
}

/** Integer cents as the standard layout writes money: -1234.56. */
export function centsToMoney(cents: number): string {
  const abs = Math.abs(cents);
  const fraction = abs % 100;
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${fraction < 10 ? '0' : ''}${fraction}`;
}

type Step = (raw: string) => { ok: true; value: string } | { ok: false; reason: string };

function stepFor(field: FieldMapping): Step {
  const t = field.transform;
  if (!t) return (raw) => ({ ok: true, value: raw });
  switch (t.type) {
    case 'constant':
      return () => ({ ok: true, value: t.value });
    case 'date':
      return (raw) => (raw.trim() === '' ? { ok: true, value: '' } : parseDate(raw, t.format));
    case 'amount':
      return (raw) => {
        if (raw.trim() === '') return { ok: true, value: '' };
        const parsed = parseAmount(raw, { decimal: t.decimal });
        return parsed.ok ? { ok: true, value: centsToMoney(parsed.value) } : parsed;
      };
    case 'lookup':
      return (raw) => {
        const value = t.map[raw.trim()] ?? t.default;
        return value === undefined
          ? {
              ok: false,
              reason: `no lookup for this value; the profile maps ${Object.keys(t.map).slice(0, 8).join(', ')}`,
            }
          : { ok: true, value };
      };
  }
}

export function createAdapter(file: string, mapping: FileMapping, header: string[] | null): RecordAdapter {
  const columns = LAYOUT[mapping.kind];
  const positions = new Map((header ?? []).map((name, i) => [name.trim().toLowerCase(), i]));
  const headerIssues: LoadIssue[] = [];
  const sources = columns.map((spec) => {
    const field = mapping.fields[spec.name];
    if (!field) return null;
    const step = stepFor(field);
    if (field.column === undefined) return { index: -1, step, source: spec.name };
    const index = header ? (positions.get(field.column.trim().toLowerCase()) ?? -1) : Number(field.column) - 1;
    if (index < 0 && spec.required) {
      headerIssues.push({
        file,
        row: 1,
        column: field.column,
        value: '',
        reason:
          field.column === spec.name
            ? `required column "${spec.name}" is missing from the header`
            : `column "${field.column}" (for ${spec.name}) is missing from the header`,
      });
    }
    return { index, step, source: field.column };
  });

  return {
    headerIssues,
    toStandard(record, row, issues) {
      let ok = true;
      const out = sources.map((s) => {
        if (!s) return '';
        const raw = s.index >= 0 ? (record[s.index] ?? '') : '';
        const result = s.step(raw);
        if (result.ok) return result.value;
        issues.push({ file, row, column: s.source, value: raw, reason: result.reason });
        ok = false;
        return '';
      });
      return ok ? out : null;
    },
    label(target) {
      const field = mapping.fields[target];
      return field?.column ?? target;
    },
  };
}
