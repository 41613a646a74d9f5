import { cpSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const SHARED_DATA = resolve(FIXTURES, '..', '..', '..', 'shared', 'data');

/** Copies the small standard-layout bank into `dir` and returns the five file paths. */
export function copyStandardSmall(dir: string): string[] {
  const source = join(FIXTURES, 'standard-small');
  cpSync(source, dir, { recursive: true });
  return readdirSync(dir).map((name) => join(dir, name));
}
