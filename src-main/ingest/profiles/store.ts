/**
 * Mapping profiles saved in the bank's own database, beside the built-in ones: the Import
 * screen saves a user's mapping here so next month's import is one click, and the CLI's
 * --profile NAME finds it too.
 */
import type { SavedProfile } from '../../../src-shared/imports';
import type { MappingProfile } from '../../../src-shared/mapping-profile';
import { AppError } from '../../app/errors';
import { audit } from '../../db/audit';
import type { Db } from '../../db/open';
import { BUILT_IN_PROFILES, builtInProfile, checkProfile, parseProfile } from './index';

const builtIn = (profile: MappingProfile): SavedProfile => ({
  name: profile.name,
  title: profile.title,
  description: profile.description,
  built_in: true,
  updated_at: null,
  profile,
});

/** Built-in profiles first, then the saved ones by name. */
export function listProfiles(db: Db | null): SavedProfile[] {
  const saved = db
    ? (db.prepare('SELECT name, profile, updated_at FROM mapping_profiles ORDER BY name').all() as {
        name: string;
        profile: string;
        updated_at: string;
      }[])
    : [];
  return [
    ...BUILT_IN_PROFILES.map(builtIn),
    ...saved.map((row) => {
      const profile = parseProfile(row.profile, `saved profile "${row.name}"`);
      return {
        name: row.name,
        title: profile.title,
        description: profile.description,
        built_in: false,
        updated_at: row.updated_at,
        profile,
      };
    }),
  ];
}

/** A profile by name: built-in, or saved in this database. */
export function findProfile(db: Db | null, name: string): MappingProfile | undefined {
  return builtInProfile(name) ?? listProfiles(db).find((p) => p.name === name)?.profile;
}

export function saveProfile(
  db: Db,
  profile: MappingProfile,
  options: { overwrite: boolean; actor: string },
): SavedProfile {
  if (builtInProfile(profile.name)) {
    throw new AppError(
      'invalid_input',
      `"${profile.name}" is a built-in profile; save your mapping under another name.`,
    );
  }
  const problems = checkProfile(profile);
  if (problems.length > 0) throw new AppError('invalid_input', `The mapping is not complete: ${problems.join('; ')}`);
  const exists = db.prepare('SELECT 1 FROM mapping_profiles WHERE name = ?').pluck().get(profile.name) !== undefined;
  if (exists && !options.overwrite) {
    throw new AppError(
      'invalid_input',
      `A profile named "${profile.name}" already exists. Choose another name or replace it.`,
    );
  }
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO mapping_profiles (name, profile, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run(profile.name, JSON.stringify(profile), now, options.actor);
    audit(db, {
      actor: options.actor,
      action: exists ? 'profile.replace' : 'profile.save',
      entity: 'mapping_profile',
      entity_id: profile.name,
    });
  })();
  return {
    name: profile.name,
    title: profile.title,
    description: profile.description,
    built_in: false,
    updated_at: now,
    profile,
  };
}

export function deleteProfile(db: Db, name: string, actor: string): boolean {
  if (builtInProfile(name))
    throw new AppError('invalid_input', `"${name}" is a built-in profile and cannot be deleted.`);
  return db.transaction(() => {
    const deleted = db.prepare('DELETE FROM mapping_profiles WHERE name = ?').run(name).changes > 0;
    if (deleted) audit(db, { actor, action: 'profile.delete', entity: 'mapping_profile', entity_id: name });
    return deleted;
  })();
}
