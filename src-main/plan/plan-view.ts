/**
 * The plan as the Matrix screen reads and changes it: everything in one view, the plan's
 * settings, the runs, a page of a run's recipients, and one merged letter as a preview.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DownloadFile } from '../../src-shared/imports';
import { type PlanSettings, type PlanView, type RecipientRow, type RunSummary } from '../../src-shared/plan';
import { AppError } from '../app/errors';
import { findCustomer } from '../audience/explain';
import { setSetting } from '../bank/stats';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import {
  listEconomics,
  listOffers,
  listTemplates,
  planCells,
  planMonths,
  planRows,
  planSettings,
  setPlanMonths,
} from './plan-store';
import { getRun } from './run-month';
import { writeCalibrationPdf } from './letters';
import { letterStyle, renderPreviewLetter } from './run-files';

export function setPlanSettings(db: Db, change: Partial<PlanSettings>, actor: string): PlanSettings {
  const before = planSettings(db);
  db.transaction(() => {
    if (change.start_month !== undefined || change.months !== undefined) {
      const start = change.start_month ?? before.start_month;
      if (!start) throw new AppError('invalid_input', 'Say the month the plan starts (YYYY-MM).');
      setPlanMonths(db, start, change.months ?? (before.months || 12), actor);
    }
    if (change.control_share !== undefined) {
      if (!(change.control_share >= 0 && change.control_share <= 0.5))
        throw new AppError('invalid_input', 'The control group is 0% to 50% of each cell.');
      setSetting(db, 'plan_control_share', String(change.control_share));
    }
    if (change.offers_per_household !== undefined) {
      if (![1, 2, 3].includes(change.offers_per_household))
        throw new AppError('invalid_input', 'A household gets 1, 2 or 3 offers a month.');
      setSetting(db, 'plan_offers_per_household', String(change.offers_per_household));
    }
    if (change.budget !== undefined) {
      if (change.budget === null) db.prepare("DELETE FROM settings WHERE key = 'plan_budget'").run();
      else if (!(change.budget >= 0))
        throw new AppError('invalid_input', 'The budget is an amount of dollars, 0 or more.');
      else setSetting(db, 'plan_budget', String(change.budget));
    }
    audit(db, { actor, action: 'plan.settings', entity: 'plan', detail: { before, after: planSettings(db) } });
  })();
  return planSettings(db);
}

export function planView(db: Db): PlanView {
  return {
    months: planMonths(db),
    rows: planRows(db),
    cells: planCells(db),
    offers: listOffers(db),
    templates: listTemplates(db),
    economics: listEconomics(db),
    settings: planSettings(db),
    audiences: db
      .prepare(
        `SELECT a.id, a.name FROM audiences a WHERE EXISTS (SELECT 1 FROM audience_versions v
           WHERE v.audience_id = a.id AND v.status = 'approved') ORDER BY a.name`,
      )
      .all() as { id: number; name: string }[],
  };
}

export function listRuns(db: Db): RunSummary[] {
  return (db.prepare('SELECT id FROM runs ORDER BY month DESC, id DESC').pluck().all() as number[]).map(
    (id) => getRun(db, id).summary,
  );
}

export function recipientsPage(
  db: Db,
  runId: number,
  page: number,
  pageSize: number,
): { rows: RecipientRow[]; total: number } {
  getRun(db, runId);
  const total = db.prepare('SELECT count(*) FROM run_recipients WHERE run_id = ?').pluck().get(runId) as number;
  const rows = db
    .prepare(
      `SELECT r.customer_id, r.household_id, a.name AS audience, o.code AS offer, r.grp AS "group", r.keycode,
              c.customer_number, trim(c.first_name || ' ' || c.last_name) AS name
       FROM run_recipients r JOIN audiences a ON a.id = r.audience_id JOIN offers o ON o.id = r.offer_id
       JOIN customers c ON c.id = r.customer_id
       WHERE r.run_id = ? ORDER BY r.keycode LIMIT ? OFFSET ?`,
    )
    .all(runId, pageSize, (page - 1) * pageSize) as RecipientRow[];
  return { rows, total };
}

/** A PDF written to a scratch folder by `write`, read back as a file to download. */
async function pdfDownload(fileName: string, write: (path: string) => Promise<unknown>): Promise<DownloadFile> {
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-pdf-'));
  try {
    const path = join(dir, 'file.pdf');
    await write(path);
    return { file_name: fileName, mime: 'application/pdf', base64: readFileSync(path).toString('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The envelope calibration page (letters.ts). */
export const calibrationPage = (db: Db): Promise<DownloadFile> =>
  pdfDownload('envelope-calibration.pdf', (path) => writeCalibrationPdf(path, letterStyle(db)));

/** One letter of an offer merged for a customer (by number or id), as a one-page PDF. */
export async function previewLetter(db: Db, offerId: number, customer: string): Promise<DownloadFile> {
  const offer = listOffers(db).find((o) => o.id === offerId);
  if (!offer) throw new AppError('not_found', `No offer ${offerId}.`);
  const found = findCustomer(db, customer);
  return pdfDownload(`${offer.code}-${found.customer_number}.pdf`, (path) =>
    renderPreviewLetter(db, offer, found.id, path),
  );
}
