/**
 * `npm run bench -- scores [--customers N]`: learning the next-product scores on the
 * 250,000-customer demo bank (built once and cached; its KLIs computed on a copy first), with
 * each phase's time and each family's holdout AUC. There is no goal in the issue; the same
 * run's KLI compute is printed as this machine's reference for a job of that size.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAMILY_INFO } from '../../src-shared/domain';
import { openDatabase } from '../../src-main/db/open';
import { computeKlis } from '../../src-main/kli/compute';
import { trainScores } from '../../src-main/scores/train';
import { cachedDemoBank } from './import-bench-data';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runScoresBench(args: string[]): Promise<void> {
  const customers = Number(option(args, '--customers') ?? 250_000);
  console.log(`Next-product scores benchmark on the ${customers.toLocaleString('en-US')}-customer demo bank`);
  const bank = await cachedDemoBank(customers, (step, current, total) => {
    if (current === 0 || current === total) console.log(`  building the demo bank: ${step}`);
  });
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-scores-bench-'));
  try {
    const path = join(dir, 'bank.sqlite');
    copyFileSync(bank.path, path);
    const db = openDatabase(path);
    db.pragma('cache_size = -65536');
    let started = performance.now();
    computeKlis(db, { actor: 'bench' });
    const kli = performance.now() - started;
    console.log(`\nReference, same run: ${seconds(kli)}  the KLI compute (full) of the same bank`);
    const phases: [string, number][] = [];
    let phase = '';
    let phaseStart = performance.now();
    started = performance.now();
    const result = trainScores(db, {
      actor: 'bench',
      onProgress: (step) => {
        if (step === phase) return;
        const now = performance.now();
        if (phase) phases.push([phase, now - phaseStart]);
        phase = step;
        phaseStart = now;
      },
    });
    const total = performance.now() - started;
    phases.push([phase, performance.now() - phaseStart]);
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(
      `Training the scores: ${seconds(total)} (${(total / kli).toFixed(2)}× the KLI compute), peak ${peak.toFixed(0)} MB\n`,
    );
    for (const [step, ms] of phases) console.log(`  ${step.padEnd(48)} ${seconds(ms).padStart(8)}`);
    console.log(`\nOpenings ${result.window_start} to ${result.as_of}:`);
    for (const m of result.models) {
      console.log(
        `  ${FAMILY_INFO[m.family].label.padEnd(26)} AUC ${m.auc?.toFixed(3) ?? 'n/a'}  ${String(m.openers).padStart(6)} of ${String(m.population).padStart(7)} opened` +
          `  top tenth ${m.deciles[0]!.lift.toFixed(1)}× (${(m.deciles[0]!.captured * 100).toFixed(0)}% of openers)`,
      );
    }
    for (const s of result.skipped) console.log(`  ${FAMILY_INFO[s.family].label.padEnd(26)} skipped: ${s.reason}`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
