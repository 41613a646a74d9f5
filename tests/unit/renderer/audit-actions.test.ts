/**
 * Every action the main process records has words on the audit-log screen: the source is
 * read for `action: '…'` (and the audience and response steps built from a pattern), and each
 * must be known to audit-words.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionWords, KNOWN_ACTIONS } from '../../../src-renderer/audit/audit-words';
import { FIXTURES } from '../../helpers/fixtures';

const SRC = join(FIXTURES, '..', '..', 'src-main');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'electron' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the audit log’s words', () => {
  it('word every action the main process records', () => {
    const recorded = new Set<string>();
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      // Only calls of audit(): their entries are what the log holds.
      if (!text.includes('audit(')) continue;
      for (const m of text.matchAll(/action: (?:[a-z]+ \? )?['`]([a-z_.-]+)['`](?: : ['`]([a-z_.-]+)['`])?/g)) {
        recorded.add(m[1]!);
        if (m[2]) recorded.add(m[2]);
      }
    }
    // The audience and response steps built from a pattern.
    for (const step of ['submit', 'approve', 'retire', 'return']) recorded.add(`audience.${step}`);
    for (const step of ['confirm', 'reject']) recorded.add(`responses.${step}`);
    expect(recorded.size).toBeGreaterThan(40);
    const unworded = [...recorded].filter((a) => !KNOWN_ACTIONS.includes(a));
    expect(unworded).toEqual([]);
    expect(actionWords('customer.erase')).toBe('Erased a customer on request');
  });
});
