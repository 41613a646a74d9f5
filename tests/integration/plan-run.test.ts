/**
 * A month run on the demo bank's sample plan: who gets a piece (priority, one offer a household,
 * no offer for a family the household holds), the control group (random, reproducible from the
 * seed, within a point of the share in every cell), keycodes and contact history, pre-flight
 * refusals, and the files checked with real tools (poppler, exceljs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveVersion, createAudience, retireVersion, submitVersion } from '../../src-main/audience/store';
import { buildDemoBank } from '../../src-main/bank/demo-bank';
import { openDatabase, type Db } from '../../src-main/db/open';
import { WINDOWS } from '../../src-main/plan/letters';
import {
  addPlanRow,
  listOffers,
  planListing,
  planRows,
  removePlanRow,
  saveTemplate,
  setPlanCell,
} from '../../src-main/plan/plan-store';
import { renderRunLetters, writeRunFiles } from '../../src-main/plan/run-files';
import { finalizeRun, keycode, luhnDigit, runMonth, runRecipients } from '../../src-main/plan/run-month';
import { cli } from '../helpers/cli';

describe('a month run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-plan-'));
  const path = join(dir, 'bank.sqlite');
  let db: Db;
  let first: string;

  beforeAll(async () => {
    await buildDemoBank({ dbPath: path, customers: 2000, seed: 7 });
    db = openDatabase(path);
    first = planListing(db).months[0]!;
  }, 180_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('comes with a sample plan: three approved audiences, checking, home equity and CD offers, twelve months after the data', () => {
    const plan = planListing(db);
    const last = db.prepare('SELECT max(posted_date) FROM transactions').pluck().get() as string;
    expect(plan.months).toHaveLength(12);
    expect(plan.months[0]! > last.slice(0, 7)).toBe(true);
    expect(planRows(db).every((r) => r.approved_version !== null)).toBe(true);
    expect(planRows(db)).toHaveLength(3);
    const families = listOffers(db).map(
      (o) => db.prepare('SELECT family FROM products WHERE code = ?').pluck().get(o.product_code) as string,
    );
    expect(families.sort()).toEqual(['cd', 'checking', 'heloc']);
    expect(plan.cells.filter((c) => c.month === first)).toHaveLength(3);
    const deposit = listOffers(db).find((o) => o.code === 'CD-12')!;
    expect(deposit.disclosures).toEqual([expect.stringMatching(/^APY = Annual Percentage Yield/), 'Member FDIC.']);
    expect(listOffers(db).find((o) => o.code === 'HELOC-EQ')!.disclosures).toEqual(['Equal Housing Lender.']);
  });

  it('picks recipients by priority, one offer a household, none for a kind of product the household holds', () => {
    const run = runMonth(db, { month: first, actor: 'test', seed: 42 });
    const recipients = runRecipients(db, run.run_id);
    const households = recipients.map((r) => r.household_id);
    expect(new Set(households).size).toBe(households.length);
    const holds = db.prepare(
      `SELECT count(*) FROM customers c JOIN account_owners o ON o.customer_id = c.id JOIN accounts a ON a.id = o.account_id
       JOIN products p ON p.code = a.product_code JOIN offers f ON f.code = ?
       JOIN products q ON q.code = f.product_code
       WHERE c.household_id = ? AND p.family = q.family AND a.status IN ('OPEN', 'DORMANT')`,
    );
    for (const r of recipients.slice(0, 300)) expect(holds.pluck().get(r.offer, r.household_id)).toBe(0);
    // The waterfall adds up to the pieces mailed.
    let remaining = run.waterfall[0]!.remaining;
    for (const step of run.waterfall.slice(1)) {
      expect(step.remaining).toBe(remaining - step.removed);
      remaining = step.remaining;
    }
    expect(remaining).toBe(run.cells.reduce((sum, c) => sum + c.mailed, 0));
    expect(recipients.filter((r) => r.group === 'mailed')).toHaveLength(remaining);
  });

  it('holds out a control group within a point of the share in every cell, the same for the same seed', () => {
    const a = runMonth(db, { month: first, actor: 'test', seed: 7, controlShare: 0.2 });
    for (const cell of a.cells) {
      const share = cell.control / (cell.control + cell.mailed);
      expect(Math.abs(share - 0.2)).toBeLessThanOrEqual(0.01);
    }
    const control = (id: number) =>
      runRecipients(db, id)
        .filter((r) => r.group === 'control')
        .map((r) => r.customer_id)
        .sort((x, y) => x - y);
    const first7 = control(a.run_id);
    const again = runMonth(db, { month: first, actor: 'test', seed: 7, controlShare: 0.2 });
    expect(control(again.run_id)).toEqual(first7);
    // A new review run replaces the last one.
    expect(db.prepare('SELECT count(*) FROM runs WHERE month = ?').pluck().get(first)).toBe(1);
    const other = runMonth(db, { month: first, actor: 'test', seed: 8, controlShare: 0.2 });
    const first8 = control(other.run_id);
    expect(first8).not.toEqual(first7);
    // Random, not the first or last households in any order: they overlap about as chance says.
    const overlap = first8.filter((id) => first7.includes(id)).length;
    expect(overlap).toBeLessThan(first7.length * 0.45);
  });

  it('gives every piece a keycode with a check digit', () => {
    expect(keycode('2026-12', 3, 42)).toBe(`K26120300042${luhnDigit('26120300042')}`);
    expect(luhnDigit('7992739871')).toBe(3);
    const run = runMonth(db, { month: first, actor: 'test', seed: 42 });
    const codes = runRecipients(db, run.run_id).map((r) => r.keycode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes.slice(0, 200)) {
      expect(code).toMatch(/^K\d{12}$/);
      expect(luhnDigit(code.slice(1, 12))).toBe(Number(code[12]));
    }
  });

  it('writes the letters a printer can mail and the channel files', async () => {
    const run = runMonth(db, { month: first, actor: 'test', seed: 42 });
    const out = join(dir, 'out');
    const files = await writeRunFiles(db, run.run_id, out, 'test');
    // The files hold personal data and leave the app: who saved them where is in the audit log.
    const saved = db.prepare("SELECT actor, entity_id, detail FROM audit_log WHERE action = 'export.saved'").get() as {
      actor: string;
      entity_id: string;
      detail: string;
    };
    expect(saved).toMatchObject({ actor: 'test', entity_id: String(run.run_id) });
    expect(JSON.parse(saved.detail)).toMatchObject({
      destination: out,
      personal_data: true,
      files: expect.arrayContaining([`letters-${first}.pdf`]),
    });
    const mailed = runRecipients(db, run.run_id).filter((r) => r.group === 'mailed');
    const pdf = files.find((f) => f.endsWith('.pdf'))!;
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${mailed.length}\\n`));
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/ yes yes /); // embedded, subset
    // The recipient's name and ZIP sit inside the envelope window, on the first pages and on some
    // past the 400th (the writer lets go of what it kept every 200 pages).
    const pageText = (from: number, to: number) =>
      execFileSync('pdftotext', ['-bbox', '-f', String(from), '-l', String(to), pdf, '-'], { encoding: 'utf8' })
        .split('<page ')
        .slice(1)
        .map((page, k) => ({ page, n: from - 1 + k }));
    expect(mailed.length).toBeGreaterThan(403);
    const pages = [...pageText(1, 5), ...pageText(401, 403)];
    expect(pages).toHaveLength(8);
    const win = WINDOWS.recipient;
    pages.forEach(({ page, n: i }) => {
      const customer = db.prepare('SELECT last_name, zip FROM customers WHERE id = ?').get(mailed[i]!.customer_id) as {
        last_name: string;
        zip: string;
      };
      for (const word of [
        customer.last_name
          .toUpperCase()
          .replace(/[^A-Z0-9 -]/g, ' ')
          .split(' ')[0]!,
        customer.zip.slice(0, 5),
      ]) {
        // The word may stand elsewhere too (a ZIP in the return address): one must be inside the window.
        const pattern = `xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`;
        const boxes = [...page.matchAll(new RegExp(pattern, 'g'))].map((m) => m.slice(1, 5).map(Number));
        const inside = boxes.filter(
          ([x0, y0, x1, y1]) => x0! >= win.x && x1! <= win.x + win.width && y0! >= win.y && y1! <= win.y + win.height,
        );
        expect(inside, `page ${i + 1}: ${word} at ${JSON.stringify(boxes)}`).toHaveLength(1);
      }
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files.find((f) => f.endsWith(`mail-file-${first}.xlsx`))!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(mailed.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(mailed[0]!.keycode);
    const lastLine = String(sheet.getRow(2).getCell(7).value);
    expect(lastLine).toMatch(/^[A-Z0-9 ]+ [A-Z]{2} \d{5}(-\d{4})?$/);
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(
      [
        `banner-${first}.csv`,
        `branch-leads-${first}.xlsx`,
        `email-${first}.csv`,
        `letters-${first}.pdf`,
        `mail-file-${first}.csv`,
        `mail-file-${first}.xlsx`,
      ].sort(),
    );
  }, 60_000);

  it('resolves conflicts by priority, and allows a second offer, in the same letter, when the plan says so', async () => {
    const month = '2030-01';
    const everyone = (name: string) => {
      const audience = createAudience(db, name, { rule: { field: 'state', op: '=', value: 'IA' } }, 'test');
      submitVersion(db, audience.versions[0]!.id, 'test');
      approveVersion(db, audience.versions[0]!.id, { approver: 'Test' }, 'test');
      addPlanRow(db, audience.id, 'test');
      return audience.id;
    };
    const [a, b] = [everyone('Iowa A'), everyone('Iowa B')];
    const offers = listOffers(db);
    const cd = offers.find((o) => o.code === 'CD-12')!;
    const checking = offers.find((o) => o.code === 'CHK-DD')!;
    setPlanCell(db, month, a, cd.id, 'test');
    setPlanCell(db, month, b, checking.id, 'test');
    const one = runMonth(db, { month, actor: 'test', seed: 1, controlShare: 0 });
    const recipients = runRecipients(db, one.run_id);
    const inA = new Set(recipients.filter((r) => r.audience === 'Iowa A').map((r) => r.household_id));
    const inB = recipients.filter((r) => r.audience === 'Iowa B').map((r) => r.household_id);
    expect(inA.size).toBeGreaterThan(0);
    expect(inB.some((h) => inA.has(h))).toBe(false);
    const step = one.waterfall.find((s) => s.step === 'Already offered by a higher-priority audience this month')!;
    expect(step.removed).toBeGreaterThan(0);
    const two = runMonth(db, { month, actor: 'test', seed: 1, controlShare: 0, offersPerHousehold: 2 });
    const both = runRecipients(db, two.run_id);
    const inB2 = both.filter((r) => r.audience === 'Iowa B').map((r) => r.household_id);
    expect(inB2.some((h) => inA.has(h))).toBe(true);
    expect(
      two.waterfall.find((s) => s.step === 'Already offered by a higher-priority audience this month')!.removed,
    ).toBe(0);
    // Two offers to one household come in one letter: a page per customer mailed, both offers on it.
    const pdf = join(dir, 'two-offers.pdf');
    const { pages } = await renderRunLetters(db, two.run_id, pdf);
    const mailedCustomers = new Set(both.filter((r) => r.group === 'mailed').map((r) => r.customer_id));
    expect(pages).toBe(mailedCustomers.size);
    expect(pages).toBeLessThan(both.length);
    const twice = both.find((r) => both.filter((x) => x.customer_id === r.customer_id).length === 2)!;
    const page = [...mailedCustomers].indexOf(twice.customer_id) + 1;
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain(cd.headline);
    expect(text).toContain(`Also for you: ${checking.headline}`);
    expect(text).toContain('Member FDIC.');
  });

  it('refuses to run with the reasons: no plan, an audience not approved, a template field no letter has', () => {
    expect(() => runMonth(db, { month: '2031-05', actor: 'test' })).toThrow(/No offer is planned for 2031-05/);
    expect(() => runMonth(db, { month: '2031-13', actor: 'test' })).toThrow(/not a month/);
    const month = '2031-06';
    const audience = createAudience(db, 'Retired soon', { rule: { all: [] } }, 'test');
    const version = audience.versions[0]!.id;
    submitVersion(db, version, 'test');
    approveVersion(db, version, { approver: 'Test' }, 'test');
    addPlanRow(db, audience.id, 'test');
    setPlanCell(db, month, audience.id, listOffers(db)[0]!.id, 'test');
    retireVersion(db, version, 'test');
    expect(() => runMonth(db, { month, actor: 'test' })).toThrow('The audience "Retired soon" has no approved version');
    const standard = db
      .prepare("SELECT body FROM letter_templates WHERE name = 'Standard letter'")
      .pluck()
      .get() as string;
    saveTemplate(db, 'Standard letter', 'Hello {{custmer.first_name}}', 'test');
    expect(() => runMonth(db, { month: first, actor: 'test' })).toThrow(
      /\{\{custmer\.first_name\}\}, which no letter has/,
    );
    saveTemplate(db, 'Standard letter', standard, 'test');
  });

  it('locks a final run, writes the mailed pieces’ contact history, and refuses to run the month again', () => {
    const run = runMonth(db, { month: first, actor: 'test', seed: 42 });
    const final = finalizeRun(db, run.run_id, 'test');
    expect(final.status).toBe('final');
    const mailed = runRecipients(db, run.run_id).filter((r) => r.group === 'mailed');
    const contacts = db
      .prepare("SELECT count(*) FROM contact_history WHERE contacted_on = ? AND channel = 'mail'")
      .pluck()
      .get(`${first}-01`);
    expect(contacts).toBe(mailed.length);
    expect(() => finalizeRun(db, run.run_id, 'test')).toThrow(/already final/);
    expect(() => runMonth(db, { month: first, actor: 'test' })).toThrow(/already run and finalized/);
    const logged = db.prepare("SELECT action FROM audit_log WHERE entity = 'run' ORDER BY id").pluck().all();
    expect(logged).toContain('run.finalize');
  });

  it('answers the CLI contracts: plan list, run-month, recipients', () => {
    const listed = JSON.parse(cli('plan', 'list', '--db', path, '--json').stdout);
    expect(Object.keys(listed).sort()).toEqual(['cells', 'months']);
    expect(Object.keys(listed.cells[0]).sort()).toEqual(['audience', 'month', 'offer']);
    const month = planListing(db).months[3]!;
    const ran = cli('plan', 'run-month', '--db', path, '--month', month, '--out', join(dir, 'cli'), '--json');
    expect(ran.stderr).toBe('');
    const result = JSON.parse(ran.stdout);
    expect(Object.keys(result).sort()).toEqual(['cells', 'files', 'run_id', 'waterfall']);
    expect(Object.keys(result.cells[0]).sort()).toEqual(['audience', 'control', 'eligible', 'mailed', 'offer']);
    expect(Object.keys(result.waterfall[0]).sort()).toEqual(['remaining', 'removed', 'step']);
    const recipients = JSON.parse(
      cli('plan', 'recipients', '--db', path, '--run', String(result.run_id), '--json').stdout,
    );
    expect(Object.keys(recipients[0]).sort()).toEqual([
      'audience',
      'customer_id',
      'group',
      'household_id',
      'keycode',
      'offer',
    ]);
    expect(recipients.filter((r: { group: string }) => r.group === 'mailed')).toHaveLength(
      result.cells.reduce((s: number, c: { mailed: number }) => s + c.mailed, 0),
    );
    const rendered = cli(
      'letters',
      'render',
      '--db',
      path,
      '--run',
      String(result.run_id),
      '--out',
      join(dir, 'again.pdf'),
    );
    expect(rendered.code).toBe(0);
    // One PDF a letter, named by keycode, when asked (on a small audience: one ZIP code).
    const zip = db
      .prepare("SELECT substr(zip, 1, 5) FROM customers WHERE state = 'IA' LIMIT 1")
      .pluck()
      .get() as string;
    const few = createAudience(db, 'One ZIP code', { rule: { field: 'zip', op: '=', value: zip } }, 'test');
    submitVersion(db, few.versions[0]!.id, 'test');
    approveVersion(db, few.versions[0]!.id, { approver: 'Test' }, 'test');
    addPlanRow(db, few.id, 'test');
    setPlanCell(db, '2032-01', few.id, listOffers(db)[0]!.id, 'test');
    const small = runMonth(db, { month: '2032-01', actor: 'test', seed: 1 });
    const each = join(dir, 'each');
    expect(cli('letters', 'render', '--db', path, '--run', String(small.run_id), '--each', each).code).toBe(0);
    const mailedCodes = runRecipients(db, small.run_id)
      .filter((r) => r.group === 'mailed')
      .map((r) => `${r.keycode}.pdf`)
      .sort();
    expect(mailedCodes.length).toBeGreaterThan(0);
    expect(readdirSync(each).sort()).toEqual(mailedCodes);
    expect(execFileSync('pdfinfo', [join(each, mailedCodes[0]!)], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const bad = cli('plan', 'run-month', '--db', path, '--month', 'next', '--out', join(dir, 'x'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/"next" is not a month/);
  }, 60_000);

  it('takes a row off the plan with its cells, moving the rows below up, and puts it back last', () => {
    const rows = planRows(db);
    const middle = rows[1]!;
    const cellsBefore = planListing(db).cells.filter((c) => c.audience === middle.audience).length;
    expect(cellsBefore).toBeGreaterThan(0);
    const after = removePlanRow(db, middle.audience_id, 'test');
    expect(after.map((r) => [r.audience_id, r.priority])).toEqual(
      rows.filter((r) => r !== middle).map((r, i) => [r.audience_id, i + 1]),
    );
    expect(planListing(db).cells.filter((c) => c.audience === middle.audience)).toEqual([]);
    const logged = db
      .prepare("SELECT detail FROM audit_log WHERE action = 'plan.remove-row' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(logged)).toEqual({ priority: 2, cells_emptied: cellsBefore });
    expect(addPlanRow(db, middle.audience_id, 'test').at(-1)).toMatchObject({
      audience_id: middle.audience_id,
      priority: rows.length,
    });
    expect(() => removePlanRow(db, 999_999, 'test')).toThrow(/not a row of the plan/);
  });
});
