/**
 * Privacy controls: where the data lives, erasing a customer on request (the ids and the audit
 * entry stay, the personal data goes), and the retention policy for response and contact
 * history, with FCRA prescreen lists kept three years before they are offered for purging.
 * Each step is the administrator's on a team, and audited with ids and counts only.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../src-shared/people';
import {
  EXPORT_KINDS,
  type DataLocation,
  type ErasurePreview,
  type PrivacyOverview,
  type PurgeKind,
  type RetentionPolicy,
} from '../../src-shared/privacy';
import { AppError } from '../app/errors';
import { backupsDir } from '../backup/auto';
import { backupKeyPath } from '../backup/passphrase';
import { getSetting, setSetting } from '../bank/stats';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { requireAdministrator } from '../people/people';
import { logsDir } from '../app/log';

export const PRESCREEN_YEARS = 3;
const DEFAULT_MONTHS = 36;

function sizeOf(path: string): number | null {
  if (!existsSync(path)) return null;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((sum, name) => sum + (sizeOf(join(path, name)) ?? 0), 0);
}

export function privacyOverview(db: Db, dbPath: string, dataDir: string): PrivacyOverview {
  const location = (what: string, path: string, personal: boolean, protection: string): DataLocation => ({
    what,
    path,
    size: sizeOf(path),
    holds_personal_data: personal,
    protection,
  });
  return {
    locations: [
      location(
        'The bank’s database',
        dbPath,
        true,
        'A file on this computer, readable by your user account; protect the laptop with full-disk encryption (BitLocker or FileVault).',
      ),
      location(
        'Backups',
        backupsDir(dataDir),
        true,
        'Encrypted with AES-256-GCM; useless without the backup key or passphrase.',
      ),
      location(
        'Backup key',
        backupKeyPath(dataDir),
        false,
        'Readable by your user account only. Keep a copy somewhere safe: without it the backups cannot be opened.',
      ),
      location('Logs', logsDir(dataDir), false, 'Ids, counts and error kinds only; never names or addresses. Rotated.'),
    ],
    exports: EXPORT_KINDS,
    erased_customers: db.prepare('SELECT COUNT(*) FROM customers WHERE erased_at IS NOT NULL').pluck().get() as number,
  };
}

interface CustomerRow {
  id: number;
  customer_number: string;
  first_name: string;
  last_name: string;
  erased_at: string | null;
}

function findCustomer(db: Db, customerNumber: string): CustomerRow {
  const row = db
    .prepare('SELECT id, customer_number, first_name, last_name, erased_at FROM customers WHERE customer_number = ?')
    .get(customerNumber.trim()) as CustomerRow | undefined;
  if (!row) throw new AppError('not_found', `No customer with number ${customerNumber.trim()}. Check the number.`);
  return row;
}

/** Quarantined rows keep the file's text, which may name the customer. */
const QUARANTINE_MATCH = "record LIKE '%\"' || ? || '\"%'";

export function erasurePreview(db: Db, customerNumber: string): ErasurePreview {
  const c = findCustomer(db, customerNumber);
  const count = (sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  return {
    customer_id: c.id,
    customer_number: c.customer_number,
    name: `${c.first_name} ${c.last_name}`.trim(),
    accounts: count('SELECT COUNT(*) FROM account_owners WHERE customer_id = ?', c.id),
    responses: count('SELECT COUNT(*) FROM responses WHERE customer_id = ?', c.id),
    contacts: count('SELECT COUNT(*) FROM contact_history WHERE customer_id = ?', c.id),
    quarantined_rows: count(`SELECT COUNT(*) FROM quarantine WHERE ${QUARANTINE_MATCH}`, c.customer_number),
    already_erased: c.erased_at !== null,
  };
}

/**
 * Erases a customer's personal data on request: name, address, phone, email, birth date and
 * gender are blanked, the raw rows quarantined with them removed, and the response rows' copies
 * of name and address cleared. The customer's id and number stay, so counts, past runs and the
 * audit trail still add up; they are marked do-not-solicit and do-not-mail so no audience picks
 * them again.
 */
export function eraseCustomer(db: Db, customerNumber: string, signedIn: Person | null, actor: string): ErasurePreview {
  requireAdministrator(db, signedIn, 'erase a customer');
  return db.transaction(() => {
    const before = erasurePreview(db, customerNumber);
    if (before.already_erased)
      throw new AppError('invalid_input', `Customer ${before.customer_number} is already erased.`);
    const at = new Date().toISOString();
    db.prepare(
      `UPDATE customers SET first_name = 'Erased', last_name = 'customer', birth_date = NULL, gender = NULL,
         address_line1 = '', address_line2 = NULL, city = '', state = '', zip = '', phone = NULL, email = NULL,
         tax_id_hash = NULL, do_not_solicit = 1, do_not_mail = 1, search_text = lower(customer_number),
         sort_name = 'erased', erased_at = ?
       WHERE id = ?`,
    ).run(at, before.customer_id);
    db.prepare('UPDATE responses SET name = NULL, address = NULL WHERE customer_id = ?').run(before.customer_id);
    // An import's undo journal keeps the row as it was: rolling that import back must not bring
    // the personal data back.
    db.prepare(
      `UPDATE import_undo SET before = json_set(before, '$.first_name', 'Erased', '$.last_name', 'customer',
         '$.birth_date', NULL, '$.gender', NULL, '$.address_line1', '', '$.address_line2', NULL, '$.city', '',
         '$.state', '', '$.zip', '', '$.phone', NULL, '$.email', NULL, '$.tax_id_hash', NULL,
         '$.search_text', lower(json_extract(before, '$.customer_number')), '$.sort_name', 'erased',
         '$.do_not_solicit', 1, '$.do_not_mail', 1, '$.erased_at', ?)
       WHERE table_name = 'customers' AND row_key = ? AND before IS NOT NULL`,
    ).run(at, JSON.stringify([before.customer_id]));
    db.prepare(`DELETE FROM quarantine WHERE ${QUARANTINE_MATCH}`).run(before.customer_number);
    audit(db, {
      actor,
      action: 'customer.erase',
      entity: 'customer',
      entity_id: String(before.customer_id),
      detail: {
        customer_number: before.customer_number,
        responses_cleared: before.responses,
        quarantined_rows_removed: before.quarantined_rows,
      },
    });
    return { ...erasurePreview(db, customerNumber), name: '' };
  })();
}

function monthsSetting(db: Db, key: string): number {
  const value = Number(getSetting(db, key));
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MONTHS;
}

function monthsBefore(now: Date, months: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()))
    .toISOString()
    .slice(0, 10);
}

