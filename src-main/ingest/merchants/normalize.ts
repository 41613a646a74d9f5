/**
 * Merchant cleanup: a core's transaction description ("CHECKCARD 0412 HY-VEE #1234 AMES IA
 * 24431064") becomes a merchant a marketer recognises ("Hy-Vee") and a category ("groceries"),
 * stored beside the raw text. The importer calls it once per transaction row, millions of
 * times, and the same few thousand descriptions come back again and again, so results are
 * cached per description and MCC.
 *
 * Who decides, in order:
 *  1. the user's rules, against the cleaned description;
 *  2. words naming the kind of item, whoever's name is on it: "HY-VEE INC PAYROLL" is pay,
 *     "ATM WITHDRAWAL KWIK STAR" is cash (the merchant is still Hy-Vee, Kwik Star);
 *  3. the dictionary of common merchants;
 *  4. the card network's MCC;
 *  5. ordinary words ("COFFEE", "TRANSFER", "Loan payment"), else 'other'.
 * Without a dictionary name, the merchant is the cleaned description in title case.
 */
import type { MerchantCategory, MerchantRule } from '../../../src-shared/merchants';
import { genericCategory, itemCategory } from './categories';
import { splitDescription } from './clean-description';
import { findMerchant } from './dictionary';
import { categoryForMcc } from './mcc';
import { matchKey, titleCase } from './text';

export { cleanDescription } from './clean-description';

export interface CleanMerchant {
  merchant: string;
  category: MerchantCategory;
}

export type MerchantCleaner = (description: string, mcc: string | null) => CleanMerchant;

export interface MerchantCleanerOptions {
  /**
   * Town names to cut from the end of card descriptors ("HY-VEE AMES IA" → "HY-VEE"), such as
   * the cities of the bank's customers. Without them only the state code and ZIP are cut, as a
   * town cannot be told from the end of a merchant's name.
   */
  cities?: Iterable<string>;
  /** Results remembered before the cache starts over; 100,000 by default. */
  cacheSize?: number;
}

interface CompiledRule {
  key: string;
  match: MerchantRule['match'];
  result: CleanMerchant;
}

function ruleMatches(rule: CompiledRule, key: string): boolean {
  switch (rule.match) {
    case 'exact':
      return key === rule.key;
    case 'starts_with':
      return key.startsWith(rule.key);
    case 'contains':
      return key.includes(rule.key);
  }
}

function classify(
  description: string,
  mcc: string | null,
  rules: readonly CompiledRule[],
  cities: ReadonlySet<string>,
): CleanMerchant {
  const { prefix, name } = splitDescription(description, cities);
  if (name === '') return { merchant: '', category: 'other' };
  const key = matchKey(name);
  const rule = rules.find((r) => ruleMatches(r, key));
  if (rule) return { ...rule.result };
  const words = key.split(' ');
  const known = findMerchant(words);
  const merchant = known?.merchant ?? titleCase(name);
  // The prefix counts for the kind of item and the ordinary words: "DIRECT DEP" says pay,
  // "TST*" (Toast, a restaurant point of sale) says restaurant.
  const allWords = prefix === '' ? words : [...matchKey(prefix).split(' '), ...words];
  const item = itemCategory(allWords);
  if (item) return { merchant, category: item };
  if (known) return { merchant, category: known.category };
  const byMcc = categoryForMcc(mcc);
  if (byMcc) return { merchant, category: byMcc };
  return { merchant, category: genericCategory(allWords) ?? 'other' };
}

/**
 * A cleaner for one import: `rules` first (case, spacing and punctuation ignored), then the
 * built-in knowledge. Results are frozen and shared between calls with the same description
 * and MCC; the cache empties itself when full, so memory stays bounded on any file.
 */
export function createMerchantCleaner(
  rules: readonly MerchantRule[] = [],
  options: MerchantCleanerOptions = {},
): MerchantCleaner {
  const compiled: CompiledRule[] = rules
    .map((r) => ({ key: matchKey(r.pattern), match: r.match, result: { merchant: r.merchant, category: r.category } }))
    .filter((r) => r.key !== '');
  const cities = new Set<string>();
  for (const city of options.cities ?? []) cities.add(city.toUpperCase().replace(/\s+/g, ' ').trim());
  const limit = Math.max(1, options.cacheSize ?? 100_000);
  const cache = new Map<string, CleanMerchant>();
  return (description, mcc) => {
    const cacheKey = mcc ? `${mcc}\u0000${description}` : description;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const result = Object.freeze(classify(description, mcc, compiled, cities));
    if (cache.size >= limit) cache.clear();
    cache.set(cacheKey, result);
    return result;
  };
}
