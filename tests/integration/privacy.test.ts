/**
 * Privacy controls through the real API: where data lives, erasing a customer on request with
 * the ids and the audit entry kept, the retention policy with FCRA's three years for prescreen
 * lists, the export warning's record, and a log that holds no personal data.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loggable, logsDir, WITHHELD } from '../../src-main/app/log';
import { rollbackImport } from '../../src-main/ingest/import-history';
import { loadStandardFiles } from '../../src-main/ingest/import-files';
import { purgeDue, retentionPolicy } from '../../src-main/privacy/privacy';
import { copyStandardSmall } from '../helpers/fixtures';
import { callApi as call, useTestServer } from '../helpers/test-server';

describe('privacy controls', () => {
  const start = useTestServer();

  it('says where the data lives and what each export carries', async () => {
    const s = await start();
    const overview = await call(s, 'privacy:overview', {});
    const db = overview.locations.find((l) => l.what === 'The bank’s database')!;
    expect(db).toMatchObject({ path: (await call(s, 'app:info', {})).db_path, holds_personal_data: true });
    expect(db.size).toBeGreaterThan(0);
    expect(overview.locations.map((l) => l.what)).toEqual(['The bank’s database', 'Backups', 'Backup key', 'Logs']);
    const mail = overview.exports.find((e) => e.name.startsWith('Mail vendor file'))!;
    expect(mail).toMatchObject({ leaves_the_app: true, personal: expect.arrayContaining(['name', 'mailing address']) });
    expect(overview.exports.find((e) => e.name.startsWith('Campaign report'))!.personal).toEqual([]);
  });

  it('erases a customer on request: the personal data goes, the id, the number and the audit entry stay', async () => {
    const s = await start();
    const db = s.context.requireDb();
    const before = db.prepare("SELECT * FROM customers WHERE customer_number = '0001001'").get() as Record<
      string,
      unknown
    >;
    const name = `${String(before.first_name)} ${String(before.last_name)}`;
    const preview = await call(s, 'privacy:erase-preview', { customer_number: '0001001' });
    expect(preview).toMatchObject({ customer_number: '0001001', name, already_erased: false });
    expect(preview.accounts).toBeGreaterThan(0);
    await expect(call(s, 'privacy:erase-preview', { customer_number: '9999999' })).rejects.toThrow(
      /No customer with number 9999999/,
    );

    const erased = await call(s, 'privacy:erase', { customer_number: '0001001' });
    expect(erased).toMatchObject({ customer_id: before.id, already_erased: true, name: '' });
    const after = db.prepare('SELECT * FROM customers WHERE id = ?').get(before.id) as Record<string, unknown>;
    expect(after).toMatchObject({
      customer_number: '0001001',
      first_name: 'Erased',
      last_name: 'customer',
      address_line1: '',
      email: null,
      phone: null,
      birth_date: null,
      do_not_solicit: 1,
      do_not_mail: 1,
    });
    expect(JSON.stringify(after)).not.toContain(String(before.last_name));
    expect(db.prepare('SELECT COUNT(*) FROM account_owners WHERE customer_id = ?').pluck().get(before.id)).toBe(
      preview.accounts,
    );
    const page = await call(s, 'customers:list', { page: 0, page_size: 50, search: String(before.last_name) });
    expect(page.rows.map((r) => r.customer_number)).not.toContain('0001001');
    const log = await call(s, 'audit:list', { entity: 'customer' });
    expect(log.entries[0]).toMatchObject({ action: 'customer.erase', entity_id: String(before.id) });
    expect(JSON.stringify(log.entries)).not.toContain(String(before.last_name));
    await expect(call(s, 'privacy:erase', { customer_number: '0001001' })).rejects.toThrow(/already erased/);
    expect((await call(s, 'privacy:overview', {})).erased_customers).toBe(1);
  });

  it('keeps an erasure through the next import of the core’s files, and through rolling an import back', async () => {
    const s = await start();
    const db = s.context.requireDb();
    const dir = mkdtempSync(join(tmpdir(), 'mainstreet-erase-'));
    try {
      const customers = copyStandardSmall(dir).find((f) => f.endsWith('customers.csv'))!;
      // An import that changes nothing still journals each customer as it was (with their name).
      await loadStandardFiles(db, [customers], { actor: 'test', source: 'again' });
      const second = db.prepare('SELECT MAX(id) FROM imports').pluck().get() as number;
      const before = db.prepare("SELECT id, last_name FROM customers WHERE customer_number = '0001002'").get() as {
        id: number;
        last_name: string;
      };
      await call(s, 'privacy:erase', { customer_number: '0001002' });
      const journal = db
        .prepare("SELECT before FROM import_undo WHERE table_name = 'customers' AND row_key = ?")
        .pluck()
        .all(JSON.stringify([before.id])) as string[];
      expect(journal).toHaveLength(1);
      expect(JSON.parse(journal[0]!)).toMatchObject({ first_name: 'Erased', last_name: 'customer', email: null });

      const erased = (id: number) =>
        db.prepare('SELECT first_name, last_name, zip, do_not_mail, erased_at FROM customers WHERE id = ?').get(id);
      // Rolling back the import made before the erasure does not bring the name back.
      rollbackImport(db, second, 'test');
      expect(erased(before.id)).toMatchObject({ first_name: 'Erased', zip: '', do_not_mail: 1 });
      // Nor does the next import of the same file: the rest of the row is updated, the personal fields not.
      await loadStandardFiles(db, [customers], { actor: 'test', source: 'next' });
      expect(erased(before.id)).toMatchObject({ first_name: 'Erased', last_name: 'customer', zip: '', do_not_mail: 1 });
      expect(db.prepare("SELECT last_name FROM customers WHERE customer_number = '0001001'").pluck().get()).not.toBe(
        'customer',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps prescreen lists three years, then offers them for purging; responses and contacts by the policy', async () => {
    const s = await start();
    const db = s.context.requireDb();
    const customer = db.prepare('SELECT id, household_id FROM customers LIMIT 1').get() as {
      id: number;
      household_id: number;
    };
    const product = db.prepare('SELECT code FROM products LIMIT 1').pluck().get() as string;
    db.prepare(
      `INSERT INTO offers (code, product_code, name, headline, body, channels, prescreened, updated_at, updated_by)
       VALUES ('PRE-CARD', ?, 'Prescreened card', 'h', 'b', '{"mail":0.6}', 1, '2022-01-01', 'test')`,
    ).run(product);
    const offer = db.prepare("SELECT id FROM offers WHERE code = 'PRE-CARD'").pluck().get() as number;
    const addRun = (month: string, drop: string, keycode: string) => {
      const id = Number(
        db
          .prepare(
            `INSERT INTO runs (month, status, seed, control_share, drop_date, summary, created_at, created_by)
             VALUES (?, 'final', 1, 0.1, ?, '{}', ?, 'test')`,
          )
          .run(month, drop, drop).lastInsertRowid,
      );
      db.prepare(
        `INSERT INTO run_recipients (run_id, customer_id, household_id, audience_id, offer_id, grp, keycode)
         VALUES (?, ?, ?, 1, ?, 'mailed', ?)`,
      ).run(id, customer.id, customer.household_id, offer, keycode);
      return id;
    };
    const old = addRun('2023-06', '2023-06-05', 'K-OLD');
    addRun('2024-06', '2024-06-05', 'K-NEW');
    db.prepare(
      `INSERT INTO contact_history (customer_id, campaign, channel, contacted_on) VALUES (?, 'old', 'mail', '2021-01-10'), (?, 'new', 'mail', '2026-10-01')`,
    ).run(customer.id, customer.id);

    const now = new Date('2026-11-24T12:00:00Z');
    const policy = retentionPolicy(db, now);
    expect(policy).toMatchObject({ responses_months: 36, contacts_months: 36, prescreen_years: 3 });
    // The June 2024 run is inside FCRA's three years: not offered.
    expect(policy.due.prescreen_runs).toEqual([
      { run_id: old, month: '2023-06', drop_date: '2023-06-05', recipients: 1 },
    ]);
    expect(policy.due.contacts).toBe(1);

    const purged = purgeDue(db, 'prescreen', null, 'test', now);
    expect(purged.due.prescreen_runs).toEqual([]);
    expect(db.prepare('SELECT keycode FROM run_recipients WHERE offer_id = ?').pluck().all(offer)).toEqual(['K-NEW']);
    expect(purgeDue(db, 'contacts', null, 'test', now).due.contacts).toBe(0);
    expect(db.prepare('SELECT campaign FROM contact_history').pluck().all()).toContain('new');

    await expect(call(s, 'retention:set', { responses_months: 6, contacts_months: 36 })).rejects.toThrow(
      /responses_months/,
    );
    const set = await call(s, 'retention:set', { responses_months: 24, contacts_months: 60 });
    expect(set).toMatchObject({ responses_months: 24, contacts_months: 60 });
    const audit = await call(s, 'audit:list', {});
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['settings.retention', 'retention.purge']),
    );
  });

  it('records who was warned before saving personal data, and where', async () => {
    const s = await start();
    await call(s, 'exports:acknowledge', {
      what: 'Month run 2026-12 files',
      destination: '/media/vendor-drive/2026-12',
    });
    const log = await call(s, 'audit:list', { entity: 'export' });
    expect(log.entries[0]).toMatchObject({ action: 'export.warned' });
    expect(JSON.parse(String(log.entries[0]!.detail))).toMatchObject({
      destination: '/media/vendor-drive/2026-12',
      personal_data: true,
    });
  });

  it('logs ids and kinds only, into a rotating file in the data folder', async () => {
    expect(loggable('audience:approve')).toBe('audience:approve');
    expect(loggable(42)).toBe(42);
    expect(loggable('Jane Doe')).toBe(WITHHELD);
    expect(loggable('jane@example.com')).toBe(WITHHELD);
    expect(loggable('12 Main St')).toBe(WITHHELD);
    const s = await start();
    const db = s.context.requireDb();
    const names = db.prepare('SELECT first_name, last_name FROM customers').all() as {
      first_name: string;
      last_name: string;
    }[];
    await call(s, 'customers:list', { page: 0, page_size: 10, search: names[0]!.last_name });
    await call(s, 'backups:create', {});
    await s.close();
    const dir = logsDir(s.context.options.dataDir);
    const text = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    const events = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string });
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['app.start', 'db.open']));
    for (const n of names) {
      expect(text).not.toContain(n.last_name);
      expect(text).not.toContain(n.first_name);
    }
  });
});
