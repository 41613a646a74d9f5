/**
 * The import vocabulary without zod: kinds of file, date formats, encodings and file-name
 * patterns. The screens import these values; mapping-profile.ts builds its schema from them.
 */
/** The kinds of file an import reads, in the order they load (later ones refer to earlier ones). */
export const IMPORT_KINDS = [
  'products',
  'geography',
  'customers',
  'accounts',
  'owners',
  'payees',
  'transactions',
  'balances',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'M/D/YYYY', 'YYYYMMDD', 'YYMMDD', 'YYMMDD 00:00:00'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Does a file name match a profile's pattern? */
export function matchesPattern(fileName: string, pattern: string): boolean {
  const base = fileName.replace(/^.*[\\/]/, '');
  const regex = new RegExp(
    `^${pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    'i',
  );
  return regex.test(base);
}
