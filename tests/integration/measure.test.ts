/**
 * Measuring a campaign end to end on the demo bank: a month run with a large control group,
 * a response file where mailed households open the offered product at a known higher rate than
 * the held-out ones, imported through the standard layout's accounts file and through the
 * response layout (keycodes, names and addresses of new customers), then the report: the lift's
 * interval covers the truth, the match-back and attribution rules hold, and the CLI contracts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoBank } from '../../src-main/bank/demo-bank';
import { openDatabase, type Db } from '../../src-main/db/open';
import { campaignReport } from '../../src-main/measure/report';
import { decideMatch, importResponses, listResponses } from '../../src-main/measure/responses';
import { listOffers, planListing } from '../../src-main/plan/plan-store';
import { projectPlan } from '../../src-main/plan/projections';
import { finalizeRun, runMonth, runRecipients } from '../../src-main/plan/run-month';
import { cli } from '../helpers/cli';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface Person {
  customer_number: string;
  first_name: string;
  last_name: string;
  address_line1: string;
  zip: string;
  household_id: number;
}

const ACCOUNT_HEADER = 'account_number,product_code,owner_customer_number,open_date,status,balance';

describe('measuring a campaign', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-measure-'));
  const path = join(dir, 'bank.sqlite');
  let db: Db;
  let runId: number;
  let drop: string;
  const TRUE_MAILED = 0.2;
  const TRUE_CONTROL = 0.05;
  let truth: { mailed: number; control: number; respondedMailed: number; respondedControl: number };

  beforeAll(async () => {
    await buildDemoBank({ dbPath: path, customers: 4000, seed: 11 });
    db = openDatabase(path);
    const month = planListing(db).months[0]!;
    const run = runMonth(db, { month, actor: 'test', seed: 5, controlShare: 0.5 });
    finalizeRun(db, run.run_id, 'test');
    runId = run.run_id;
    drop = `${month}-01`;
    const offers = new Map(listOffers(db).map((o) => [o.code, o]));
    const number = db.prepare('SELECT customer_number FROM customers WHERE id = ?').pluck();
    const next = random(99);
    const rows = [ACCOUNT_HEADER];
    truth = { mailed: 0, control: 0, respondedMailed: 0, respondedControl: 0 };
    let n = 0;
    for (const r of runRecipients(db, runId)) {
      const mailed = r.group === 'mailed';
      truth[mailed ? 'mailed' : 'control']++;
      if (next() >= (mailed ? TRUE_MAILED : TRUE_CONTROL)) continue;
      truth[mailed ? 'respondedMailed' : 'respondedControl']++;
      const product = offers.get(r.offer)!.product_code;
      const day = 1 + Math.floor(next() * 60);
      rows.push(
        `R${++n},${product},${number.get(r.customer_id)},${addDays(drop, day)},OPEN,${(2500 + next() * 5000).toFixed(2)}`,
      );
    }
    // An account opened before the drop (not a response) and one of a stranger (unmatched).
    rows.push(`OLD1,${offers.get('CHK-DD')!.product_code},${number.get(1)},${addDays(drop, -40)},OPEN,100.00`);
    rows.push(`NEW-STRANGER,${offers.get('CHK-DD')!.product_code},X-999999,${addDays(drop, 5)},OPEN,900.00`);
    writeFileSync(join(dir, 'accounts.csv'), `${rows.join('\n')}\n`);
  }, 240_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports new accounts from the standard layout’s accounts file and matches them by customer number', () => {
    const out = cli(
      'responses',
      'import',
      '--db',
      path,
      '--profile',
      'mainstreet-standard',
      '--run',
      String(runId),
      join(dir, 'accounts.csv'),
      '--json',
    );
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout);
    const responses = truth.respondedMailed + truth.respondedControl;
    expect(result).toMatchObject({
      rows: responses + 2,
      not_responses: 1,
      matched: responses,
      unmatched: 1,
      doubtful: 0,
    });
    expect(result.match_rate).toBeCloseTo(responses / (responses + 1), 10);
    const stranger = listResponses(db, 'unmatched');
    expect(stranger).toHaveLength(1);
    expect(stranger[0]).toMatchObject({ customer_number: 'X-999999', note: expect.stringMatching(/No customer/) });
  });

  it('reports a lift whose 95% interval covers the true one, with its p-value, balances, cost and ROMI', () => {
    const report = campaignReport(db, runId);
    const t = report.totals;
    expect(t.mailed).toBe(truth.mailed);
    expect(t.control).toBe(truth.control);
    expect(t.responders_mailed).toBe(truth.respondedMailed);
    expect(t.responders_control).toBe(truth.respondedControl);
    expect(t.lift_ci_low!).toBeLessThan(TRUE_MAILED - TRUE_CONTROL);
    expect(t.lift_ci_high!).toBeGreaterThan(TRUE_MAILED - TRUE_CONTROL);
    expect(t.lift_ci_low!).toBeGreaterThan(0);
    expect(t.p_value!).toBeLessThan(0.001);
    // Every response here is for the offered product: direct.
    expect(t.indirect_mailed).toBe(0);
    expect(t.direct_mailed).toBe(truth.respondedMailed);
    expect(t.incremental_balance_cents!).toBeGreaterThan(0);
    expect(t.cost_cents).toBeGreaterThan(0);
    expect(t.romi).not.toBeNull();
    expect(t.payback_months).toBeGreaterThan(0);
    expect(t.scenarios.conservative!).toBeLessThan(t.romi!);
    expect(t.scenarios.aggressive!).toBeGreaterThan(t.romi!);
    expect(t.margin_cents).toBe(report.cells.reduce((s, c) => s + c.margin_cents!, 0));
    expect(report.cells.reduce((s, c) => s + c.mailed, 0)).toBe(t.mailed);
    expect(report.quality).toMatchObject({
      responses: truth.respondedMailed + truth.respondedControl,
      outside_window: 0,
    });
    // The curve ends at the response rates.
    expect(report.by_day.at(-1)!.mailed).toBeCloseTo(t.rate_mailed!, 10);
    expect(report.by_day[0]!.mailed).toBe(0);
  });

  it('projects the plan at the rates measured: each offer’s own once it has 100 pieces mailed with results', () => {
    const report = campaignReport(db, runId);
    const projection = projectPlan(db, drop);
    const byOffer = new Map(listOffers(db).map((o) => [o.id, o.code]));
    for (const cell of projection.cells) {
      const measured = report.cells.find((c) => c.offer === byOffer.get(cell.offer_id))!;
      if (measured.mailed >= 100) {
        expect(cell).toMatchObject({ rate_source: 'offer', rate_from_results: true });
        expect(cell.response_rate).toBeCloseTo(measured.responders_mailed / measured.mailed, 10);
        expect(cell.rate_basis).toMatch(/this offer's past results/);
      } else expect(cell.rate_source).not.toBe('offer');
      // The plan's control share (10%) against the controls a doubled response needs.
      expect(cell.control).toBeGreaterThan(0);
      expect(cell.holdout_too_small).toBe(cell.control_needed === null || cell.control < cell.control_needed);
    }
    expect(projection.cells.some((c) => c.rate_source === 'offer')).toBe(true);
  });

  it('answers the report campaign contract per cell and in total, and exports the PDF and workbook', async () => {
    const out = cli('report', 'campaign', '--db', path, '--run', String(runId), '--json');
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout);
    const contract = [
      'mailed',
      'control',
      'responders_mailed',
      'responders_control',
      'rate_mailed',
      'rate_control',
      'lift',
      'lift_ci_low',
      'lift_ci_high',
      'p_value',
      'incremental_balance_cents',
      'cost_cents',
      'romi',
      'payback_months',
    ];
    for (const cell of [...report.cells, report.totals]) for (const key of contract) expect(cell).toHaveProperty(key);
    expect(report.cells[0]).toHaveProperty('audience');
    expect(report.cells[0]).toHaveProperty('offer');

    const pdf = join(process.env.MAINSTREET_KEEP_REPORT ?? dir, 'report.pdf');
    const xlsx = join(dir, 'report.xlsx');
    expect(cli('report', 'export', '--db', path, '--run', String(runId), '--pdf', pdf, '--xlsx', xlsx).code).toBe(0);
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Liberation/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Lift by cell/);
    expect(text).toMatch(/Cumulative response rate/);
    expect(text.replace(/\s+/g, ' ')).toMatch(/two- ?proportion z-test/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Cells', 'By day', 'Data quality', 'Formulas']);
    const cells = book.getWorksheet('Cells')!;
    expect(cells.rowCount).toBe(report.cells.length + 2);
    expect(cells.getRow(cells.rowCount).getCell(1).value).toBe('All cells');
  });

  it('matches new customers by keycode, household and fuzzy name and address; doubtful ones wait for the user', async () => {
    const recipients = runRecipients(db, runId);
    const mailed = recipients.filter((r) => r.group === 'mailed');
    const person = db.prepare(
      'SELECT customer_number, first_name, last_name, address_line1, zip, household_id FROM customers WHERE id = ?',
    );
    const a = person.get(mailed[0]!.customer_id) as Person;
    const b = person.get(mailed[1]!.customer_id) as Person;
    const c = mailed
      .slice(2)
      .map((m) => person.get(m.customer_id) as Person)
      .find((p) => p.last_name.length >= 6 && p.first_name !== 'Pat')!;
    const spouse = db
      .prepare('SELECT customer_number FROM customers WHERE household_id = ? AND id <> ? LIMIT 1')
      .pluck()
      .get(a.household_id, mailed[0]!.customer_id) as string | undefined;
    const lines = [
      'response_type,response_date,customer_number,keycode,first_name,last_name,address_line1,zip,product_code,opening_balance',
      // A coupon brought back: the keycode alone.
      `keycode,${addDays(drop, 3)},,${mailed[3]!.keycode},,,,,,`,
      // The same person, new to the bank, with a typo in the street: a fuzzy match.
      `account,${addDays(drop, 9)},NEW-1,,${b.first_name},${b.last_name},${b.address_line1.replace(/ST$|AVE$|RD$/, 'STREET')},${b.zip},,1000`,
      // Someone with a near name at the address: doubtful.
      `account,${addDays(drop, 9)},NEW-2,,Pat,${c.last_name.slice(0, -1)}x,${c.address_line1},${c.zip},,500`,
      // A made-up person far away.
      `account,${addDays(drop, 9)},NEW-3,,Zed,Nobody,1 Nowhere Ln,00001,,500`,
      ...(spouse ? [`account,${addDays(drop, 4)},${spouse},,,,,,,200`] : []),
    ];
    writeFileSync(join(dir, 'responses.csv'), `${lines.join('\n')}\n`);
    const result = await importResponses(db, {
      file: join(dir, 'responses.csv'),
      profile: 'mainstreet-responses',
      runId,
      actor: 'test',
    });
    expect(result.rows).toBe(lines.length - 1);
    const mine = listResponses(db).filter((r) => r.import_id === result.import_id);
    const byRow = new Map(mine.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ match_rule: 'keycode', match_status: 'matched', kind: 'keycode' });
    expect(byRow.get(3)).toMatchObject({ match_rule: 'name_address', match_status: 'matched' });
    expect(byRow.get(3)!.match_score!).toBeGreaterThanOrEqual(0.9);
    expect(byRow.get(4)).toMatchObject({ match_rule: 'name_address', match_status: 'doubtful' });
    expect(byRow.get(5)).toMatchObject({ match_rule: null, match_status: 'unmatched' });
    if (spouse) expect(byRow.get(6)).toMatchObject({ match_rule: 'household', match_status: 'matched' });
    expect(result.doubtful).toBe(1);

    const before = campaignReport(db, runId).totals.responders_mailed;
    decideMatch(db, byRow.get(4)!.id, 'confirmed', 'test');
    expect(listResponses(db, 'confirmed').map((r) => r.id)).toEqual([byRow.get(4)!.id]);
    // Confirmed: it counts (its household had not responded yet).
    expect(campaignReport(db, runId).totals.responders_mailed).toBeGreaterThanOrEqual(before);
    expect(() => decideMatch(db, byRow.get(2)!.id, 'rejected', 'test')).toThrow(/not matched by name and address/);
  });

  it('takes new accounts of the next core export, already imported, as responses once each', () => {
    const mailed = runRecipients(db, runId).filter((r) => r.group === 'mailed');
    const product = listOffers(db).find((o) => o.code === 'CD-12')!.product_code;
    const account = db
      .prepare(
        `INSERT INTO accounts (account_number, product_code, open_date, status, balance_cents) VALUES ('CORE-NEW-1', ?, ?, 'OPEN', 250000)`,
      )
      .run(product, addDays(drop, 12)).lastInsertRowid as number;
    db.prepare(`INSERT INTO account_owners (account_id, customer_id, role) VALUES (?, ?, 'owner')`).run(
      account,
      mailed.at(-1)!.customer_id,
    );
    const out = cli('responses', 'scan', '--db', path, '--run', String(runId), '--json');
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({ rows: 1, matched: 1, unmatched: 0, match_rate: 1 });
    expect(
      listResponses(db, 'matched').find(
        (r) =>
          r.customer_number !== null &&
          r.product_code === product &&
          r.kind === 'account' &&
          r.response_date === addDays(drop, 12),
      ),
    ).toBeTruthy();
    // Scanned again: nothing new.
    expect(JSON.parse(cli('responses', 'scan', '--db', path, '--run', String(runId), '--json').stdout)).toMatchObject({
      rows: 0,
    });
  });

  it('refuses a bad file whole, naming the file, row, column and value, and stores nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), `${ACCOUNT_HEADER}\nB1,CHK-FREE,0001001,2026-13-45,OPEN,10\n`);
    const count = () => db.prepare('SELECT count(*) FROM responses').pluck().get() as number;
    const before = count();
    await expect(
      importResponses(db, { file: join(dir, 'bad.csv'), profile: 'mainstreet-standard', runId, actor: 'test' }),
    ).rejects.toThrow(/bad\.csv, row 2, column open_date, value "2026-13-45"/);
    expect(count()).toBe(before);
    await expect(
      importResponses(db, { file: join(dir, 'bad.csv'), profile: 'no-such', runId, actor: 'test' }),
    ).rejects.toThrow(/No profile named "no-such"/);
  });
});

describe('attribution when two campaigns touched a household', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-attribution-'));
  const path = join(dir, 'bank.sqlite');
  let db: Db;
  let runA: number;
  let runB: number;

  /** Two final runs of CHK-DD a month apart, with crafted households and responses. */
  beforeAll(async () => {
    await buildDemoBank({ dbPath: path, customers: 600, seed: 3 });
    db = openDatabase(path);
    const offer = listOffers(db).find((o) => o.code === 'CHK-DD')!;
    const audience = db.prepare('SELECT id FROM audiences LIMIT 1').pluck().get() as number;
    // Households holding no checking account (else their response would not count).
    const people = db
      .prepare(
        `SELECT c.id, c.household_id FROM customers c WHERE c.household_id NOT IN (
           SELECT c2.household_id FROM customers c2 JOIN account_owners o ON o.customer_id = c2.id
           JOIN accounts a ON a.id = o.account_id JOIN products p ON p.code = a.product_code WHERE p.family = 'checking')
         GROUP BY c.household_id LIMIT 4`,
      )
      .all() as { id: number; household_id: number }[];
    expect(people).toHaveLength(4);
    const run = (month: string, drop: string) =>
      db
        .prepare(
          `INSERT INTO runs (month, status, seed, control_share, drop_date, summary, created_at, created_by, finalized_at, finalized_by)
           VALUES (?, 'final', 1, 0.5, ?, ?, '2030-12-01', 'test', '2030-12-01', 'test')`,
        )
        .run(month, drop, JSON.stringify({ cells: [], waterfall: [] })).lastInsertRowid as number;
    runA = run('2031-01', '2031-01-01');
    runB = run('2031-02', '2031-02-01');
    const piece = db.prepare(
      `INSERT INTO run_recipients (run_id, customer_id, household_id, audience_id, offer_id, grp, keycode) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const [h1, h2, h3, h4] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    piece.run(runA, h1.id, h1.household_id, audience, offer.id, 'mailed', 'A1');
    piece.run(runA, h2.id, h2.household_id, audience, offer.id, 'mailed', 'A2');
    piece.run(runA, h4.id, h4.household_id, audience, offer.id, 'mailed', 'A4');
    piece.run(runB, h1.id, h1.household_id, audience, offer.id, 'mailed', 'B1');
    piece.run(runB, h3.id, h3.household_id, audience, offer.id, 'control', 'B3');
    const importId = db
      .prepare(
        `INSERT INTO response_imports (file, profile, run_id, fingerprint, rows, not_responses, matched, unmatched, imported_at, imported_by)
         VALUES ('crafted.csv', 'mainstreet-responses', NULL, 'x', 4, 0, 4, 0, '2031-07-01', 'test')`,
      )
      .run().lastInsertRowid as number;
    const response = db.prepare(
      `INSERT INTO responses (import_id, row, kind, response_date, account_number, product_code, family, customer_id, household_id,
         opening_balance_cents, match_rule, match_score, match_status)
       VALUES (?, ?, 'account', ?, ?, ?, 'checking', ?, ?, 100000, 'customer_number', 1, 'matched')`,
    );
    // h1: in both windows (A's runs to April, B's starts Feb 1); h2: A only; h3: B's control; h4: after every window.
    response.run(importId, 2, '2031-02-10', 'X1', offer.product_code, h1.id, h1.household_id);
    response.run(importId, 3, '2031-01-15', 'X2', offer.product_code, h2.id, h2.household_id);
    response.run(importId, 4, '2031-02-05', 'X3', offer.product_code, h3.id, h3.household_id);
    response.run(importId, 5, '2031-12-30', 'X4', offer.product_code, h4.id, h4.household_id);
    expect(offer.response_days).toBeGreaterThanOrEqual(60);
    expect(offer.response_days).toBeLessThan(330);
  }, 240_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('last touch (the default) gives the shared response to the later drop', () => {
    const a = campaignReport(db, runA);
    const b = campaignReport(db, runB);
    expect(a.attribution).toBe('last');
    expect(a.totals).toMatchObject({ mailed: 3, responders_mailed: 1 });
    expect(a.quality).toMatchObject({ responses: 3, other_campaigns: 1, outside_window: 1 });
    expect(b.totals).toMatchObject({ mailed: 1, control: 1, responders_mailed: 1, responders_control: 1 });
  });

  it('first touch gives it to the earlier drop', () => {
    expect(campaignReport(db, runA, 'first').totals).toMatchObject({ responders_mailed: 2 });
    const b = campaignReport(db, runB, 'first');
    expect(b.totals).toMatchObject({ responders_mailed: 0, responders_control: 1 });
    expect(b.quality.other_campaigns).toBe(1);
  });

  it('equal split gives each drop half, balances split the same way', () => {
    const a = campaignReport(db, runA, 'equal');
    const b = campaignReport(db, runB, 'equal');
    expect(a.totals.responders_mailed).toBe(1.5);
    expect(b.totals.responders_mailed).toBe(0.5);
    expect(a.totals.balance_mailed_cents).toBe(150_000);
    expect(b.totals.balance_mailed_cents).toBe(50_000);
    expect(a.attribution_words).toMatch(/^equal split/);
  });

  it('does not count a response for a kind of product the household held at the drop', () => {
    const household = db
      .prepare('SELECT household_id FROM run_recipients WHERE keycode = ?')
      .pluck()
      .get('A2') as number;
    const customer = db.prepare('SELECT customer_id FROM run_recipients WHERE keycode = ?').pluck().get('A2') as number;
    const product = listOffers(db).find((o) => o.code === 'CHK-DD')!.product_code;
    const account = db
      .prepare(
        `INSERT INTO accounts (account_number, product_code, open_date, status, balance_cents) VALUES ('OLD-CHK', ?, '2020-01-01', 'OPEN', 500)`,
      )
      .run(product).lastInsertRowid as number;
    db.prepare(`INSERT INTO account_owners (account_id, customer_id, role) VALUES (?, ?, 'owner')`).run(
      account,
      customer,
    );
    const a = campaignReport(db, runA);
    expect(a.quality.already_held).toBe(1);
    expect(a.totals.responders_mailed).toBe(0);
    expect(household).toBeGreaterThan(0);
  });
});
