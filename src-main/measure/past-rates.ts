/**
 * Response rates learned from the bank's own campaigns, for the matrix's projections: for each
 * offer (and each product family), the mailed response rate over the final runs that have had
 * responses imported for them. Rates from fewer than MIN_PIECES mailed pieces are too noisy to
 * plan on and are left out.
 */
import type { Db } from '../db/open';
import { campaignReport } from './report';

export const MIN_PIECES = 100;

export interface PastRate {
  rate: number;
  pieces: number;
  responders: number;
  /** The months it was measured on, oldest first. */
  months: string[];
}

export interface PastRates {
  byOffer: Map<string, PastRate>;
  byFamily: Map<string, PastRate>;
}

/** Final runs with responses imported for them (named, or imported for every final run after it). */
function measuredRunIds(db: Db): number[] {
  return db
    .prepare(
      `SELECT r.id FROM runs r WHERE r.status = 'final' AND EXISTS (
         SELECT 1 FROM response_imports i WHERE i.run_id = r.id OR (i.run_id IS NULL AND i.imported_at >= r.finalized_at))
       ORDER BY r.month`,
    )
    .pluck()
    .all() as number[];
}

function add(map: Map<string, PastRate>, key: string, month: string, pieces: number, responders: number): void {
  const r = map.get(key) ?? { rate: 0, pieces: 0, responders: 0, months: [] };
  r.pieces += pieces;
  r.responders += responders;
  if (!r.months.includes(month)) r.months.push(month);
  r.rate = r.pieces > 0 ? r.responders / r.pieces : 0;
  map.set(key, r);
}

export function pastRates(db: Db): PastRates {
  const byOffer = new Map<string, PastRate>();
  const byFamily = new Map<string, PastRate>();
  const familyOf = db.prepare(
    'SELECT p.family FROM offers o JOIN products p ON p.code = o.product_code WHERE o.code = ?',
  );
  for (const runId of measuredRunIds(db)) {
    const report = campaignReport(db, runId);
    for (const cell of report.cells) {
      add(byOffer, cell.offer, report.month, cell.mailed, cell.responders_mailed);
      const family = familyOf.pluck().get(cell.offer) as string | undefined;
      if (family) add(byFamily, family, report.month, cell.mailed, cell.responders_mailed);
    }
  }
  for (const map of [byOffer, byFamily]) for (const [k, v] of map) if (v.pieces < MIN_PIECES) map.delete(k);
  return { byOffer, byFamily };
}
