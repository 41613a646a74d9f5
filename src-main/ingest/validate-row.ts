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

/** Matches the header against the layout; problems come back as issues on row 1. */
export function bindColumns(
  file: string,
  header: string[],
  specs: ColumnSpec[],
): { bindings: ColumnBinding[]; issues: LoadIssue[] } {
  const positions = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const issues: LoadIssue[] = [];
  const bindings = specs.map((spec) => {
    const index = positions.get(spec.name) ?? -1;
    if (index < 0 && spec.required) {
      issues.push({
        file,
        row: 1,
        column: spec.name,
        value: '',
        reason: `required column "${spec.name}" is missing from the header`,
      });
    }
    return { spec, index };
  });
  return { bindings, issues };
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
