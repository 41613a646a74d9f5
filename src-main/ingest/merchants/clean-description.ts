/**
 * The merchant part of a core's description. Cores print the card network's descriptor with
 * their own words around it: a channel prefix ("POS PURCHASE", "CHECKCARD 0412", "ACH DEBIT",
 * a processor's "SQ *" or "TST*"), then the merchant, store number, town, state and ZIP, and
 * card, trace or phone numbers anywhere. Cleaning removes what is recognisably not the name
 * and nothing else: a word it does not know stays.
 */

/** Channel and processor words printed before the merchant. */
const PREFIX = new RegExp(
  '^(?:(?:' +
    [
      'POS (?:PURCHASE|DEBIT|PUR|WITHDRAWAL|TRANSACTION)',
      'POS',
      'DEBIT CARD (?:PURCHASE|DEBIT|TRANSACTION)',
      'DEBIT PURCHASE',
      'DBT CRD(?: \\d+)?',
      'PURCHASE AUTHORIZED ON \\d{1,2}/\\d{1,2}',
      'PURCHASE',
      'CHECK ?CARD(?: PURCHASE)?(?: \\d{4})?',
      'VISA (?:DDA )?PUR(?:CHASE)?',
      'ACH (?:DEBIT|CREDIT|DR|CR|PMT|PAYMENT|DEP|WEB|TEL|PPD|CCD)',
      'ACH',
      'RECURRING (?:PAYMENT|PMT|DEBIT|CHARGE|PURCHASE)',
      'RECURRING',
      'PREAUTHORIZED (?:DEBIT|CREDIT|PMT)',
      'DIRECT DEP(?:OSIT)?',
      'DIR DEP',
    ].join('|') +
    ')(?: |$)|(?:SQU?|TST|PAYPAL|PP|SP|IN|DD|WPY|PY|FS|EB) ?\\*)[ :*-]*',
);

const DATE = /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;
const PHONE = /(?:\b1[-. ])?(?:\(\d{3}\) ?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b/;
/** "AMZN MKTP US*2K4LL1234": an order reference after a star has a digit in it. */
const STAR_REFERENCE = /\* ?[A-Z0-9]*\d[A-Z0-9]*\b/;
/** One pass for all of them: most descriptions carry at least one. */
const NOISE = new RegExp([DATE, TIME, PHONE, STAR_REFERENCE].map((r) => r.source).join('|'), 'g');

/** "CHECK 1043", "CHK #1043": one payee-less merchant, Check, whatever the number. */
const CHECK_NUMBER = /\b(CHECK|CHK)(?: ?#| NO\.?)? ?\d+\b/g;

/** Card, trace, store and masked numbers: "24431064", "#1532", "T-1234", "XXXX1234", "...1234", "50010-1234". */
const NUMBER_WORD = /^#\d|^\d{4,}(?:-\d+)?$|^[A-Z]-\d{3,}$|^(?:X{2,}|\.{2,})\d*$|\d{5}/;

const STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ ' +
    'NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI'
  ).split(' '),
);
/** ACH standard entry class codes some cores leave at the end ("IPERS PENSION PPD"). */
const ENTRY_CLASSES = new Set(['PPD', 'CCD']);

const NO_CITIES: ReadonlySet<string> = new Set();

/** How many words before `end` spell one of `cities`, leaving at least one word. */
function cityLength(words: readonly string[], end: number, cities: ReadonlySet<string>): number {
  for (let n = Math.min(3, end - 1); n > 0; n--) {
    if (cities.has(words.slice(end - n, end).join(' '))) return n;
  }
  return 0;
}

/** Drops "… #1532 DES MOINES IA 50309" after the name, and every number word. */
function nameWords(words: readonly string[], cities: ReadonlySet<string>): string[] {
  const numbers = words.map((w) => NUMBER_WORD.test(w));
  let end = words.length;
  while (end > 1 && numbers[end - 1]) end--;
  if (end > 1 && ENTRY_CLASSES.has(words[end - 1] ?? '')) end--;
  // "… & CO" is a company, not Colorado.
  if (end > 1 && STATES.has(words[end - 1] ?? '') && words[end - 2] !== '&') {
    end--;
    // A store number sits between the name and the town: "WAL-MART #1532 DES MOINES IA".
    const named = numbers.indexOf(false);
    let store = -1;
    for (let i = named + 1; i < end && store < 0; i++) if (words[i]?.startsWith('#')) store = i;
    end = store > 0 ? store : end - cityLength(words, end, cities);
  }
  return words.slice(0, end).filter((_, i) => !numbers[i]);
}

export interface SplitDescription {
  /** The channel and processor words removed from the front, e.g. "POS PURCHASE", "TST*". */
  prefix: string;
  /** The merchant part, upper case. */
  name: string;
}

/** `cities`: upper case town names that may stand before the state code. */
export function splitDescription(raw: string, cities: ReadonlySet<string> = NO_CITIES): SplitDescription {
  const upper = raw.toUpperCase().replace(/\s+/g, ' ').trim();
  let rest = upper;
  for (let match = PREFIX.exec(rest); match && match[0].length > 0; match = PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  const text = rest
    .replace(NOISE, ' ')
    .replace(CHECK_NUMBER, '$1')
    .replace(/\*/g, ' ')
    .replace(/# (?=\d)/g, '#');
  const name = nameWords(text.split(' ').filter(Boolean), cities)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)'’]+$/gu, '');
  // A description that cleans to nothing ("ACH DEBIT", "#1234") is kept as printed.
  if (name === '') return { prefix: '', name: upper };
  return { prefix: upper.slice(0, upper.length - rest.length), name };
}

/**
 * The merchant part of a description, upper case: "CHECKCARD 0412 HY-VEE #1234 AMES IA
 * 24431064" → "HY-VEE AMES" ("HY-VEE" when AMES is among `cities`). Removed: channel and
 * processor prefixes, dates, times, phone numbers, order references, check, store, card and
 * masked account numbers, and a trailing state code and ZIP with the town before it (when the
 * town is in `cities` or follows a store number).
 */
export function cleanDescription(raw: string, cities: ReadonlySet<string> = NO_CITIES): string {
  return splitDescription(raw, cities).name;
}