export function retentionPolicy(db: Db, now = new Date()): RetentionPolicy {
  const responses_months = monthsSetting(db, 'retention_responses_months');
  const contacts_months = monthsSetting(db, 'retention_contacts_months');
  const count = (sql: string, cutoff: string) => db.prepare(sql).pluck().get(cutoff) as number;
  return {
    responses_months,
    contacts_months,
    prescreen_years: PRESCREEN_YEARS,
    due: {
      responses: count('SELECT COUNT(*) FROM responses WHERE response_date < ?', monthsBefore(now, responses_months)),
      contacts: count(
        'SELECT COUNT(*) FROM contact_history WHERE contacted_on < ?',
        monthsBefore(now, contacts_months),
      ),
      prescreen_runs: db
        .prepare(
          `SELECT r.id AS run_id, r.month, r.drop_date, COUNT(*) AS recipients
           FROM runs r JOIN run_recipients rr ON rr.run_id = r.id JOIN offers o ON o.id = rr.offer_id
           WHERE o.prescreened = 1 AND r.drop_date < ?
           GROUP BY r.id ORDER BY r.drop_date`,
        )
        .all(monthsBefore(now, PRESCREEN_YEARS * 12)) as RetentionPolicy['due']['prescreen_runs'],
    },
  };
}

export function setRetention(
  db: Db,
  change: { responses_months: number; contacts_months: number },
  signedIn: Person | null,
  actor: string,
): RetentionPolicy {
  requireAdministrator(db, signedIn, 'change the retention policy');
  const before = retentionPolicy(db);
  setSetting(db, 'retention_responses_months', String(change.responses_months));
  setSetting(db, 'retention_contacts_months', String(change.contacts_months));
  audit(db, {
    actor,
    action: 'settings.retention',
    entity: 'settings',
    detail: {
      before: { responses_months: before.responses_months, contacts_months: before.contacts_months },
      after: change,
    },
  });
  return retentionPolicy(db);
}

/** Removes what the policy says is due; the prescreen lists only once past FCRA's three years. */
export function purgeDue(
  db: Db,
  kind: PurgeKind,
  signedIn: Person | null,
  actor: string,
  now = new Date(),
): RetentionPolicy {
  requireAdministrator(db, signedIn, 'purge records');
  db.transaction(() => {
    const policy = retentionPolicy(db, now);
    let removed: number;
    if (kind === 'responses') {
      removed = db
        .prepare('DELETE FROM responses WHERE response_date < ?')
        .run(monthsBefore(now, policy.responses_months)).changes;
    } else if (kind === 'contacts') {
      removed = db
        .prepare('DELETE FROM contact_history WHERE contacted_on < ?')
        .run(monthsBefore(now, policy.contacts_months)).changes;
    } else {
      const runs = policy.due.prescreen_runs.map((r) => r.run_id);
      const del = db.prepare(
        'DELETE FROM run_recipients WHERE run_id = ? AND offer_id IN (SELECT id FROM offers WHERE prescreened = 1)',
      );
      removed = runs.reduce((sum, id) => sum + del.run(id).changes, 0);
    }
    audit(db, { actor, action: `retention.purge`, entity: 'retention', entity_id: kind, detail: { removed } });
  })();
  return retentionPolicy(db, now);
}
