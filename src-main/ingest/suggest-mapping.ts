/**
 * Suggests how a core's file maps to the standard layout, from its header names and first
 * rows: which column feeds each standard field, and the transform its values need (a date
 * format, a decimal comma, a debit/credit sign, a lookup of the core's codes). The marketer
 * checks it on the Import screen, so every choice comes with a sentence saying why. Tax id
 * columns are found by name and by their values, and offered for nothing but tax_id, which
 * is stored only as a salted hash.
 */
import { TRANSACTION_CODES } from '../../src-shared/domain';
import type { MappingSuggestion } from '../../src-shared/imports';
import { DATE_FORMATS, type DateFormat, type FieldMapping, type ImportKind } from '../../src-shared/mapping-profile';
import {
  CREDIT_CODES,
  DEBIT_CODES,
  FLAG_WORDS,
  GENDER_WORDS,
  HEADER_SYNONYMS,
  INDICATOR_HEADERS,
  ROLE_WORDS,
  STATUS_WORDS,
  type CodeWords,
} from './mapping-synonyms';
import { parseFlag, parseMoneyCents } from './parse-values';
import { isSensitiveColumn } from './sensitive';
import { LAYOUT, type ColumnSpec } from './standard-layout';
import { parseAmount, parseBirthNumber, parseDate } from './transforms';

/** Lower case, letters and digits only: CUST_NO, Cust No and cust-no are one name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const words = (field: string) => field.replace(/_/g, ' ');

interface HeaderMatch {
  score: number;
  /** Why, as the end of a sentence that starts with the header: 'means birth date'. */
  why: string;
}

/**
 * How well a header names a field: its standard name (100), a known synonym (90 down to 80,
 * likelier names first), or a name that contains a synonym or is contained in one (below 80).
 * Short names (ST, DOB) only count when they match whole: "st" is inside "street".
 */
function headerMatch(kind: ImportKind, field: string, header: string): HeaderMatch | null {
  const name = normalizeName(header);
  if (name === '') return null;
  if (name === normalizeName(field)) return { score: 100, why: 'is the standard name' };
  const synonyms = (HEADER_SYNONYMS[`${kind}.${field}`] ?? HEADER_SYNONYMS[field] ?? []).map(normalizeName);
  const at = synonyms.indexOf(name);
  if (at >= 0) return { score: 90 - Math.min(at, 20) * 0.5, why: `means ${words(field)}` };
  let best = 0;
  for (const known of [normalizeName(field), ...synonyms]) {
    if (known.length >= 4 && name.includes(known)) best = Math.max(best, 40 + (40 * known.length) / name.length);
    else if (name.length >= 4 && known.includes(name)) best = Math.max(best, 30 + (30 * name.length) / known.length);
  }
  return best > 0 ? { score: best, why: `resembles ${words(field)}` } : null;
}

interface Assignment {
  spec: ColumnSpec;
  column: string;
  index: number;
  match: HeaderMatch;
}

/**
 * The best source column for each field, each column used once: all (field, column) pairs
 * are ranked by score and taken greedily. `sensitive` columns may feed only tax_id, and
 * `reserved` ones (a debit/credit indicator) nothing.
 */
function assignColumns(
  kind: ImportKind,
  columns: string[],
  sensitive: Set<number>,
  reserved: Set<number>,
): Assignment[] {
  const candidates: (Assignment & { order: number })[] = [];
  LAYOUT[kind].forEach((spec, order) => {
    columns.forEach((column, index) => {
      if (reserved.has(index) || (sensitive.has(index) && spec.name !== 'tax_id')) return;
      let match = headerMatch(kind, spec.name, column);
      if (!match && spec.name === 'tax_id' && sensitive.has(index)) {
        match = { score: 50, why: 'holds social security numbers' };
      }
      if (match) candidates.push({ spec, column, index, match, order });
    });
  });
  candidates.sort((a, b) => b.match.score - a.match.score || a.order - b.order || a.index - b.index);
  const taken = new Map<string, Assignment & { order: number }>();
  const used = new Set<number>();
  for (const candidate of candidates) {
    if (taken.has(candidate.spec.name) || used.has(candidate.index)) continue;
    taken.set(candidate.spec.name, candidate);
    used.add(candidate.index);
  }
  return [...taken.values()].sort((a, b) => a.order - b.order);
}

