import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_FAMILIES, TRANSACTION_CODES } from '../../src-shared/domain';
import { matchesPattern } from '../../src-shared/mapping-profile';
import { MAINSTREET_STANDARD } from '../../src-main/ingest/profiles/mainstreet-standard';
import { LAYOUT, STANDARD_KINDS } from '../../src-main/ingest/standard-layout';
import { FIXTURES } from '../helpers/fixtures';

const doc = readFileSync(join(FIXTURES, '..', '..', 'docs', 'standard-layout.md'), 'utf8');

/** The column rows of one file's table in the doc, as [name, required]. */
function documentedColumns(kind: string): [string, boolean][] {
  const section = doc.split(`## ${kind}.csv`)[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| ([a-z_0-9]+) \| [^|]+ \| (yes|optional) \|/gm)].map((m) => [
    m[1] ?? '',
    m[2] === 'yes',
  ]);
}

describe('the standard layout doc and the loader agree', () => {
  it.each(STANDARD_KINDS)('%s.csv: same columns, same required flags, same order', (kind) => {
    const documented = documentedColumns(kind);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented).toEqual(LAYOUT[kind].map((c) => [c.name, c.required]));
  });

  it('documents every product family and transaction code', () => {
    for (const family of PRODUCT_FAMILIES) expect(doc).toContain(`\`${family}\``);
    for (const code of TRANSACTION_CODES) expect(doc).toContain(`\`${code}\``);
  });

  it('recognises file kinds by name', () => {
    const standardKindOf = (name: string) =>
      MAINSTREET_STANDARD.files.find((f) => matchesPattern(name, f.match))?.kind ?? null;
    expect(standardKindOf('/x/y/Customers.CSV')).toBe('customers');
    expect(standardKindOf('C:\\exports\\transactions.csv')).toBe('transactions');
    expect(standardKindOf('trans.asc')).toBeNull();
  });
});
