/**
 * The demo bank generator: writes the files a community bank's core would export, in the
 * Mainstreet standard layout (docs/standard-layout.md), plus demo-truth.txt with the traits planted
 * in each customer's transactions. Same options, same bytes.
 */
import { generateDemoFiles, type DemoFilesResult, type DemoOptions, type DemoProgress } from './write-files';

export type { DemoFilesResult, DemoOptions, DemoProgress } from './write-files';
export { DEFAULT_END_DATE, TRUTH_FILE } from './write-files';
export { TRUTH_HEADER } from './truth';

export const DEFAULT_DEMO_CUSTOMERS = 25_000;
export const DEFAULT_DEMO_SEED = 1;

export async function writeDemoFiles(
  dir: string,
  options: DemoOptions,
  onProgress?: (p: DemoProgress) => void,
  signal?: AbortSignal,
): Promise<DemoFilesResult> {
  return generateDemoFiles(dir, options, onProgress, signal);
}