/**
 * How much a file's headers look like a kind of file: the match scores of the fields they
 * would fill, required fields counting double. Zero when no header names a field of the kind.
 */
export function scoreKind(kind: ImportKind, columns: string[]): number {
  const sensitive = new Set(columns.flatMap((c, i) => (isSensitiveColumn(c) ? [i] : [])));
  return assignColumns(kind, columns, sensitive, new Set()).reduce(
    (sum, a) => sum + (a.match.score / 100) * (a.spec.required ? 2 : 1),
    0,
  );
}

// ---------------------------------------------------------------------------------------
// Tax ids

const SSN_VALUE = /^\d{3}-\d{2}-\d{4}$/;
const SSN_NAME_HINT = /ssn|socsec|social|tax|tin|^ss/;

/** Columns named like a tax id, or holding values written like SSNs (nine digits need a hint in the name). */
function findSensitive(columns: string[], rows: string[][]): Set<number> {
  const found = new Set<number>();
  columns.forEach((column, index) => {
    const values = samplesOf(rows, index);
    const ssnValues =
      values.length > 0 &&
      (values.every((v) => SSN_VALUE.test(v)) ||
        (SSN_NAME_HINT.test(normalizeName(column)) && values.every((v) => SSN_VALUE.test(v) || /^\d{9}$/.test(v))));
    if (isSensitiveColumn(column) || ssnValues) found.add(index);
  });
  return found;
}

// ---------------------------------------------------------------------------------------
// Values

function samplesOf(rows: string[][], index: number): string[] {
  return rows.map((row) => (row[index] ?? '').trim()).filter((v) => v !== '');
}

const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

const DATE_FIELDS = new Set(['birth_date', 'customer_since', 'open_date', 'close_date', 'posted_date', 'as_of_date']);
/** parseIsoDate's reason when a value has a date's shape but no such day exists (02/30/1980). */
const NOT_A_REAL_DATE = 'not a real calendar date';

/**
 * The date format every sample is written in. A sample that has the format's shape but is
 * no real day (a core's 02/30) does not rule the format out; it is mentioned in the reason.
 */
function detectDateFormat(values: string[]): { format: DateFormat; unreal: string[] } | null {
  let best: { format: DateFormat; unreal: string[] } | null = null;
  for (const format of DATE_FORMATS) {
    const unreal: string[] = [];
    const fits = values.every((value) => {
      const parsed = parseDate(value, format);
      if (!parsed.ok && parsed.reason === NOT_A_REAL_DATE) unreal.push(value);
      return parsed.ok || parsed.reason === NOT_A_REAL_DATE;
    });
    if (fits && unreal.length * 2 < values.length && (!best || unreal.length < best.unreal.length)) {
      best = { format, unreal };
    }
  }
  return best;
}

interface Reading {
  transform?: FieldMapping['transform'];
  note: string;
}

function readDates(values: string[]): Reading {
  const found = detectDateFormat(values);
  if (!found) return { note: 'values do not look like any date format Mainstreet reads; check them' };
  const unreal = found.unreal.length > 0 ? ` (${quoted(found.unreal)} is not a real date)` : '';
  if (found.format === 'YYYY-MM-DD') return { note: `values are YYYY-MM-DD already${unreal}` };
  return { transform: { type: 'date', format: found.format }, note: `values look like ${found.format}${unreal}` };
}

interface Indicator {
  index: number;
  column: string;
  debit: string[];
  credit: string[];
}

/**
 * A debit/credit indicator column: named like one, every sample a debit or credit code.
 * When the sample shows only credits, every known debit code is listed so later rows read.
 */
