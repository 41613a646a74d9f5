/**
 * A KLI's "which transactions count" compiled to a test. The engine classifies each distinct
 * transaction signature (description, merchant, category, code, MCC, payee) once, so the test
 * may be as slow as a few regular expressions; direction and account family are checked per
 * transaction because they are not part of the signature.
 *
 * Patterns: case-insensitive. Without `*` a pattern matches whole words anywhere in the text
 * ("MTG" matches "US BANK HOME MTG PMT", not "MTGE"); with `*` it must match the whole text,
 * `*` standing for any characters ("ROCKET*"). "{bank}" stands for this bank's own names.
 */
import type { TransactionMatch } from '../../src-shared/kli';

export interface Signature {
  description: string;
  merchant: string;
  category: string;
  code: string;
  mcc: string;
  counterparty: string;
}

export interface CompiledMatcher {
  key: string;
  /** Does a transaction with this signature count (before direction and account family)? */
  accepts(sig: Signature): boolean;
  direction: 'credit' | 'debit' | 'any';
  /** Does money in (debit false) or out (debit true) count? */
  takes(debit: boolean): boolean;
  /** Account families it is limited to, or null for any account. */
  families: ReadonlySet<string> | null;
}

/** The same filter always gets the same key, whatever the order of its lists. */
export function matcherKey(match: TransactionMatch): string {
  const sorted = (list: string[] | undefined) => (list && list.length > 0 ? [...new Set(list)].sort() : undefined);
  return JSON.stringify({
    c: sorted(match.categories),
    m: sorted(match.merchants),
    x: sorted(match.exclude_merchants),
    mcc: sorted(match.mccs),
    code: sorted(match.codes),
    d: match.direction ?? 'any',
    f: sorted(match.account_families),
    e: match.counterparty_elsewhere ? 1 : undefined,
  });
}

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression for a list of patterns (null when the list is empty). */
export function patternsRegex(patterns: readonly string[], bankNames: readonly string[]): RegExp | null {
  const expanded = patterns.flatMap((p) => (p.trim() === '{bank}' ? bankNames : [p])).filter((p) => p.trim() !== '');
  if (expanded.length === 0) return null;
  const parts = expanded.map((p) => {
    const text = p.trim();
    if (text.includes('*')) return `^${text.split('*').map(escape).join('.*')}$`;
    return `(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`;
  });
  return new RegExp(parts.join('|'), 'iu');
}

/** This bank's names as they show in descriptions: its name, short name and initials ("PVCB"). */
export function bankNamesOf(name: string | null, shortName: string | null): string[] {
  const names = new Set<string>();
  if (name && name.trim()) {
    names.add(name.trim());
    const words = name
      .trim()
      .split(/\s+/)
      .filter((w) => /^\p{L}/u.test(w));
    if (words.length >= 2) names.add(words.map((w) => w[0]!.toUpperCase()).join(''));
  }
  if (shortName && shortName.trim()) names.add(shortName.trim());
  return [...names];
}

/** A payee at another institution: a bank code or name with an account number, not this bank. */
function isElsewhere(counterparty: string, own: RegExp | null): boolean {
  if (!/\p{L}/u.test(counterparty) || !/\d/.test(counterparty)) return false;
  return !(own && own.test(counterparty));
}

export function compileMatcher(match: TransactionMatch, bankNames: readonly string[]): CompiledMatcher {
  const categories = match.categories?.length ? new Set<string>(match.categories) : null;
  const mccs = match.mccs?.length ? new Set(match.mccs) : null;
  const codes = match.codes?.length ? new Set(match.codes.map((c) => c.toUpperCase())) : null;
  const include = patternsRegex(match.merchants ?? [], bankNames);
  const exclude = patternsRegex(match.exclude_merchants ?? [], bankNames);
  const own = patternsRegex(bankNames, []);
  const texts = (sig: Signature) => [sig.description, sig.merchant, sig.counterparty];
  // Categories, MCCs and merchant patterns widen each other (a childcare centre is found by its
  // MCC or its name); codes and the other conditions narrow.
  const anyOf = categories !== null || mccs !== null || include !== null;
  return {
    key: matcherKey(match),
    direction: match.direction ?? 'any',
    takes: (debit) => (debit ? match.direction !== 'credit' : match.direction !== 'debit'),
    families: match.account_families?.length ? new Set<string>(match.account_families) : null,
    accepts(sig) {
      if (codes && !codes.has(sig.code.toUpperCase())) return false;
      if (match.counterparty_elsewhere && !isElsewhere(sig.counterparty, own)) return false;
      if (anyOf) {
        const byCategory = categories !== null && categories.has(sig.category);
        const byMcc = mccs !== null && mccs.has(sig.mcc);
        // With both categories and patterns, a pattern narrows the category ("loan payments to a
        // mortgage lender"); alone, a pattern or an MCC is enough.
        if (categories !== null && include !== null) {
          if (!((byCategory || byMcc) && texts(sig).some((t) => include.test(t)))) return false;
        } else if (!(byCategory || byMcc || (include !== null && texts(sig).some((t) => include.test(t))))) {
          return false;
        }
      }
      if (exclude && texts(sig).some((t) => exclude.test(t))) return false;
      return true;
    },
  };
}
