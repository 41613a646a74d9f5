/** The built-in library as data: stable ids, valid rules, and a test of its own for every KLI. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_KLI_IDS } from '../../../src-shared/kli';
import { kliRuleSchema } from '../../../src-shared/kli-schema';
import { BUILTIN_KLIS } from '../../../src-main/kli/library';
import { ruleInWords } from '../../../src-main/kli/words';
import { moneyFormat } from '../../../src-main/triggers/money';

describe('the built-in library', () => {
  it('holds exactly the stable ids, in order, each marked built in', () => {
    expect(BUILTIN_KLIS.map((k) => k.id)).toEqual([...BUILTIN_KLI_IDS]);
    expect(BUILTIN_KLIS.every((k) => k.builtin)).toBe(true);
  });

  it('has rules a tuned copy of which would validate, and says each in words', () => {
    for (const kli of BUILTIN_KLIS) {
      expect(kliRuleSchema.safeParse(kli.rule).success, kli.id).toBe(true);
      expect(ruleInWords(kli.rule, moneyFormat('USD'), 12), kli.id).toMatch(/\.$/);
    }
  });

  it('has its own positive, negative and edge cases for every KLI in this folder', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir)
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n');
    const untested = BUILTIN_KLI_IDS.filter((id) => {
      const block = sources.split(`describe('${id}', () => {`)[1]?.split(/\ndescribe\(/)[0] ?? '';
      return (block.match(/\n {2}it(\.fails)?\(/g) ?? []).length < 3;
    });
    expect(untested).toEqual([]);
  });
});