function findIndicator(columns: string[], rows: string[][]): Indicator | null {
  const names = new Set(INDICATOR_HEADERS.map(normalizeName));
  for (const [index, column] of columns.entries()) {
    const name = normalizeName(column);
    if (!names.has(name) && !name.includes('drcr') && !name.includes('debitcredit')) continue;
    // Codes are compared in upper case (applyDebitCredit does too): "DR" and "dr" are one code.
    const seen = new Map<string, string>();
    for (const value of samplesOf(rows, index))
      if (!seen.has(value.toUpperCase())) seen.set(value.toUpperCase(), value);
    const values = [...seen.values()];
    const debit = values.filter((v) => DEBIT_CODES.includes(v.toUpperCase()));
    const credit = values.filter((v) => CREDIT_CODES.includes(v.toUpperCase()));
    if (values.length === 0 || debit.length + credit.length < values.length) continue;
    return { index, column, debit: debit.length > 0 ? debit : [...DEBIT_CODES], credit };
  }
  return null;
}

function readAmounts(values: string[], indicator: Indicator | null): Reading {
  const unsigned = values.every((v) => !/[-()]/.test(v));
  const sign =
    indicator && unsigned ? { column: indicator.column, debit: indicator.debit, credit: indicator.credit } : undefined;
  const signNote = sign
    ? `; the sign comes from "${sign.column}" (debits: ${sign.debit.join(', ')}; credits: ${sign.credit.join(', ') || 'any other value'})`
    : '';
  if (values.every((v) => parseMoneyCents(v).ok)) {
    if (!sign) return { note: 'values are plain amounts' };
    return { transform: { type: 'amount', decimal: '.', sign }, note: `values are plain amounts${signNote}` };
  }
  const read = (decimal: '.' | ',') => values.filter((v) => parseAmount(v, { decimal }).ok).length;
  const dot = read('.');
  const comma = read(',');
  if (dot === 0 && comma === 0) return { note: 'values do not look like amounts; check them' };
  const decimal = comma > dot ? ',' : '.';
  const misread = values.length - Math.max(dot, comma);
  const written =
    decimal === ','
      ? 'with a decimal comma (1.234,56)'
      : 'with thousands separators, a trailing minus or parentheses (1,234.56-)';
  const rest = misread > 0 ? `; ${misread} of ${values.length} samples do not read as amounts` : '';
  return {
    transform: sign ? { type: 'amount', decimal, sign } : { type: 'amount', decimal },
    note: `amounts are written ${written}${signNote}${rest}`,
  };
}

/** A code in the case the sample wrote its partner in: "no" beside "yes", "Female" beside "Male". */
function casedLike(sample: string, code: string): string {
  if (sample !== sample.toUpperCase() && sample === sample.toLowerCase()) return code.toLowerCase();
  if (sample.length > 1 && sample === sample.charAt(0).toUpperCase() + sample.slice(1).toLowerCase()) {
    return code.charAt(0) + code.slice(1).toLowerCase();
  }
  return code;
}

/** A lookup of the codes seen (and the codes that come with them) to standard values. */
function readCodes(spec: ColumnSpec, values: string[], hasEmpty: boolean, vocabulary: CodeWords): Reading {
  if (values.every((v) => spec.parse?.(v).ok ?? true)) return { note: 'values are standard already' };
  const map: Record<string, string> = {};
  const unknown: string[] = [];
  for (const value of new Set(values)) {
    const code = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const standard = vocabulary.words[code];
    if (standard === undefined) {
      unknown.push(value);
      continue;
    }
    map[value] = standard;
    for (const partner of vocabulary.sets.find((set) => set.includes(code)) ?? []) {
      map[casedLike(value, partner)] ??= vocabulary.words[partner] ?? partner;
    }
  }
  if (Object.keys(map).length === 0) return { note: `values such as ${quoted(unknown.slice(0, 3))} need a lookup` };
  const pairs = Object.entries(map).map(([code, standard]) => `${code} as ${standard}`);
  const withDefault = hasEmpty && vocabulary.empty !== undefined;
  const notes = [`reads ${pairs.join(', ')}`];
  if (withDefault) notes.push(`empty and other values as ${vocabulary.empty}`);
  if (unknown.length > 0) notes.push(`no guess for ${quoted(unknown)}`);
  return {
    transform: withDefault ? { type: 'lookup', map, default: vocabulary.empty } : { type: 'lookup', map },
    note: notes.join('; '),
  };
}

