/**
 * Works out how a text export is written before anything is parsed: encoding, delimiter,
 * quote character, line ending and whether the first row is a header. Cores write every
 * combination of these; the Import screen shows what was found and lets the user override.
 */
import type { ENCODINGS } from '../../src-shared/mapping-profile';

export type Encoding = (typeof ENCODINGS)[number];
export type LineEnding = '\r\n' | '\n' | '\r';

export interface Sniffed {
  encoding: Encoding;
  /** Whether the file starts with a byte-order mark (skipped when reading). */
  bom: boolean;
  delimiter: string;
  quote: '"' | "'" | null;
  lineEnding: LineEnding;
  header: boolean;
}

const DELIMITERS = [',', ';', '\t', '|'];

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  // UTF-16 without a mark: ASCII text has a zero in every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const half = sample.length / 2;
  if (half > 0 && oddZeros > half * 0.4 && evenZeros < half * 0.05) return { encoding: 'utf-16le', bom: false };
  if (half > 0 && evenZeros > half * 0.4 && oddZeros < half * 0.05) return { encoding: 'utf-16be', bom: false };
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252', bom: false };
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function decodeSample(bytes: Uint8Array, encoding: Encoding, bom: boolean): string {
  const skip = bom ? (encoding === 'utf-8' ? 3 : 2) : 0;
  return new TextDecoder(encoding).decode(bytes.subarray(skip), { stream: true });
}

export function detectLineEnding(text: string): LineEnding {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  const cr = text.split('\r').length - 1 - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** Splits sample lines outside quotes, so a delimiter inside a quoted field does not count. */
function countOutsideQuotes(line: string, delimiter: string, quote: string | null): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (quote && ch === quote) quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
  }
  return count;
}

function sampleLines(text: string, lineEnding: LineEnding, max = 50): string[] {
  const lines = text.split(lineEnding).filter((line) => line.trim() !== '');
  // The last line of a sample may be cut short.
  return lines.slice(0, Math.min(max, Math.max(1, lines.length - 1)));
}

export function detectQuote(lines: string[]): '"' | "'" | null {
  const doubles = lines.reduce((n, l) => n + (l.split('"').length - 1), 0);
  const singles = lines.reduce((n, l) => n + (l.split("'").length - 1), 0);
  if (doubles === 0 && singles === 0) return '"';
  return doubles >= singles ? '"' : "'";
}

/** The delimiter that splits every line into the same number of fields, the more the better. */
export function detectDelimiter(lines: string[], quote: string | null): string {
  let best = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter, quote));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function splitFields(line: string, delimiter: string, quote: string | null): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (quote && ch === quote) quoted = !quoted;
    else if (!quoted && ch === delimiter) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields.map((f) => f.trim());
}

const looksNumericOrDate = (value: string) => value !== '' && /^[-+(]?[$€]?[\d.,/:\- ]+\)?-?$/.test(value);

/**
 * A header row has names: no field is empty or looks like a number or a date, and the names
 * are distinct. Exports almost always have one, so text-only files count as having it.
 */
export function detectHeader(lines: string[], delimiter: string, quote: string | null): boolean {
  const first = lines[0] === undefined ? undefined : splitFields(lines[0], delimiter, quote);
  if (!first || first.some((f) => f === '' || looksNumericOrDate(f))) return false;
  return new Set(first).size === first.length;
}

export function sniff(bytes: Uint8Array): Sniffed {
  const { encoding, bom } = detectEncoding(bytes);
  const text = decodeSample(bytes, encoding, bom);
  const lineEnding = detectLineEnding(text);
  const lines = sampleLines(text, lineEnding);
  const quote = detectQuote(lines);
  const delimiter = detectDelimiter(lines, quote);
  return { encoding, bom, delimiter, quote, lineEnding, header: detectHeader(lines, delimiter, quote) };
}
