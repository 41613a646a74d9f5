/** The plan's calls as the Matrix screen makes them, through browser mode's real API. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_TEMPLATE } from '../../src-main/plan/sample-plan';
import { callApi as call, useTestServer } from '../helpers/test-server';

describe('the plan API', () => {
  const start = useTestServer();

  it('builds a matrix, projects it, runs a month into a folder, previews a letter and finalizes the run', async () => {
    const s = await start();
    const template = await call(s, 'templates:save', { name: 'Standard letter', body: STANDARD_TEMPLATE });
    const offer = await call(s, 'offers:save', {
      offer: {
        code: 'SAV-UP',
        product_code: 'SAV-REG',
        name: 'Savings, better rate',
        headline: 'Earn more on your savings.',
        body: 'Our savings account pays {{offer.apy}}% APY.',
        channels: { mail: 0.6, email: 0.02 },
        template_id: template.id,
        apy: 4.25,
      },
    });
    expect(offer.disclosures).toEqual([expect.stringMatching(/^APY/), 'Member FDIC.']);
    const audience = await call(s, 'audience:create', { name: 'Everyone', draft: { rule: { all: [] } } });
    const version = audience.versions[0]!.id;
    await call(s, 'audience:submit', { version_id: version });
    await call(s, 'audience:approve', { version_id: version, approver: 'Carol Reyes' });
    await call(s, 'plan:settings', { start_month: '2026-12', months: 12, control_share: 0.25, budget: 5000 });
    expect((await call(s, 'plan:add-row', { audience_id: audience.id }))[0]).toMatchObject({
      audience: 'Everyone',
      priority: 1,
      approved_version: 1,
    });
    await call(s, 'plan:set-cell', { month: '2026-12', audience_id: audience.id, offer_id: offer.id });
    const view = await call(s, 'plan:get', {});
    expect(view.months).toHaveLength(12);
    expect(view.cells).toEqual([{ month: '2026-12', audience_id: audience.id, offer_id: offer.id }]);
    expect(view.settings).toMatchObject({ control_share: 0.25, budget: 5000, offers_per_household: 1 });

    const overlap = await call(s, 'plan:overlap', {});
    expect(overlap.audiences).toEqual([{ audience_id: audience.id, name: 'Everyone', households: expect.any(Number) }]);
    expect(overlap.audiences[0]!.households).toBeGreaterThan(0);
    expect(overlap.pairs).toEqual([]);
    const projection = await call(s, 'plan:projections', {});
    expect(projection.cells[0]).toMatchObject({ month: '2026-12', rate_from_results: false });
    expect(projection.year.budget).toBe(5000);

    const calibration = await call(s, 'plan:calibration', {});
    expect(calibration).toMatchObject({ file_name: 'envelope-calibration.pdf', mime: 'application/pdf' });
    expect(Buffer.from(calibration.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const preview = await call(s, 'plan:preview', { offer_id: offer.id, customer: '0001001' });
    expect(Buffer.from(preview.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const out = mkdtempSync(join(tmpdir(), 'mainstreet-plan-api-'));
    try {
      const job = await call(s, 'plan:run-month', { month: '2026-12', out_dir: out, seed: 3 });
      await s.context.jobs.wait(job.id);
      const run = await call(s, 'plan:run-outcome', { job_id: job.id });
      expect(run?.cells[0]).toMatchObject({ audience: 'Everyone', offer: 'SAV-UP' });
      expect(run!.files.every((f) => existsSync(f))).toBe(true);
      const page = await call(s, 'plan:recipients', { run_id: run!.run_id });
      expect(page.total).toBe(run!.cells[0]!.mailed + run!.cells[0]!.control);
      expect((await call(s, 'plan:runs', {}))[0]).toMatchObject({ run_id: run!.run_id, status: 'review' });
      expect(await call(s, 'plan:finalize', { run_id: run!.run_id })).toMatchObject({ status: 'final' });
      await expect(call(s, 'plan:run-month', { month: '2026-12', out_dir: out })).rejects.toThrow(
        /already run and finalized/,
      );

      // Responses to it, through the measure calls: imported, reported, exported, taken back.
      const file = join(out, 'responses.csv');
      writeFileSync(
        file,
        'response_type,response_date,customer_number,product_code,opening_balance\naccount,2026-12-20,0001001,SAV-REG,1500.00\naccount,2026-11-20,0001001,SAV-REG,1.00\n',
      );
      const imported = await call(s, 'responses:import', {
        path: file,
        profile: 'mainstreet-responses',
        run_id: run!.run_id,
      });
      // The four-customer bank's run mails no one this customer's household: a response, not matched.
      expect(imported).toMatchObject({ rows: 2, not_responses: 1, matched: 0, unmatched: 1, match_rate: 0 });
      expect(await call(s, 'responses:list', { status: 'unmatched' })).toEqual([
        expect.objectContaining({ customer_number: '0001001', match_rule: null, family: 'savings' }),
      ]);
      const report = await call(s, 'report:campaign', { run_id: run!.run_id });
      expect(report.attribution).toBe('last');
      expect(report.totals.mailed).toBe(run!.cells[0]!.mailed);
      expect(report.quality).toMatchObject({ unmatched: 1, match_rate: 0 });
      expect(await call(s, 'report:campaign', { run_id: run!.run_id, branch: 'NOPE' })).toMatchObject({
        branch: 'NOPE',
        totals: { mailed: 0, control: 0 },
      });
      expect((await call(s, 'report:overview', {}))[0]).toMatchObject({ run_id: run!.run_id, responses: 0 });
      const pdf = await call(s, 'report:export', { run_id: run!.run_id, format: 'pdf' });
      expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect((await call(s, 'report:export', { run_id: run!.run_id, format: 'xlsx' })).file_name).toMatch(/\.xlsx$/);
      await expect(
        call(s, 'responses:import', { path: join(out, 'none.csv'), profile: 'mainstreet-responses' }),
      ).rejects.toThrow(/No file at/);
      expect(await call(s, 'responses:delete-import', { import_id: imported.import_id })).toEqual([]);
      expect(await call(s, 'responses:list', {})).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses bad input with what to write instead', async () => {
    const s = await start();
    await expect(call(s, 'plan:set-cell', { month: '2026-13', audience_id: 1, offer_id: 1 })).rejects.toThrow(
      /YYYY-MM/,
    );
    await expect(
      call(s, 'offers:save', {
        offer: {
          code: 'cd 12',
          product_code: 'X',
          name: 'n',
          headline: 'h',
          body: 'b',
          channels: {},
          template_id: null,
        },
      }),
    ).rejects.toThrow(/capital letters/);
    await expect(call(s, 'plan:run-month', { month: '2027-01', out_dir: tmpdir() })).rejects.toThrow(
      /No offer is planned for 2027-01/,
    );
    await expect(call(s, 'plan:add-row', { audience_id: 99 })).rejects.toThrow(/no approved version/);
    await expect(call(s, 'plan:remove-row', { audience_id: 99 })).rejects.toThrow(/not a row of the plan/);
  });
});