function readTransactionCodes(values: string[]): Reading {
  const own = values.filter((v) => !(TRANSACTION_CODES as readonly string[]).includes(v));
  if (own.length === 0) return { note: 'values are standard transaction codes' };
  const examples = quoted([...new Set(own)].slice(0, 3));
  return { note: `values such as ${examples} are the core's own codes: translate them with a lookup` };
}

/** The transform a field's sample values need, and what was seen. */
function readValues(kind: ImportKind, spec: ColumnSpec, raw: string[], indicator: Indicator | null): Reading {
  const values = raw.filter((v) => v !== '');
  if (values.length === 0) return { note: raw.length > 0 ? 'the first rows leave it empty' : '' };
  const hasEmpty = values.length < raw.length;
  if (DATE_FIELDS.has(spec.name)) return readDates(values);
  if (spec.parse === parseMoneyCents) return readAmounts(values, spec.name === 'amount' ? indicator : null);
  if (spec.parse === parseFlag) return readCodes(spec, values, hasEmpty, FLAG_WORDS);
  if (spec.name === 'gender') return readCodes(spec, values, hasEmpty, GENDER_WORDS);
  if (kind === 'accounts' && spec.name === 'status') return readCodes(spec, values, hasEmpty, STATUS_WORDS);
  if (kind === 'owners' && spec.name === 'role') return readCodes(spec, values, hasEmpty, ROLE_WORDS);
  if (kind === 'transactions' && spec.name === 'code') return readTransactionCodes(values);
  return { note: '' };
}

const BIRTH_NUMBER_NAMES = new Set(['birthnumber', 'birthno', 'rodnecislo']);

/** A Czech/Slovak birth number holds the birth date and the gender, so it feeds both. */
function isBirthNumber(column: string, values: string[]): boolean {
  return (
    BIRTH_NUMBER_NAMES.has(normalizeName(column)) && values.length > 0 && values.every((v) => parseBirthNumber(v).ok)
  );
}

/**
 * The suggested mapping of one file of `kind`: for each standard field with a likely source,
 * its column and transform, with the reason; and the columns that hold tax ids.
 */
export function suggestMapping(kind: ImportKind, columns: string[], rows: string[][]): MappingSuggestion {
  const sensitive = findSensitive(columns, rows);
  const hasAmount = LAYOUT[kind].some((spec) => spec.name === 'amount');
  const indicator = hasAmount ? findIndicator(columns, rows) : null;
  const reserved = new Set(indicator ? [indicator.index] : []);
  const fields: Record<string, FieldMapping> = {};
  const reasons: Record<string, string> = {};

  for (const { spec, column, index, match } of assignColumns(kind, columns, sensitive, reserved)) {
    const header = `header "${column}" ${match.why}`;
    const samples = rows.map((row) => (row[index] ?? '').trim());
    if (spec.name === 'tax_id') {
      sensitive.add(index);
      fields.tax_id = { column };
      reasons.tax_id = `${header}; it is stored only as a salted hash, never in clear`;
      continue;
    }
    if (spec.name === 'birth_date' && isBirthNumber(column, samples.filter(Boolean))) {
      fields.birth_date = { column, transform: { type: 'birth-number', part: 'birth_date' } };
      reasons.birth_date = `${header}; values are birth numbers (YYMMDD, month + 50 for women)`;
      continue;
    }
    const reading = readValues(kind, spec, samples, indicator);
    fields[spec.name] = reading.transform ? { column, transform: reading.transform } : { column };
    reasons[spec.name] = reading.note ? `${header}; ${reading.note}` : header;
  }

  const birthNumber = fields.birth_date?.transform?.type === 'birth-number' ? fields.birth_date.column : undefined;
  if (birthNumber !== undefined && !fields.gender && kind === 'customers') {
    fields.gender = { column: birthNumber, transform: { type: 'birth-number', part: 'gender' } };
    reasons.gender = `the birth number in "${birthNumber}" also gives the gender (month + 50 for women)`;
  }

  return { fields, reasons, sensitive_columns: [...sensitive].sort((a, b) => a - b).map((i) => columns[i] ?? '') };
}
