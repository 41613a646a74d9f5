/**
 * Writes the demo bank's export files. Everything streams: one household at a time, each
 * file through its own buffered stream, waiting when a stream asks. Files are written under a
 * `.partial` name and renamed only when all of them are complete, so a failed or cancelled run
 * leaves no file that looks finished.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FAMILY_INFO } from '../../src-shared/domain';
import { LAYOUT } from '../ingest/standard-layout';
import { createContext } from './context';
import { CsvSink } from './csv-sink';
import { dataWindow } from './dates';
import { writeHousehold, type DemoSinks } from './household';
import { TRUTH_HEADER } from './truth';

export interface DemoOptions {
  customers: number;
  seed: number;
  /** YYYY-MM-DD, the last day of data; default '2026-10-31'. */
  endDate?: string;
}

export interface DemoProgress {
  step: string;
  current: number;
  total: number;
}

export interface DemoFilesResult {
  dir: string;
  files: Record<DemoKind, string>;
  counts: {
    products: number;
    customers: number;
    households: number;
    accounts: number;
    transactions: number;
    balances: number;
  };
  bankName: string;
}

export const DEFAULT_END_DATE = '2026-10-31';
/** CSV inside, but .txt: an import of the folder's *.csv then picks up only the layout files. */
export const TRUTH_FILE = 'demo-truth.txt';

/** The files a demo bank has (no geography, owners or payees files: its accounts name their owners). */
export const DEMO_KINDS = ['products', 'customers', 'accounts', 'transactions', 'balances'] as const;
type DemoKind = (typeof DEMO_KINDS)[number];
/** The demo writes each file's first columns of the layout; the optional ones added later follow them. */
const DEMO_COLUMNS: Record<DemoKind, number> = {
  products: 4,
  customers: 21,
  accounts: 10,
  transactions: 8,
  balances: 4,
};

type FileKey = DemoKind | 'truth';
const FILE_KEYS: readonly FileKey[] = [...DEMO_KINDS, 'truth'];

function header(kind: FileKey): readonly string[] {
  return kind === 'truth' ? TRUTH_HEADER : LAYOUT[kind].slice(0, DEMO_COLUMNS[kind]).map((c) => c.name);
}

function fileName(kind: FileKey): string {
  return kind === 'truth' ? TRUTH_FILE : `${kind}.csv`;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The demo bank generation was cancelled', 'AbortError');
}

function checkOptions(options: DemoOptions): void {
  if (!Number.isSafeInteger(options.customers) || options.customers < 1) {
    throw new RangeError(`customers must be a whole number of at least 1, got ${options.customers}`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be a whole number, got ${options.seed}`);
}

const yieldToEventLoop = () => new Promise<void>((done) => setImmediate(done));

export async function generateDemoFiles(
  dir: string,
  options: DemoOptions,
  onProgress?: (p: DemoProgress) => void,
  signal?: AbortSignal,
): Promise<DemoFilesResult> {
  checkOptions(options);
  const target = resolve(dir);
  const window = dataWindow(options.endDate ?? DEFAULT_END_DATE);
  if (signal?.aborted) throw abortError(signal);
  await mkdir(target, { recursive: true });
  const ctx = createContext(options.seed, window);
  const partial = (kind: FileKey) => join(target, `${fileName(kind)}.partial`);
  const sinks = {} as Record<FileKey, CsvSink>;
  try {
    for (const kind of FILE_KEYS) sinks[kind] = new CsvSink(partial(kind), header(kind));
    for (const p of ctx.params.products.products) {
      const deposit = FAMILY_INFO[p.family].kind === 'deposit';
      sinks.products.row([p.code, p.name, p.family, deposit ? (p.interestBearing ? 'Y' : 'N') : '']);
    }
    const total = options.customers;
    const step = Math.max(1, Math.floor(total / 100));
    let nextReport = 0;
    const files: DemoSinks = sinks;
    onProgress?.({ step: 'customers', current: 0, total });
    while (ctx.counters.customers < total) {
      if (signal?.aborted) throw abortError(signal);
      writeHousehold(ctx, total - ctx.counters.customers, files);
      if (ctx.counters.customers >= nextReport) {
        nextReport = ctx.counters.customers + step;
        onProgress?.({ step: 'customers', current: Math.min(ctx.counters.customers, total), total });
        // Let a cancel (or anything else waiting) in, even when the disk never pushes back.
        await yieldToEventLoop();
      }
      for (const kind of FILE_KEYS) if (sinks[kind].needsDrain) await sinks[kind].drain();
    }
    await Promise.all(FILE_KEYS.map((kind) => sinks[kind].close()));
    if (signal?.aborted) throw abortError(signal);
    for (const kind of FILE_KEYS) await rename(partial(kind), join(target, fileName(kind)));
    onProgress?.({ step: 'customers', current: total, total });
    const { counters } = ctx;
    return {
      dir: target,
      files: Object.fromEntries(DEMO_KINDS.map((k) => [k, join(target, fileName(k))])) as Record<DemoKind, string>,
      counts: {
        products: sinks.products.rows,
        customers: counters.customers,
        households: counters.households,
        accounts: sinks.accounts.rows,
        transactions: counters.transactions,
        balances: counters.balances,
      },
      bankName: ctx.params.bank.name,
    };
  } catch (error) {
    await Promise.all(Object.values(sinks).map((s) => s.abandon()));
    await Promise.all(FILE_KEYS.map((kind) => rm(partial(kind), { force: true })));
    throw signal?.aborted ? abortError(signal) : error;
  }
}
