import { describe, expect, it } from 'vitest';
import { recordWords } from '../../../src-renderer/audit/audit-words';
import { flatten, parseDetail, readDetail, summaryLine } from '../../../src-renderer/audit/detail-fields';

describe('an audit entry’s detail, field by field', () => {
  it('compares an edited audience rule leaf by leaf, naming fields that exist on one side only', () => {
    const view = readDetail(
      parseDetail(
        JSON.stringify({
          version: 2,
          before: { status: 'approved', rule: { all: [{ field: 'age', op: '>=', value: 30 }] } },
          after: {
            status: 'draft',
            rule: {
              all: [
                { field: 'age', op: '>=', value: 35 },
                { field: 'state', op: 'in', value: ['IA', 'NE'] },
              ],
            },
          },
        }),
      ),
    );
    expect(view.changes?.filter((c) => c.changed)).toEqual([
      { path: 'status', before: 'approved', after: 'draft', changed: true },
      { path: 'rule › all › #1 › value', before: '30', after: '35', changed: true },
      { path: 'rule › all › #2 › field', before: null, after: 'state', changed: true },
      { path: 'rule › all › #2 › op', before: null, after: 'in', changed: true },
      { path: 'rule › all › #2 › value', before: null, after: 'IA, NE', changed: true },
    ]);
    expect(view.changes?.filter((c) => !c.changed).map((c) => c.path)).toEqual([
      'rule › all › #1 › field',
      'rule › all › #1 › op',
    ]);
    expect(view.fields).toEqual([{ path: 'version', value: '2' }]);
    expect(summaryLine(view)).toBe(
      'status: approved → draft · rule › all › #1 › value: 30 → 35 · rule › all › #2 › field: (not set) → state · ' +
        'rule › all › #2 › op: (not set) → in · rule › all › #2 › value: (not set) → IA, NE · version: 2',
    );
  });

  it('reads the older {from, to} of the bank names as before and after, and says when nothing changed', () => {
    const same = { name: 'Bank', short_name: '' };
    const view = readDetail({ from: same, to: same });
    expect(view.changes?.every((c) => !c.changed)).toBe(true);
    expect(summaryLine(view)).toBe('no field changed');
  });

  it('shows any other detail as its fields; text that is not JSON as it is; none as nothing', () => {
    expect(flatten({ rule: { use_core_id: true, by_address: false }, changed: 0, note: null, tags: [] })).toEqual([
      { path: 'rule › use core id', value: 'yes' },
      { path: 'rule › by address', value: 'no' },
      { path: 'changed', value: '0' },
      { path: 'note', value: '(empty)' },
      { path: 'tags', value: '(none)' },
    ]);
    expect(readDetail(parseDetail('not json {'))).toEqual({
      changes: null,
      fields: [{ path: '', value: 'not json {' }],
    });
    expect(readDetail(parseDetail(null))).toEqual({ changes: null, fields: [] });
    const long = readDetail(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i])));
    expect(summaryLine(long)).toMatch(/^k0: 0 · .* · k7: 7 · and 4 more$/);
  });

  it('names the record: numbered ones with #, named ones after a dot', () => {
    expect(recordWords({ entity: 'audience', entity_id: '12' })).toBe('Audience #12');
    expect(recordWords({ entity: 'mapping_profile', entity_id: 'fiserv' })).toBe('Mapping profile · fiserv');
    expect(recordWords({ entity: 'suppression_list', entity_id: null })).toBe('Suppression list');
  });
});
