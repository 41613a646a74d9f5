import type { ColumnSpec, FieldValue } from './standard-layout';

export interface LoadIssue {
  file: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ColumnBinding {
  spec: ColumnSpec;
  /** Position in the file's header, or -1 where an optional column is absent. */
  index: number;
}

/** Bindings for a record already in layout order, as the record adapter produces it. */
export function layoutBindings(specs: ColumnSpec[]): ColumnBinding[] {
  return specs.map((spec, index) => ({ spec, index }));
}

/** Checks and converts one record; empty optional fields become null. */
export function validateRecord(
  file: string,
  row: number,
  record: string[],
  bindings: ColumnBinding[],
  issues: LoadIssue[],
): Record<string, FieldValue> | null {
  const out: Record<string, FieldValue> = {};
  let valid = true;
  for (const { spec, index } of bindings) {
    const raw = index >= 0 ? (record[index] ?? '').trim() : '';
    if (raw === '') {
      if (spec.required) {
        issues.push({ file, row, column: spec.name, value: raw, reason: 'required value is empty' });
        valid = false;
      }
      out[spec.name] = null;
      continue;
    }
    if (!spec.parse) {
      out[spec.name] = raw;
      continue;
    }
    const parsed = spec.parse(raw);
    if (parsed.ok) {
      out[spec.name] = parsed.value;
    } else {
      issues.push({ file, row, column: spec.name, value: raw, reason: parsed.reason });
      valid = false;
    }
  }
  return valid ? out : null;
}
