import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

/** The `mainstreet` command as a user runs it (from source), in its own process. */
const BIN = join(FIXTURES, '..', '..', 'bin', 'mainstreet.mjs');

export function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
