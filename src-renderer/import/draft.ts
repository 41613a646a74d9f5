/**
 * The mapping being edited, as plain functions over a MappingProfile. A picked file is read
 * with the first entry whose name pattern matches it, exactly as the main process chooses,
 * so what the screen shows for a file is what the import will do with it.
 */
import type { ImportTargets, SniffedFile } from '../../src-shared/imports';
import type { FieldMapping, FileMapping, ImportKind, MappingProfile } from '../../src-shared/mapping-profile';
import { matchesPattern } from '../../src-shared/import-vocabulary';

/** Names an import records when the mapping was never saved under a name of its own. */
export const UNSAVED_NAME = 'unsaved-mapping';
export const UNSAVED_TITLE = 'Mapping not saved';
export const PROFILE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function blankProfile(): MappingProfile {
  return { format: 'mainstreet-mapping-profile', version: 1, name: '', title: '', description: '', files: [] };
}

export function entryIndex(profile: MappingProfile, fileName: string): number {
  return profile.files.findIndex((entry) => matchesPattern(fileName, entry.match));
}

/**
 * Dates and counters in a file name change every month: "CIF_20261130.TXT" gets the pattern
 * "CIF_*.TXT" so next month's file matches too. A name that would become a bare wildcard, or
 * whose pattern would also catch another picked file, stays exact.
 */
export function patternFor(fileName: string, others: SniffedFile[]): string {
  const pattern = fileName.replace(/\d{4}[-_.]?\d{2}(?:[-_.]?\d{2})?|\d{4,}/g, '*');
  const stem = pattern.replace(/\.[^.]*$/, '');
  if (!/[a-z]/i.test(stem)) return fileName;
  return others.some((other) => matchesPattern(other.name, pattern)) ? fileName : pattern;
}

export function newEntry(file: SniffedFile, kind: ImportKind, others: SniffedFile[]): FileMapping {
  return {
    kind,
    match: patternFor(file.name, others),
    format: { encoding: file.encoding, delimiter: file.delimiter, quote: file.quote, header: file.header },
    fields: {},
  };
}

/**
 * Reads `file` as `kind`. Entries that served this file alone are dropped; the chosen profile's
 * own entry comes back when its kind is chosen again; otherwise a new entry goes first (so it
 * wins over any wider pattern) and `created` says its fields still need suggesting.
 */
export function withKind(
  profile: MappingProfile,
  base: MappingProfile | null,
  file: SniffedFile,
  kind: ImportKind,
  files: SniffedFile[],
): { profile: MappingProfile; created: boolean } {
  const others = files.filter((f) => f.path !== file.path);
  const servesOthers = (entry: FileMapping) => others.some((o) => matchesPattern(o.name, entry.match));
  const kept = profile.files.filter((entry) => !matchesPattern(file.name, entry.match) || servesOthers(entry));
  const current = kept.find((entry) => matchesPattern(file.name, entry.match));
  if (current?.kind === kind) return { profile: { ...profile, files: kept }, created: false };
  const original = base?.files.find((entry) => matchesPattern(file.name, entry.match));
  if (original?.kind === kind)
    return { profile: { ...profile, files: [structuredClone(original), ...kept] }, created: false };
  return { profile: { ...profile, files: [newEntry(file, kind, others), ...kept] }, created: true };
}

export function withEntry(profile: MappingProfile, index: number, entry: FileMapping): MappingProfile {
  return { ...profile, files: profile.files.map((e, i) => (i === index ? entry : e)) };
}

export function withField(entry: FileMapping, field: string, mapping: FieldMapping | null): FileMapping {
  const fields = { ...entry.fields };
  if (mapping) fields[field] = mapping;
  else delete fields[field];
  return { ...entry, fields };
}

export function isMapped(field: FieldMapping | undefined): boolean {
  if (!field) return false;
  const type = field.transform?.type;
  return field.column !== undefined || field.columns !== undefined || type === 'constant' || type === 'template';
}

/** What stops an import: a file of no known kind, required fields with no source, half-set transforms. */
export function mappingProblems(profile: MappingProfile, files: SniffedFile[], targets: ImportTargets): string[] {
  const problems: string[] = [];
  const checked = new Set<number>();
  for (const file of files) {
    const index = entryIndex(profile, file.name);
    const entry = profile.files[index];
    if (!entry) {
      problems.push(`${file.name}: choose what kind of file it is.`);
      continue;
    }
    if (checked.has(index)) continue;
    checked.add(index);
    const missing = targets[entry.kind].filter((t) => t.required && !isMapped(entry.fields[t.name]));
    if (missing.length > 0) {
      const names = missing.map((t) => t.name).join(', ');
      problems.push(`${file.name}: map the required ${missing.length === 1 ? 'field' : 'fields'} ${names}.`);
    }
    for (const [name, field] of Object.entries(entry.fields)) {
      if (field.transform?.type === 'template' && field.transform.template.trim() === '') {
        problems.push(`${file.name}: ${name}: write the template, or choose another source.`);
      }
      if (field.transform?.type === 'lookup' && Object.values(field.transform.map).some((v) => v === '')) {
        problems.push(`${file.name}: ${name}: give every code a standard value.`);
      }
      const sign = field.transform?.type === 'amount' ? field.transform.sign : undefined;
      if (sign && sign.debit.length === 0) {
        problems.push(`${file.name}: ${name}: list the values of ${sign.column} that mean a debit.`);
      }
    }
  }
  return problems;
}

/**
 * The mapping as it is saved or run: entries made for files that are no longer picked are
 * dropped (half-made, they would fail the profile's checks); the chosen profile's own stay.
 */
export function prunedProfile(
  profile: MappingProfile,
  base: MappingProfile | null,
  files: SniffedFile[],
): MappingProfile {
  const inBase = (entry: FileMapping) => base?.files.some((b) => b.match === entry.match && b.kind === entry.kind);
  const used = (entry: FileMapping) => files.some((file) => matchesPattern(file.name, entry.match));
  return { ...profile, files: profile.files.filter((entry) => used(entry) || inBase(entry)) };
}

/** The profile an import runs with: the mapping as edited, named even if never saved. */
export function runnableProfile(
  profile: MappingProfile,
  base: MappingProfile | null,
  files: SniffedFile[],
): MappingProfile {
  const pruned = prunedProfile(profile, base, files);
  return { ...pruned, name: pruned.name || UNSAVED_NAME, title: pruned.title || UNSAVED_TITLE };
}
