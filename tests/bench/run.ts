/** `npm run bench -- NAME [args]`: runs one benchmark and prints its figures and reference. */
import { runAudienceBench } from './audience-bench';
import { runDemoBench } from './demo-bench';
import { runImportBench } from './import-bench';
import { runKliBench } from './kli-bench';
import { runLettersBench } from './letters-bench';
import { runScoresBench } from './scores-bench';

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  demo: runDemoBench,
  import: runImportBench,
  kli: runKliBench,
  audience: runAudienceBench,
  scores: runScoresBench,
  letters: runLettersBench,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.error(`Usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [args]`);
  process.exit(2);
}
await bench(args);
