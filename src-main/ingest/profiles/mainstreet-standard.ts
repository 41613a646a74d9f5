import type { MappingProfile } from '../../../src-shared/mapping-profile';
import { LAYOUT, STANDARD_KINDS } from '../standard-layout';

/** The standard layout as a profile: every column maps to itself (docs/standard-layout.md). */
export const MAINSTREET_STANDARD: MappingProfile = {
  format: 'mainstreet-mapping-profile',
  version: 1,
  name: 'mainstreet-standard',
  title: 'Mainstreet standard layout',
  description:
    'The CSV files described in docs/standard-layout.md: products, geography, customers, accounts, owners, payees, transactions, balances (only the ones you have).',
  files: STANDARD_KINDS.map((kind) => ({
    kind,
    match: `${kind}.csv`,
    format: { encoding: 'utf-8', delimiter: ',', quote: '"', header: true },
    fields: Object.fromEntries(LAYOUT[kind].map((column) => [column.name, { column: column.name }])),
  })),
};
