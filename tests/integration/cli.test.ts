import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingProfileSchema } from '../../src-shared/mapping-profile';
import { openDatabase } from '../../src-main/db/open';
import { saveProfile } from '../../src-main/ingest/profiles/store';
import { FIXTURES, SHARED_DATA } from '../helpers/fixtures';
import { buildSmallBank } from '../helpers/small-bank';
import { useTempDir } from '../helpers/temp-dir';
import { cli } from '../helpers/cli';

describe('the mainstreet CLI', () => {
  const tempDir = useTempDir();

  it('stats --json prints exactly the contract, and only it, on stdout', async () => {
    const db = await buildSmallBank(tempDir());
    const out = cli('stats', '--db', db, '--json');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      customers: 4,
      households: 3,
      accounts: 5,
      transactions: 6,
      products: [
        { family: 'checking', accounts: 1, balance_cents: 250050 },
        { family: 'savings', accounts: 2, balance_cents: 998766 },
        { family: 'mortgage', accounts: 1, balance_cents: 18500000 },
      ],
      first_txn_date: '2026-09-01',
      last_txn_date: '2026-10-02',
    });
  });

  it('demo --db builds a bank that stats reads back; the same seed gives the same bank', () => {
    const dir = tempDir();
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    expect(cli('demo', '--db', a, '--customers', '300', '--seed', '5').code).toBe(0);
    expect(cli('demo', '--db', b, '--customers', '300', '--seed', '5', '--json').code).toBe(0);
    const statsA = JSON.parse(cli('stats', '--db', a, '--json').stdout) as { customers: number; transactions: number };
    const statsB = JSON.parse(cli('stats', '--db', b, '--json').stdout) as object;
    expect(statsA.customers).toBe(300);
    expect(statsA.transactions).toBeGreaterThan(300 * 20);
    expect(statsB).toEqual(statsA);
  });

  it('demo --files writes only the layout files', () => {
    const dir = join(tempDir(), 'exports');
    const out = cli('demo', '--files', dir, '--customers', '200', '--json');
    expect(out.code).toBe(0);
    for (const name of ['products', 'customers', 'accounts', 'transactions', 'balances']) {
      expect(existsSync(join(dir, `${name}.csv`))).toBe(true);
    }
    expect(existsSync(join(dir, '..', 'bank.sqlite'))).toBe(false);
  });

  it('profiles list and export: the export reads back as a valid profile', () => {
    const list = JSON.parse(cli('profiles', 'list', '--json').stdout) as { name: string }[];
    expect(list.map((p) => p.name)).toEqual(['mainstreet-standard', 'berka']);
    const exported = cli('profiles', 'export', 'mainstreet-standard');
    expect(exported.code).toBe(0);
    const profile = mappingProfileSchema.parse(JSON.parse(exported.stdout));
    expect(profile.files.map((f) => f.kind)).toEqual([
      'products',
      'geography',
      'customers',
      'accounts',
      'owners',
      'payees',
      'transactions',
      'balances',
    ]);
    const berka = mappingProfileSchema.parse(JSON.parse(cli('profiles', 'export', 'berka').stdout));
    expect(berka.files.map((f) => f.match)).toContain('trans*.asc');
  });

  it('profiles list --db adds the profiles saved in that database, and import --profile finds them', async () => {
    const db = await buildSmallBank(tempDir());
    const other = readFileSync(join(FIXTURES, 'other-core', 'profile.json'), 'utf8');
    const handle = openDatabase(db);
    saveProfile(handle, mappingProfileSchema.parse(JSON.parse(other)), { overwrite: false, actor: 'test' });
    handle.close();
    const list = JSON.parse(cli('profiles', 'list', '--db', db, '--json').stdout) as {
      name: string;
      builtin: boolean;
    }[];
    expect(list.map((p) => [p.name, p.builtin])).toEqual([
      ['mainstreet-standard', true],
      ['berka', true],
      ['other-core', false],
    ]);
    const exported = mappingProfileSchema.parse(JSON.parse(cli('profiles', 'export', 'other-core', '--db', db).stdout));
    expect(exported.name).toBe('other-core');
    const dir = join(FIXTURES, 'other-core');
    const out = cli('import', '--db', db, '--profile', 'other-core', '--quarantine', join(dir, 'CIF.TXT'), '--json');
    expect(out.code).toBe(0);
  });

  it('import --profile mainstreet-standard loads the demo files, and a second import changes nothing', () => {
    const dir = tempDir();
    const files = join(dir, 'exports');
    expect(cli('demo', '--files', files, '--customers', '200').code).toBe(0);
    const paths = ['products', 'customers', 'accounts', 'transactions', 'balances'].map((k) => join(files, `${k}.csv`));
    const db = join(dir, 'bank.sqlite');
    const out = cli('import', '--db', db, '--profile', 'mainstreet-standard', ...paths, '--json');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as {
      import_id: number;
      files: { path: string; kind: string; rows_read: number; rows_loaded: number; rows_quarantined: number }[];
      errors: unknown[];
    };
    expect(result.import_id).toBe(1);
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => Object.keys(f))).toEqual(
      result.files.map(() => ['path', 'kind', 'rows_read', 'rows_loaded', 'rows_quarantined']),
    );
    const customers = result.files.find((f) => f.kind === 'customers');
    expect(customers).toMatchObject({
      path: join(files, 'customers.csv'),
      rows_read: 200,
      rows_loaded: 200,
      rows_quarantined: 0,
    });
    const before = cli('stats', '--db', db, '--json').stdout;
    expect(JSON.parse(before)).toMatchObject({ customers: 200 });
    expect(cli('import', '--db', db, '--profile', 'mainstreet-standard', ...paths, '--json').code).toBe(0);
    expect(cli('stats', '--db', db, '--json').stdout).toBe(before);
    const history = JSON.parse(cli('imports', 'list', '--db', db, '--json').stdout) as {
      id: number;
      profile: string;
      status: string;
      files: { kind: string; fingerprint: string }[];
    }[];
    expect(history.map((i) => [i.id, i.profile, i.status])).toEqual([
      [2, 'mainstreet-standard', 'done'],
      [1, 'mainstreet-standard', 'done'],
    ]);
    // The same file has the same fingerprint in both imports.
    expect(history[0]?.files.map((f) => f.fingerprint)).toEqual(history[1]?.files.map((f) => f.fingerprint));
  });

  it('import without --quarantine reports each problem and exits non-zero, having written nothing', () => {
    const dir = join(FIXTURES, 'other-core');
    const db = join(tempDir(), 'bank.sqlite');
    const txt = ['PRODUCTS.TXT', 'CIF.TXT', 'ACCTS.TXT', 'HIST.TXT'].map((f) => join(dir, f));
    const out = cli('import', '--db', db, '--mapping', join(dir, 'profile.json'), ...txt, '--json');
    expect(out.code).toBe(1);
    const result = JSON.parse(out.stdout) as {
      import_id: null;
      files: { rows_loaded: number }[];
      errors: { file: string }[];
    };
    expect(result.import_id).toBeNull();
    expect(result.files.map((f) => f.rows_loaded)).toEqual([0, 0, 0, 0]);
    expect(result.errors.map((e) => e.file)).toEqual(['CIF.TXT', 'ACCTS.TXT', 'HIST.TXT']);
    expect(out.stderr).toMatch(/use --quarantine to load the good rows/);
    const quarantined = cli(
      'import',
      '--db',
      db,
      '--mapping',
      join(dir, 'profile.json'),
      '--quarantine',
      ...txt,
      '--json',
    );
    expect(quarantined.code).toBe(0);
    expect((JSON.parse(quarantined.stdout) as { import_id: number }).import_id).toBe(1);
  });

  it('import --profile berka works out each file’s kind; imports rollback undoes it', () => {
    const db = join(tempDir(), 'berka.sqlite');
    const berka = join(SHARED_DATA, 'berka-pkdd99');
    const asc = readdirSync(berka)
      .filter((f) => f.endsWith('.asc'))
      .map((f) => join(berka, f));
    const out = cli('import', '--db', db, '--profile', 'berka', ...asc, '--json');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as { import_id: number; files: { path: string; kind: string }[] };
    expect(Object.keys(result)).toEqual(['import_id', 'files', 'errors']);
    expect(result.files.map((f) => [f.path.split(/[\\/]/).pop(), f.kind])).toEqual([
      ['district.asc', 'geography'],
      ['client.asc', 'customers'],
      ['account.asc', 'accounts'],
      ['disp.asc', 'owners'],
      ['card.asc', 'accounts'],
      ['loan.asc', 'accounts'],
      ['order.asc', 'payees'],
      ['trans.partial.asc', 'transactions'],
    ]);
    expect(JSON.parse(cli('stats', '--db', db, '--json').stdout)).toMatchObject({ customers: 5369, accounts: 6074 });
    expect(cli('imports', 'rollback', String(result.import_id), '--db', db).code).toBe(0);
    expect(JSON.parse(cli('stats', '--db', db, '--json').stdout)).toMatchObject({ customers: 0, accounts: 0 });
    const again = cli('imports', 'rollback', String(result.import_id), '--db', db);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already rolled back/);
    const history = JSON.parse(cli('imports', 'list', '--db', db, '--json').stdout) as { status: string }[];
    expect(history.map((i) => i.status)).toEqual(['rolled_back']);
  });

  it.each([
    [['imports', 'rollback', 'x', '--db', 'x.sqlite'], 2, /needs an import ID/],
    [['import', '--db', 'x.sqlite', 'a.csv'], 2, /exactly one of --profile NAME or --mapping FILE.json/],
    [['import', '--db', 'x.sqlite', '--profile', 'mainstreet-standard'], 2, /at least one PATH/],
    [
      ['import', '--db', 'x.sqlite', '--profile', 'mainstreet-standard', '--as-of', '11/30/2026', 'a.csv'],
      2,
      /--as-of must be a date as YYYY-MM-DD, got "11\/30\/2026"/,
    ],
    [['import', '--db', 'x.sqlite', '--profile', 'mainstreet-standard', '/nope/customers.csv'], 1, /No such file/],
    [['profiles', 'export', 'fiserv-premier'], 1, /No profile named "fiserv-premier"/],
    [['profiles'], 2, /profiles needs list or export/],
    [['stats'], 2, /--db is required/],
    [['stats', '--db', '/nonexistent/bank.sqlite', '--json'], 1, /No database at/],
    [['demo', '--db', 'x.sqlite', '--customers', 'many'], 2, /--customers must be a whole number/],
    [['demo', '--db', 'x.sqlite', '--files', 'y'], 2, /exactly one of --db FILE or --files DIR/],
    [['stats', '--bogus'], 2, /Unknown option/],
    [['frobnicate'], 2, /Unknown command "frobnicate"/],
  ])('%j fails with exit %i and a clear message on stderr', (args, code, message) => {
    const out = cli(...args);
    expect(out.code).toBe(code);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  });
});
