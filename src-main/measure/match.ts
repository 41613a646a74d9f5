/**
 * Match-back: ties a response to a household that was mailed or held out in the runs measured.
 * In order: the customer number (the customer, or someone in a household mailed: "household"),
 * the account number of an account already imported, the keycode printed on the letter, then
 * for new customers a fuzzy comparison of name and address within the ZIP code. Each match keeps
 * its rule and score; fuzzy scores between DOUBTFUL and SURE wait for the user to confirm.
 */
import { distance } from 'fastest-levenshtein';
import type { Db } from '../db/open';
import { normalizeAddressLine } from '../ingest/usps-address';
import type { ResponseRecord } from './response-file';

export type MatchRule = 'customer_number' | 'account_number' | 'keycode' | 'household' | 'name_address';
export type MatchStatus = 'matched' | 'doubtful' | 'unmatched';

export interface Match {
  customer_id: number | null;
  household_id: number | null;
  rule: MatchRule | null;
  score: number | null;
  status: MatchStatus;
  note: string | null;
}

/** A fuzzy score at or above this is a match; between DOUBTFUL and this, the user decides. */
export const SURE = 0.9;
export const DOUBTFUL = 0.75;

/** 1 for the same text, 0 for nothing in common (edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  if (a === '' && b === '') return 1;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

const letters = (s: string | null | undefined) =>
  (s ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface Candidate {
  customer_id: number;
  household_id: number;
  name: string;
  last: string;
  address: string;
}

/** Name and address against a candidate: surname weighs most, then the whole name, then the street. */
export function nameAddressScore(
  response: { first_name: string | null; last_name: string | null; address: string | null },
  candidate: { name: string; last: string; address: string },
): number {
  const last = letters(response.last_name);
  const whole = letters(`${response.first_name ?? ''} ${response.last_name ?? ''}`);
  const address = normalizeAddressLine(letters(response.address));
  const nameScore = 0.6 * similarity(last, candidate.last) + 0.4 * similarity(whole, candidate.name);
  if (!address) return nameScore * 0.8;
  return 0.5 * nameScore + 0.5 * similarity(address, candidate.address);
}

export class Matcher {
  private readonly households: Set<number>;
  private readonly recipients: Set<number>;
  private readonly byZip = new Map<string, Candidate[]>();
  private readonly customer;
  private readonly account;
  private readonly keycode;

  /** `runIds`: the runs whose mailed and held-out households a response can match. */
  constructor(
    private readonly db: Db,
    runIds: readonly number[],
  ) {
    const ids = JSON.stringify(runIds);
    const rows = db
      .prepare(`SELECT customer_id, household_id FROM run_recipients WHERE run_id IN (SELECT value FROM json_each(?))`)
      .all(ids) as { customer_id: number; household_id: number }[];
    this.households = new Set(rows.map((r) => r.household_id));
    this.recipients = new Set(rows.map((r) => r.customer_id));
    // Everyone living in a household measured, for name and address matching by ZIP code.
    const people = db
      .prepare(
        `SELECT id, household_id, first_name, last_name, address_line1, substr(zip, 1, 5) AS zip FROM customers
         WHERE household_id IN (SELECT household_id FROM run_recipients WHERE run_id IN (SELECT value FROM json_each(?)))`,
      )
      .all(ids) as {
      id: number;
      household_id: number;
      first_name: string;
      last_name: string;
      address_line1: string;
      zip: string;
    }[];
    for (const p of people) {
      const list = this.byZip.get(p.zip) ?? [];
      list.push({
        customer_id: p.id,
        household_id: p.household_id,
        name: letters(`${p.first_name} ${p.last_name}`),
        last: letters(p.last_name),
        address: normalizeAddressLine(letters(p.address_line1)),
      });
      this.byZip.set(p.zip, list);
    }
    this.customer = db.prepare('SELECT id, household_id FROM customers WHERE customer_number = ?');
    this.account = db.prepare(
      `SELECT c.id, c.household_id FROM accounts a JOIN account_owners o ON o.account_id = a.id
       JOIN customers c ON c.id = o.customer_id WHERE a.account_number = ? ORDER BY o.role = 'owner' DESC LIMIT 1`,
    );
    this.keycode = db.prepare(
      `SELECT customer_id AS id, household_id FROM run_recipients
       WHERE keycode = ? AND run_id IN (SELECT value FROM json_each(?))`,
    );
    this.runIds = ids;
  }

  private readonly runIds: string;

  /** Who a known customer is to the campaign: the recipient, their household, or neither. */
  private known(person: { id: number; household_id: number }, rule: MatchRule): Match {
    if (!this.households.has(person.household_id))
      return {
        customer_id: person.id,
        household_id: person.household_id,
        rule: null,
        score: null,
        status: 'unmatched',
        note: 'A customer, but not in a household mailed or held out',
      };
    const own = this.recipients.has(person.id) || rule === 'keycode';
    return {
      customer_id: person.id,
      household_id: person.household_id,
      rule: own ? rule : 'household',
      score: 1,
      status: 'matched',
      note: null,
    };
  }

  match(r: ResponseRecord): Match {
    type Person = { id: number; household_id: number } | undefined;
    if (r.customer_number) {
      const person = this.customer.get(r.customer_number) as Person;
      if (person) return this.known(person, 'customer_number');
    }
    if (r.account_number) {
      const person = this.account.get(r.account_number) as Person;
      if (person) return this.known(person, 'account_number');
    }
    if (r.keycode) {
      const person = this.keycode.get(r.keycode, this.runIds) as Person;
      if (person) return this.known(person, 'keycode');
    }
    if (r.last_name && r.zip) {
      let best: { candidate: Candidate; score: number } | null = null;
      for (const candidate of this.byZip.get(r.zip.slice(0, 5)) ?? []) {
        const score = nameAddressScore(r, candidate);
        if (!best || score > best.score) best = { candidate, score };
      }
      if (best && best.score >= DOUBTFUL) {
        const score = Math.round(best.score * 1000) / 1000;
        return {
          customer_id: best.candidate.customer_id,
          household_id: best.candidate.household_id,
          rule: 'name_address',
          score,
          status: best.score >= SURE ? 'matched' : 'doubtful',
          note: best.score >= SURE ? null : 'Name and address are close: confirm or reject',
        };
      }
    }
    return {
      customer_id: null,
      household_id: null,
      rule: null,
      score: null,
      status: 'unmatched',
      note: r.customer_number
        ? `No customer ${r.customer_number}, and nothing else matched`
        : 'Nothing matched a household mailed or held out',
    };
  }
}
