import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILT_IN_PROFILES, builtInProfile } from '../ingest/profiles';
import { CliError } from './cli-error';

export const PROFILES_USAGE = `mainstreet profiles list [--json]
    The mapping profiles that import --profile NAME accepts.
mainstreet profiles export NAME [--out FILE]
    A profile as JSON (stdout, or FILE), to edit and use with import --mapping FILE.json.`;

export function profilesCommand(args: string[]): void {
  const [verb, ...rest] = args;
  if (verb === 'list') {
    const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } } });
    const rows = BUILT_IN_PROFILES.map((p) => ({
      name: p.name,
      title: p.title,
      builtin: true,
      files: p.files.map((f) => ({ kind: f.kind, match: f.match })),
    }));
    if (values.json) console.log(JSON.stringify(rows));
    else
      for (const r of rows) console.log(`${r.name.padEnd(24)} ${r.title} (${r.files.map((f) => f.match).join(', ')})`);
    return;
  }
  if (verb === 'export') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { out: { type: 'string' } },
    });
    const [name] = positionals;
    if (!name) throw new CliError('profiles export needs a profile NAME', 2);
    const profile = builtInProfile(name);
    if (!profile) {
      throw new CliError(`No profile named "${name}". Known: ${BUILT_IN_PROFILES.map((p) => p.name).join(', ')}`);
    }
    const json = `${JSON.stringify(profile, null, 2)}\n`;
    if (values.out) writeFileSync(resolve(values.out), json);
    else process.stdout.write(json);
    return;
  }
  throw new CliError(verb ? `Unknown profiles command "${verb}"` : 'profiles needs list or export', 2);
}
