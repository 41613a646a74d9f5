/**
 * Finds listed phrases among a description's words without trying every phrase in turn: the
 * phrases are filed under their first word, so a description of six words costs six map
 * lookups whether 20 or 2,000 phrases are listed. Used for the merchant dictionary and for the
 * category word lists.
 */

interface Entry<T> {
  /** The words after the first. */
  rest: readonly string[];
  value: T;
  /** Position in the list the index was built from: lower is listed earlier. */
  rank: number;
}

export interface PhraseHit<T> {
  value: T;
  /** Index of the first matching word in the description. */
  start: number;
  words: number;
  rank: number;
}

export class PhraseIndex<T> {
  private readonly byFirstWord = new Map<string, Entry<T>[]>();

  /** `phrases` are match keys (upper case words separated by single spaces). */
  constructor(phrases: Iterable<readonly [phrase: string, value: T]>) {
    let rank = 0;
    for (const [phrase, value] of phrases) {
      const [first, ...rest] = phrase.split(' ');
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ rest, value, rank: rank++ });
      this.byFirstWord.set(first, list);
    }
    // Longest first, so the first hit at a position is the longest one there.
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.rest.length - a.rest.length || a.rank - b.rank);
  }

  /** The phrase that starts earliest in `words`, the longest one at that word. */
  earliest(words: readonly string[]): PhraseHit<T> | null {
    for (let start = 0; start < words.length; start++) {
      const hit = this.longestAt(words, start);
      if (hit) return hit;
    }
    return null;
  }

  /** Of all phrases found anywhere in `words`, the one listed first. */
  firstListed(words: readonly string[]): PhraseHit<T> | null {
    let best: PhraseHit<T> | null = null;
    for (let start = 0; start < words.length; start++) {
      for (const entry of this.byFirstWord.get(words[start] ?? '') ?? []) {
        if ((best === null || entry.rank < best.rank) && restMatches(words, start, entry.rest)) {
          best = { value: entry.value, start, words: entry.rest.length + 1, rank: entry.rank };
        }
      }
    }
    return best;
  }

  private longestAt(words: readonly string[], start: number): PhraseHit<T> | null {
    for (const entry of this.byFirstWord.get(words[start] ?? '') ?? []) {
      if (restMatches(words, start, entry.rest)) {
        return { value: entry.value, start, words: entry.rest.length + 1, rank: entry.rank };
      }
    }
    return null;
  }
}

function restMatches(words: readonly string[], start: number, rest: readonly string[]): boolean {
  for (let i = 0; i < rest.length; i++) if (words[start + 1 + i] !== rest[i]) return false;
  return true;
}
