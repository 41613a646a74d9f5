/** Generates a small demo bank into a temporary folder and reads every file back with csv-parse. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll } from 'vitest';
import { writeDemoFiles, TRUTH_FILE, type DemoFilesResult, type DemoOptions } from '../../../src-main/demo';

export type Row = Record<string, string>;

export const KINDS = ['products', 'customers', 'accounts', 'transactions', 'balances'] as const;
export const FILE_NAMES = [...KINDS.map((k) => `${k}.csv`), TRUTH_FILE];

export interface DemoBank {
  dir: string;
  result: DemoFilesResult;
  text: Record<string, string>;
  header: Record<string, string[]>;
  rows: Record<(typeof KINDS)[number] | 'truth', Row[]>;
}

export function readCsv(text: string): { header: string[]; rows: Row[] } {
  const records = parse(text, { bom: true }) as string[][];
  const [header = [], ...body] = records;
  return {
    header,
    rows: body.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']))),
  };
}

/** Writes a bank and reads back the files named in `read` (all of them by default). */
export async function generateBank(options: DemoOptions, read: readonly string[] = FILE_NAMES): Promise<DemoBank> {
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-demo-'));
  const result = await writeDemoFiles(dir, options).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const text: Record<string, string> = {};
  const header: Record<string, string[]> = {};
  const rows = {
    products: [],
    customers: [],
    accounts: [],
    transactions: [],
    balances: [],
    truth: [],
  } as DemoBank['rows'];
  for (const name of read) {
    text[name] = readFileSync(join(dir, name), 'utf8');
    const parsed = readCsv(text[name]);
    header[name] = parsed.header;
    rows[(name === TRUTH_FILE ? 'truth' : name.replace(/\.csv$/, '')) as keyof DemoBank['rows']] = parsed.rows;
  }
  return { dir, result, text, header, rows };
}

/** A bank built once for a describe block and removed after it. */
export function useDemoBank(options: DemoOptions, read: readonly string[] = FILE_NAMES): () => DemoBank {
  let bank: DemoBank | undefined;
  beforeAll(async () => {
    bank = await generateBank(options, read);
  });
  afterAll(() => {
    if (bank) rmSync(bank.dir, { recursive: true, force: true });
  });
  return () => {
    if (!bank) throw new Error('the demo bank is not generated yet');
    return bank;
  };
}

export const cents = (money: string): number => Math.round(Number(money) * 100);
