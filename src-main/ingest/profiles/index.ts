/**
 * Mapping profiles: the built-in ones, and the checks every profile passes before use (its
 * JSON shape, and that it maps real standard-layout columns, every required one).
 */
import { z } from 'zod';
import { mappingProfileSchema, type MappingProfile } from '../../../src-shared/mapping-profile';
import { LAYOUT } from '../standard-layout';
import { BERKA } from './berka';
import { MAINSTREET_STANDARD } from './mainstreet-standard';

export const BUILT_IN_PROFILES: readonly MappingProfile[] = [MAINSTREET_STANDARD, BERKA];

export class ProfileError extends Error {}

export function builtInProfile(name: string): MappingProfile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.name === name);
}

/** Parses a profile from JSON text (a user's export, or --mapping FILE), with readable errors. */
export function parseProfile(json: string, source: string): MappingProfile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ProfileError(`${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = mappingProfileSchema.safeParse(data);
  if (!parsed.success) throw new ProfileError(`${source} is not a mapping profile:\n${z.prettifyError(parsed.error)}`);
  const problems = checkProfile(parsed.data);
  if (problems.length > 0) throw new ProfileError(`${source}: ${problems.join('; ')}`);
  return parsed.data;
}

/** Mapped columns must exist in the standard layout, and every required column be mapped. */
export function checkProfile(profile: MappingProfile): string[] {
  const problems: string[] = [];
  for (const [i, file] of profile.files.entries()) {
    const columns = LAYOUT[file.kind];
    const known = new Set(columns.map((c) => c.name));
    for (const target of Object.keys(file.fields)) {
      if (!known.has(target)) problems.push(`files[${i}] (${file.kind}): "${target}" is not a ${file.kind} column`);
    }
    for (const column of columns) {
      if (column.required && !(column.name in file.fields)) {
        problems.push(`files[${i}] (${file.kind}): required column "${column.name}" is not mapped`);
      }
    }
  }
  return problems;
}
