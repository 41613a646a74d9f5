/** The audit log in words a reviewer reads: what was done, to which record, when. */
import type { AuditRow } from '../../src-shared/audit-log';

/** The actions the main process records (src-main: every `audit(db, { action })`). */
const ACTIONS: Record<string, string> = {
  import: 'Imported files',
  'import.rollback': 'Rolled back an import',
  'profile.save': 'Saved a mapping profile',
  'profile.replace': 'Replaced a mapping profile',
  'profile.delete': 'Deleted a mapping profile',
  backup: 'Backed up the database',
  'households.rule': 'Changed the household rule',
  'merchant_rules.save': 'Saved the merchant rules',
  'bank.names': 'Changed the bank’s names',
  'kli.create': 'Created a KLI',
  'kli.update': 'Edited a KLI',
  'kli.delete': 'Deleted a KLI',
  'kli.tune': 'Tuned a KLI',
  'kli.restore': 'Restored a KLI’s defaults',
  'kli.compute': 'Computed the KLIs',
  'audience.create': 'Created an audience',
  'audience.edit': 'Edited an audience',
  'audience.new_version': 'Started a new audience version',
  'audience.submit': 'Submitted an audience for approval',
  'audience.approve': 'Approved an audience',
  'audience.return': 'Returned an audience',
  'audience.retire': 'Retired an audience',
  'suppression_list.import': 'Loaded a suppression list',
  'suppression_list.replace': 'Replaced a suppression list',
  'suppression_list.delete': 'Deleted a suppression list',
  'customer_marks.import': 'Loaded customer marks',
  'triggers.save': 'Saved the triggers',
  'triggers.run': 'Ran the triggers',
  'triggers.run_after_import': 'Ran the triggers after an import',
  'scores.train': 'Trained the next-product scores',
  'offer.create': 'Created an offer',
  'offer.update': 'Edited an offer',
  'template.save': 'Saved a letter template',
  'economics.set': 'Changed a product’s economics',
  'plan.settings': 'Changed the plan’s settings',
  'plan.months': 'Changed the plan’s months',
  'plan.add-row': 'Added an audience to the matrix',
  'plan.remove-row': 'Took an audience off the matrix',
  'plan.reorder': 'Reordered the matrix',
  'plan.cell': 'Changed a matrix cell',
  'run.create': 'Ran a month',
  'run.finalize': 'Finalized a month run',
  'responses.import': 'Imported a response file',
  'responses.delete-import': 'Took back a response import',
  'responses.confirm': 'Confirmed a doubtful match',
  'responses.reject': 'Rejected a doubtful match',
  'history.import': 'Imported a campaign history',
  'history.delete': 'Deleted a campaign history',
  restore: 'Restored a backup (command line)',
  'backup.restore': 'Restored a backup',
  'person.add': 'Added a person',
  'person.change': 'Changed a person',
  'person.remove': 'Removed a person',
  'person.sign-in': 'Signed in',
  'person.sign-in-refused': 'Sign-in refused (wrong PIN)',
  'settings.four-eyes': 'Changed the four-eyes rule',
  'settings.retention': 'Changed the retention policy',
  'retention.purge': 'Purged records past retention',
  'customer.erase': 'Erased a customer on request',
  'export.warned': 'Was warned before saving personal data',
  'export.saved': 'Saved files with personal data',
};

const ENTITIES: Record<string, string> = {
  kli: 'KLI',
  mapping_profile: 'Mapping profile',
  trigger_hits: 'Trigger hits',
};

/** Every action this screen words (a test checks each action the main process records is here). */
export const KNOWN_ACTIONS: readonly string[] = Object.keys(ACTIONS);

/** "Approved an audience"; an action this screen does not know yet shows as recorded. */
export function actionWords(action: string): string {
  return ACTIONS[action] ?? action;
}

/** "Audience", "Mapping profile", "KLI"; unknown kinds read from their name ("suppression_list"). */
export function entityWords(entity: string): string {
  const known = ENTITIES[entity];
  if (known) return known;
  const words = entity.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Audience #3", "Settings · bank_names", "Database". */
export function recordWords(row: Pick<AuditRow, 'entity' | 'entity_id'>): string {
  const kind = entityWords(row.entity);
  if (!row.entity_id) return kind;
  return /^\d+$/.test(row.entity_id) ? `${kind} #${row.entity_id}` : `${kind} · ${row.entity_id}`;
}

function validDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The day in this computer's time zone: "Nov 23, 2026". */
export function localDay(iso: string): string {
  return validDate(iso)?.toLocaleDateString('en-US', { dateStyle: 'medium' }) ?? iso;
}

/** The time of day in this computer's time zone: "2:27:05 PM" (seconds: two edits can share a minute). */
export function localTime(iso: string): string {
  return validDate(iso)?.toLocaleTimeString('en-US', { timeStyle: 'medium' }) ?? '';
}
