/**
 * The few values of src-shared/mapping-profile.ts the screens need, copied: that module builds
 * the zod schema as it loads, so importing any value from it would put zod (about 90 kB
 * minified) into the renderer's bundle. Types still come from it; the compiler checks the
 * lists below against them, and import-draft.test.ts checks the copies against the originals.
 */
import type { DateFormat, ImportKind } from '../../src-shared/mapping-profile';

export const IMPORT_KINDS = [
  'products',
  'geography',
  'customers',
  'accounts',
  'owners',
  'payees',
  'transactions',
  'balances',
] as const satisfies readonly ImportKind[];

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'M/D/YYYY',
  'YYYYMMDD',
  'YYMMDD',
  'YYMMDD 00:00:00',
] as const satisfies readonly DateFormat[];

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _kinds: Exactly<(typeof IMPORT_KINDS)[number], ImportKind> = true;
const _formats: Exactly<(typeof DATE_FORMATS)[number], DateFormat> = true;
void _kinds;
void _formats;

/** Does a file name match a profile's pattern? (mapping-profile.ts's matchesPattern, letter for letter.) */
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
