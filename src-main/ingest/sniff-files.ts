/**
 * The first look at files the user picked for import, before anything is mapped: how each
 * is written, its columns and first rows for the preview, which file of the chosen profile
 * it is, or else what kind of file its headers suggest. Only the first 64 KiB are read, so
 * a file of millions of rows answers at once.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ImportTargets, SniffedFile, TargetField } from '../../src-shared/imports';
import { IMPORT_KINDS, matchesPattern, type ImportKind, type MappingProfile } from '../../src-shared/mapping-profile';
import { decodeSample, sniff, type LineEnding } from './sniff';
import { LAYOUT } from './standard-layout';
import { scoreKind } from './suggest-mapping';
import { cutLine } from './fixed-width-stream';
import { isXlsx, readXlsx } from './xlsx-stream';

const SAMPLE_BYTES = 64 * 1024;
const PREVIEW_ROWS = 20;

const LINE_ENDING_NAME: Record<LineEnding, SniffedFile['line_ending']> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

/** The file's first bytes; a missing, folder or empty file is an error that names it. */
function readHead(path: string): { bytes: Uint8Array; size: number } {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new Error(`Cannot read ${path}: no such file.`);
  }
  if (!stats.isFile()) throw new Error(`Cannot read ${path}: it is a folder, not a file.`);
  if (stats.size === 0) throw new Error(`Cannot read ${path}: the file is empty.`);
  const bytes = new Uint8Array(Math.min(stats.size, SAMPLE_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  return { bytes, size: stats.size };
}

/**
 * The sample's records, read as the importer reads the whole file (csv-stream.ts). When the
 * sample stops short of the file's end its last line may be cut off, so it is dropped.
 */
function parseSample(
  text: string,
  cut: boolean,
  format: { delimiter: string; quote: '"' | "'" | null; lineEnding: LineEnding },
): string[][] {
  const whole = cut ? text.slice(0, Math.max(0, text.lastIndexOf(format.lineEnding))) : text;
  const records = parse(whole, {
    delimiter: format.delimiter,
    quote: format.quote ?? false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // A quoted field left open where the sample ends is dropped, not an error.
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as string[][];
  return records.filter((record) => record.some((field) => field.trim() !== ''));
}

/** The kind whose standard fields the headers name best; null when they name none. */
function guessKind(columns: string[]): ImportKind | null {
  let best: ImportKind | null = null;
  let bestScore = 0;
  for (const kind of IMPORT_KINDS) {
    const score = scoreKind(kind, columns);
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

function sniffFile(path: string, profile: MappingProfile | null): SniffedFile {
  const { bytes, size } = readHead(path);
  const name = basename(path);
  const matched = profile?.files.find((file) => matchesPattern(name, file.match));
  const widths = matched?.format.widths;
  const sniffed = sniff(bytes);
  // A fixed-width file is read as its profile says: its widths, and its header flag.
  const found = widths ? { ...sniffed, header: matched?.format.header ?? false } : sniffed;
  const text = decodeSample(bytes, found.encoding, found.bom);
  const sample = widths
    ? text
        .split(/\r\n|\n|\r/)
        .filter((line) => line.trim() !== '')
        .map((line) => cutLine(line, widths))
    : parseSample(text, size > bytes.length, found);
  const records = sample.slice(0, PREVIEW_ROWS + 1);
  const width = Math.max(0, ...records.map((r) => r.length));
  const columns = found.header
    ? (records[0] ?? []).map((name) => name.trim())
    : Array.from({ length: width }, (_, i) => String(i + 1));
  return {
    path,
    name,
    size_bytes: size,
    encoding: found.encoding,
    bom: found.bom,
    delimiter: found.delimiter,
    quote: found.quote,
    header: found.header,
    line_ending: LINE_ENDING_NAME[found.lineEnding],
    columns,
    rows: records.slice(found.header ? 1 : 0).slice(0, PREVIEW_ROWS),
    profile_match: matched ? { kind: matched.kind, match: matched.match } : null,
    guessed_kind: matched ? null : guessKind(columns),
  };
}

/** A workbook's first sheet, as the preview shows a text file: its header and first rows. */
export async function sniffWorkbook(path: string, profile: MappingProfile | null): Promise<SniffedFile> {
  const { size } = readHead(path);
  let columns: string[] = [];
  const rows: string[][] = [];
  await readXlsx(path, {
    onHeader: (header) => {
      columns = header.map((name) => name.trim());
      return true;
    },
    onRecord: (record) => rows.push(record),
    limit: PREVIEW_ROWS,
  });
  const name = basename(path);
  const matched = profile?.files.find((file) => matchesPattern(name, file.match));
  return {
    path,
    name,
    size_bytes: size,
    encoding: 'utf-8',
    bom: false,
    delimiter: '',
    quote: null,
    header: true,
    line_ending: 'LF',
    columns,
    rows,
    profile_match: matched ? { kind: matched.kind, match: matched.match } : null,
    guessed_kind: matched ? null : guessKind(columns),
  };
}

/** Text files and workbooks alike, in the order given. */
export async function sniffAnyFiles(paths: string[], profile: MappingProfile | null): Promise<SniffedFile[]> {
  const out: SniffedFile[] = [];
  for (const path of paths) out.push(isXlsx(path) ? await sniffWorkbook(path, profile) : sniffFile(path, profile));
  return out;
}

/** Each file as sniffed, in the order given; the first unreadable one stops with its error. */
export function sniffFiles(paths: string[], profile: MappingProfile | null): SniffedFile[] {
  return paths.map((path) => sniffFile(path, profile));
}

const targetsOf = (kind: ImportKind): TargetField[] =>
  LAYOUT[kind].map(({ name, required, hint }) => ({ name, required, hint }));

/** The standard fields each kind of file can fill, for the mapping table. */
export function importTargets(): ImportTargets {
  return {
    products: targetsOf('products'),
    geography: targetsOf('geography'),
    customers: targetsOf('customers'),
    accounts: targetsOf('accounts'),
    owners: targetsOf('owners'),
    payees: targetsOf('payees'),
    transactions: targetsOf('transactions'),
    balances: targetsOf('balances'),
  };
}
