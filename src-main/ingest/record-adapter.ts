/**
 * Turns one record of a core's file into a standard-layout record, as a profile's file
 * mapping says: which source column(s) feed each standard column, through which transform.
 * The result goes through the same validation and writers as a standard file.
 */
import type { FieldMapping, FieldTransform, FileMapping } from '../../src-shared/mapping-profile';
import { LAYOUT } from './standard-layout';
import { isSensitiveColumn } from './sensitive';
import { applyDebitCredit, parseAmount, parseBirthNumber, parseDate } from './transforms';
import type { LoadIssue } from './validate-row';

export interface RecordAdapter {
  /** Problems with the header: a source column for a required standard column is missing. */
  headerIssues: LoadIssue[];
  /** The standard record, in LAYOUT order, or null when a transform refused a value. */
  toStandard(record: string[], row: number, issues: LoadIssue[]): string[] | null;
  /** The name a user knows a standard column by in this file: its source column. */
  label(target: string): string;
  /** Positions of source columns that must never be stored in clear (tax ids). */
  sensitive: number[];
}

/** Integer cents as the standard layout writes money: -1234.56. */
export function centsToMoney(cents: number): string {
  const abs = Math.abs(cents);
  const fraction = abs % 100;
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${fraction < 10 ? '0' : ''}${fraction}`;
}

type StepResult = { ok: true; value: string } | { ok: false; reason: string };
/** One field's transform: the raw value, and the whole record for templates and sign columns. */
type Step = (raw: string, record: string[]) => StepResult;
type ColumnIndex = (name: string) => number;

const ok = (value: string): StepResult => ({ ok: true, value });

/** A lookup table; keys of several columns may hold "*" for any value of that column. */
function lookupStep(t: Extract<FieldTransform, { type: 'lookup' }>): Step {
  const wildcards = Object.entries(t.map)
    .filter(([key]) => key.includes('*'))
    .map(([key, value]) => ({ parts: key.split('|'), value }));
  return (raw) => {
    const key = raw.trim();
    // An empty cell is empty, unless the lookup says what it means (its own key, or a default).
    if (key === '') return ok(t.map[''] ?? t.default ?? '');
    let value = t.map[key];
    if (value === undefined && wildcards.length > 0) {
      const parts = key.split('|');
      value = wildcards.find((w) => w.parts.every((p, i) => p === '*' || p === parts[i]))?.value;
    }
    value ??= t.default;
    return value === undefined
      ? { ok: false, reason: `no lookup for this value; the profile maps ${Object.keys(t.map).slice(0, 8).join(', ')}` }
      : ok(value);
  };
}

function stepFor(field: FieldMapping, columnIndex: ColumnIndex): Step {
  const t = field.transform;
  if (!t) return (raw) => ok(raw);
  switch (t.type) {
    case 'constant':
      return () => ok(t.value);
    case 'template': {
      // "Client {client_id}": each {name} is that column's value, trimmed.
      const parts = t.template.split(/(\{[^}]+\})/).map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        return name === undefined ? { text: part, index: -1 } : { text: '', index: columnIndex(name) };
      });
      return (_raw, record) =>
        ok(
          parts
            .map((p) => (p.index >= 0 ? (record[p.index] ?? '').trim() : p.text))
            .join('')
            .trim(),
        );
    }
    case 'date':
      return (raw) => (raw.trim() === '' ? ok('') : parseDate(raw, t.format));
    case 'birth-number':
      return (raw) => {
        if (raw.trim() === '') return ok('');
        const parsed = parseBirthNumber(raw);
        return parsed.ok ? ok(parsed.value[t.part]) : parsed;
      };
    case 'amount': {
      const sign = t.sign;
      const signIndex = sign ? columnIndex(sign.column) : -1;
      return (raw, record) => {
        if (raw.trim() === '') return ok('');
        const parsed = parseAmount(raw, { decimal: t.decimal });
        if (!parsed.ok) return parsed;
        if (!sign) return ok(centsToMoney(parsed.value));
        const signed = applyDebitCredit(parsed.value, record[signIndex] ?? '', sign);
        return signed.ok ? ok(centsToMoney(signed.value)) : signed;
      };
    }
    case 'lookup':
      return lookupStep(t);
  }
}

export function createAdapter(file: string, mapping: FileMapping, header: string[] | null): RecordAdapter {
  const columns = LAYOUT[mapping.kind];
  const positions = new Map((header ?? []).map((name, i) => [name.trim().toLowerCase(), i]));
  const columnIndex: ColumnIndex = (name) =>
    header ? (positions.get(name.trim().toLowerCase()) ?? -1) : /^\d+$/.test(name) ? Number(name) - 1 : -1;
  const headerIssues: LoadIssue[] = [];
  const missing = (column: string, target: string, required: boolean) => {
    if (!required) return;
    headerIssues.push({
      file,
      row: 1,
      column,
      value: '',
      reason:
        column === target
          ? `required column "${target}" is missing from the header`
          : `column "${column}" (for ${target}) is missing from the header`,
    });
  };
  const sensitive = new Set<number>();
  (header ?? []).forEach((name, i) => {
    if (isSensitiveColumn(name)) sensitive.add(i);
  });

  const sources = columns.map((spec) => {
    const field = mapping.fields[spec.name];
    if (!field) return null;
    const step = stepFor(field, columnIndex);
    if (field.columns) {
      const indexes = field.columns.map(columnIndex);
      field.columns.forEach((c, i) => {
        if ((indexes[i] ?? -1) < 0) missing(c, spec.name, spec.required);
      });
      return { indexes, index: -2, step, source: field.columns.join('+'), tax: spec.name === 'tax_id' };
    }
    if (field.column === undefined) return { indexes: [], index: -1, step, source: spec.name, tax: false };
    const index = columnIndex(field.column);
    if (index < 0) missing(field.column, spec.name, spec.required);
    if (spec.name === 'tax_id' && index >= 0) sensitive.add(index);
    return { indexes: [], index, step, source: field.column, tax: spec.name === 'tax_id' };
  });
  // Template and sign columns are read from the record directly; they need no header check here.

  return {
    headerIssues,
    sensitive: [...sensitive],
    toStandard(record, row, issues) {
      let valid = true;
      const out = sources.map((s) => {
        if (!s) return '';
        const raw =
          s.index === -2
            ? s.indexes.map((i) => (record[i] ?? '').trim()).join('|')
            : s.index >= 0
              ? (record[s.index] ?? '')
              : '';
        const result = s.step(raw, record);
        if (result.ok) return result.value;
        issues.push({ file, row, column: s.source, value: s.tax ? '(hidden)' : raw, reason: result.reason });
        valid = false;
        return '';
      });
      return valid ? out : null;
    },
    label(target) {
      const field = mapping.fields[target];
      return field?.column ?? field?.columns?.join('+') ?? target;
    },
  };
}
