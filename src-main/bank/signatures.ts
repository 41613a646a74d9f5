/**
 * Transaction signatures: what the KLI filters read of a transaction (its description, cleaned
 * merchant and category, code, MCC and counterparty). Most transactions share one with many
 * others ("PAYROLL ACME CORP" every month), so each distinct signature is numbered once, at
 * import, and a KLI compute reads that number per row and classifies each signature once.
 *
 * A row's signature_id is only a shortcut: rows without one (loaded before signatures existed,
 * re-cleaned by new merchant rules since, or past the limit below) are read by their text.
 */
import type { Db } from '../db/open';

/** Beyond this many signatures (descriptions carrying unique references) rows are left unnumbered. */
export const SIGNATURE_LIMIT = 2_000_000;

const SEPARATOR = '\u0001';

/** The fields of a signature in their fixed order, missing ones as ''. */
export type SignatureFields = [
  description: string,
  merchant: string,
  category: string,
  code: string,
  mcc: string,
  counterparty: string,
];

/** One string per signature (for maps), and back. */
export const signatureKey = (fields: Readonly<SignatureFields>): string => fields.join(SEPARATOR);

export function signatureFields(key: string): SignatureFields {
  const [description = '', merchant = '', category = '', code = '', mcc = '', counterparty = ''] = key.split(SEPARATOR);
  return [description, merchant, category, code, mcc, counterparty];
}

/** The same key in SQL, of a transactions row (or any row with these columns). */
export const signatureKeySql = (t: string) =>
  `${t}.description || char(1) || coalesce(${t}.merchant, '') || char(1) || coalesce(${t}.category, '') || char(1) ||
   ${t}.code || char(1) || coalesce(${t}.mcc, '') || char(1) || coalesce(${t}.counterparty, '')`;

/**
 * Numbers signatures for an import: the known ones are read once (at the first row), new ones
 * are added. Returns null past SIGNATURE_LIMIT.
 */
export function signatureNumberer(db: Db): (fields: Readonly<SignatureFields>) => number | null {
  let known: Map<string, number> | null = null;
  const insert = db.prepare(
    `INSERT INTO transaction_signatures (description, merchant, category, code, mcc, counterparty)
     VALUES (?, nullif(?, ''), nullif(?, ''), ?, nullif(?, ''), nullif(?, '')) RETURNING id`,
  );
  return (fields) => {
    if (!known) {
      known = new Map();
      const rows = db
        .prepare(`SELECT ${signatureKeySql('s')}, s.id FROM transaction_signatures s`)
        .raw()
        .iterate() as Iterable<[string, number]>;
      for (const [key, id] of rows) known.set(key, id);
    }
    const key = signatureKey(fields);
    let id = known.get(key);
    if (id === undefined) {
      if (known.size >= SIGNATURE_LIMIT) return null;
      id = (insert.raw().get(...fields) as [number])[0];
      known.set(key, id);
    }
    return id;
  };
}

/**
 * Numbers the transactions that have no signature number yet (after merchant rules re-cleaned
 * them, or rows loaded before numbering existed): each distinct signature once, then one
 * update. Returns how many rows were numbered.
 */
export function numberUnsignedTransactions(db: Db): number {
  const distinct = db
    .prepare(
      `SELECT DISTINCT description, coalesce(merchant, ''), coalesce(category, ''), code, coalesce(mcc, ''),
              coalesce(counterparty, '')
       FROM transactions WHERE signature_id IS NULL`,
    )
    .raw()
    .all() as SignatureFields[];
  if (distinct.length === 0) return 0;
  const numberOf = signatureNumberer(db);
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS signature_map (key TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID`);
  db.exec('DELETE FROM temp.signature_map');
  const insert = db.prepare('INSERT INTO temp.signature_map (key, id) VALUES (?, ?)');
  for (const fields of distinct) {
    const id = numberOf(fields);
    if (id !== null) insert.run(signatureKey(fields), id);
  }
  const changes = db
    .prepare(
      `UPDATE transactions SET signature_id = m.id FROM temp.signature_map m
       WHERE transactions.signature_id IS NULL AND m.key = ${signatureKeySql('transactions')}`,
    )
    .run().changes;
  db.exec('DELETE FROM temp.signature_map');
  return changes;
}
