/**
 * A digest of everything an evaluation's outcome depends on, read from small tables only:
 * the rules, the import history (every load and rollback changes it), the newest transaction
 * id, the merchant rules (saving them re-cleans categories) and the currency (evidence words).
 * Equal digests mean an evaluation would find what the last one found.
 */
import { createHash } from 'node:crypto';
import type { TriggerRule } from '../../src-shared/kli';
import type { Db } from '../db/open';
import { bankCurrency } from './money';

export function triggerFingerprint(db: Db, rules: TriggerRule[]): string {
  const imports = db
    .prepare(`SELECT group_concat(id || ':' || status, ',') FROM (SELECT id, status FROM imports ORDER BY id)`)
    .pluck()
    .get();
  const lastTransaction = db.prepare('SELECT MAX(id) FROM transactions').pluck().get();
  const merchantRules = db
    .prepare(
      `SELECT group_concat(pattern || '|' || match || '|' || merchant || '|' || category, char(10))
       FROM (SELECT * FROM merchant_rules ORDER BY position)`,
    )
    .pluck()
    .get();
  return createHash('sha256')
    .update(JSON.stringify([rules, imports, lastTransaction, merchantRules, bankCurrency(db)]))
    .digest('hex');
}
