import type { SniffedFile } from '../../src-shared/imports';

function columnIndex(file: SniffedFile, column: string): number {
  return file.columns.indexOf(column);
}

/** The distinct values a column holds in the file's first rows, for lookups and debit codes. */
export function distinctValues(file: SniffedFile, column: string | undefined, max = 30): string[] {
  const index = column === undefined ? -1 : columnIndex(file, column);
  if (index < 0) return [];
  const values = new Set<string>();
  for (const row of file.rows) {
    const value = row[index]?.trim();
    if (value) values.add(value);
    if (values.size >= max) break;
  }
  return [...values];
}

/** The first non-empty value of a column, so the user sees what a field will be read from. */
export function firstValue(file: SniffedFile, column: string): string {
  return distinctValues(file, column, 1)[0] ?? '';
}

/** A template filled from the first row: "Client {client_id}" → "Client 1". */
export function fillTemplate(file: SniffedFile, template: string): string {
  const row = file.rows[0] ?? [];
  return template.replace(/\{([^}]*)\}/g, (_, name: string) => row[columnIndex(file, name)] ?? '');
}
