import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { auditLogFile, readAuditLog } from '../exports/audit-log';
import { CliError, intOption, openExistingDb } from './cli-error';

export const AUDIT_USAGE = `mainstreet audit --db FILE [--entity NAME] [--limit N] [--json] [--out FILE.csv|FILE.xlsx]
    The audit log, newest first: who did what and when (imports, rollbacks, rules, approvals…),
    with the detail recorded (before/after for edits and approvals). --entity keeps one kind of
    record (audience, kli, import, settings…); --out saves it as a spreadsheet.`;

export async function auditCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      entity: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const limit = intOption('limit', values.limit, 1, 1_000_000);
  const out = values.out ? resolve(values.out) : undefined;
  const format = out ? extname(out).toLowerCase().slice(1) : undefined;
  if (out && format !== 'csv' && format !== 'xlsx') {
    throw new CliError(`--out must name a .csv or .xlsx file, got "${values.out}"`, 2);
  }
  const db = openExistingDb(values.db);
  let rows;
  try {
    rows = readAuditLog(db, { entity: values.entity, limit });
  } finally {
    db.close();
  }
  if (out) {
    writeFileSync(out, await auditLogFile(rows, format as 'csv' | 'xlsx'));
    console.error(`Saved ${rows.length} entries to ${out}`);
    return;
  }
  if (values.json) return console.log(JSON.stringify({ entries: rows }));
  for (const r of rows) {
    console.log(
      `${r.at.slice(0, 19).replace('T', ' ')}  ${r.actor.padEnd(12)} ${r.action}${r.entity_id ? ` #${r.entity_id}` : ''}`,
    );
  }
}
