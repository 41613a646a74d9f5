import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findProfile, listProfiles } from '../ingest/profiles/store';
import { CliError, openExistingDb } from './cli-error';
import type { Db } from '../db/open';

export const PROFILES_USAGE = `mainstreet profiles list [--db FILE] [--json]
    The mapping profiles that import --profile NAME accepts: the built-in ones, and with
    --db the ones saved in that database.
mainstreet profiles export NAME [--db FILE] [--out FILE]
    A profile as JSON (stdout, or FILE), to edit and use with import --mapping FILE.json.`;

function withOptionalDb<T>(path: string | undefined, use: (db: Db | null) => T): T {
  const db = path ? openExistingDb(path) : null;
  try {
    return use(db);
  } finally {
    db?.close();
  }
}

export function profilesCommand(args: string[]): void {
  const [verb, ...rest] = args;
  if (verb === 'list') {
    const { values } = parseArgs({
      args: rest,
      options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const rows = withOptionalDb(values.db, (db) =>
      listProfiles(db).map((p) => ({
        name: p.name,
        title: p.title,
        builtin: p.built_in,
        files: p.profile.files.map((f) => ({ kind: f.kind, match: f.match })),
      })),
    );
    if (values.json) console.log(JSON.stringify(rows));
    else
      for (const r of rows) console.log(`${r.name.padEnd(24)} ${r.title} (${r.files.map((f) => f.match).join(', ')})`);
    return;
  }
  if (verb === 'export') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { out: { type: 'string' }, db: { type: 'string' } },
    });
    const [name] = positionals;
    if (!name) throw new CliError('profiles export needs a profile NAME', 2);
    const json = withOptionalDb(values.db, (db) => {
      const profile = findProfile(db, name);
      if (!profile) {
        throw new CliError(
          `No profile named "${name}". Known: ${listProfiles(db)
            .map((p) => p.name)
            .join(', ')}`,
        );
      }
      return `${JSON.stringify(profile, null, 2)}\n`;
    });
    if (values.out) writeFileSync(resolve(values.out), json);
    else process.stdout.write(json);
    return;
  }
  throw new CliError(verb ? `Unknown profiles command "${verb}"` : 'profiles needs list or export', 2);
}
