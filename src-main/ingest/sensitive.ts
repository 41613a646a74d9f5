/**
 * Social security and tax id numbers never reach the database in clear: a column named like
 * one is masked wherever a raw row is kept (quarantine, reports), and mapping it to tax_id
 * stores only a salted hash.
 */
const SENSITIVE_NAME =
  /(^|[^a-z])(ssn|ss_?no|ss_?num|sin|tin|itin|ein|fein|tax_?id|taxpayer|social_?sec(urity)?)([^a-z]|$)/i;

export function isSensitiveColumn(name: string): boolean {
  const normalized = name.trim().replace(/[\s.-]+/g, '_');
  return SENSITIVE_NAME.test(normalized) || /social\s*security/i.test(name);
}

export const MASK = '(hidden)';

/** The record with its sensitive positions masked, as kept in quarantine. */
export function maskRecord(record: string[], sensitive: number[]): string[] {
  if (sensitive.length === 0) return record;
  const copy = [...record];
  for (const i of sensitive) if (i < copy.length && copy[i] !== '') copy[i] = MASK;
  return copy;
}
