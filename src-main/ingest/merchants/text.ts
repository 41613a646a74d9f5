/**
 * The two spellings merchant cleanup works with. A match key ("KUM GO", "CASEYS") is what
 * patterns, rules and words are compared against, so "KUM&GO", "Kum & Go" and "KUM & GO" are
 * one thing. A title-cased name ("Prairie Smoke BBQ") is what a marketer reads when no
 * dictionary entry names the merchant.
 */

/** Upper case, apostrophes dropped (CASEY'S → CASEYS), every other non-letter or digit a single space. */
export function matchKey(text: string): string {
  return text
    .toUpperCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words kept upper case although they have vowels. */
const ACRONYMS = new Set([
  'ATM',
  'ACH',
  'AMC',
  'CPA',
  'CU',
  'FCU',
  'IA',
  'IHOP',
  'IRA',
  'IRS',
  'ISU',
  'LLC',
  'SIPO',
  'SSA',
  'TIAA',
  'TV',
  'UPS',
  'US',
  'USA',
  'USPS',
  'VA',
  'YMCA',
]);

/** Abbreviations without a vowel that are words, not initials: "Medical Ctr", "Property Mgmt". */
const ABBREVIATIONS = new Set(
  'BK BLVD CNTR CNTY CTR DEPT DR GRP HWY JR LN MGMT MKT MKTP MTG NATL PKWY PMT PYMT RD SR ST SVC SVCS TWP WHSE XFER'.split(
    ' ',
  ),
);

/** Short words left lower case inside a name ("City of Ames", "Transfer to Savings"). */
const SMALL = new Set(['A', 'AN', 'AND', 'AS', 'AT', 'BY', 'FOR', 'FROM', 'IN', 'OF', 'ON', 'OR', 'THE', 'TO']);

/**
 * "PRAIRIE SMOKE BBQ" → "Prairie Smoke BBQ", "CITY OF AMES" → "City of Ames", "HY-VEE" →
 * "Hy-Vee". A word with no vowel (BBQ, CVS, PVCB) is read as an abbreviation and kept.
 */
export function titleCase(text: string): string {
  const upper = text.toUpperCase();
  let first = true;
  return upper.replace(/\p{L}[\p{L}'’]*/gu, (word, offset: number) => {
    const isFirst = first;
    first = false;
    if (ACRONYMS.has(word)) return word;
    if (!ABBREVIATIONS.has(word) && !/[AEIOUY]/.test(word) && !/[^A-Z]/.test(word)) return word;
    // "NETFLIX.COM" → "Netflix.com": what follows a dot is a domain, not a word.
    if (offset > 0 && upper[offset - 1] === '.') return word.toLowerCase();
    if (!isFirst && SMALL.has(word)) return word.toLowerCase();
    return word.charAt(0) + word.slice(1).toLowerCase();
  });
}
