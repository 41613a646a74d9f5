/**
 * The users' own merchant rules, kept in the bank's database: every import cleans
 * descriptions with them (before the built-in dictionary), and saving them cleans the
 * transactions already loaded again, so the merchant column always follows the rules.
 */
import type { MerchantRule, MerchantRuleMatch } from '../../src-shared/merchants';
import type { MerchantCategory } from '../../src-shared/merchants';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { numberUnsignedTransactions } from '../bank/signatures';
import { createMerchantCleaner, type MerchantCleaner } from './merchants';

export function listMerchantRules(db: Db): MerchantRule[] {
  return (
    db.prepare('SELECT pattern, match, merchant, category FROM merchant_rules ORDER BY position').all() as {
      pattern: string;
      match: MerchantRuleMatch;
      merchant: string;
      category: MerchantCategory;
    }[]
  ).map((r) => ({ pattern: r.pattern, match: r.match, merchant: r.merchant, category: r.category }));
}

/**
 * A cleaner with this bank's rules (or rules being tried), knowing its customers' towns (so
 * "HY-VEE AMES IA" loses "AMES").
 */
export function bankMerchantCleaner(db: Db, rules: readonly MerchantRule[] = listMerchantRules(db)): MerchantCleaner {
  const cities = db.prepare("SELECT DISTINCT city FROM customers WHERE city != ''").pluck().all() as string[];
  return createMerchantCleaner(rules, { cities });
}

/**
 * Cleans every loaded transaction again: each distinct description and MCC once, then one
 * pass over the transactions table. A changed row is numbered again by its new signature.
 */
export function recleanTransactions(db: Db, cleaner: MerchantCleaner): number {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS merchant_map (
    description TEXT NOT NULL, mcc TEXT, merchant TEXT NOT NULL, category TEXT NOT NULL)`);
  db.exec('DELETE FROM temp.merchant_map');
  const insert = db.prepare('INSERT INTO temp.merchant_map VALUES (?, ?, ?, ?)');
  // (read in full first: a connection cannot write while it iterates)
  const distinct = db.prepare('SELECT DISTINCT description, mcc FROM transactions').all() as Iterable<{
    description: string;
    mcc: string | null;
  }>;
  for (const { description, mcc } of distinct) {
    const cleaned = cleaner(description, mcc);
    insert.run(description, mcc, cleaned.merchant, cleaned.category);
  }
  db.exec('CREATE INDEX IF NOT EXISTS temp.merchant_map_key ON merchant_map(description, mcc)');
  const changes = db
    .prepare(
      `UPDATE transactions SET merchant = m.merchant, category = m.category, signature_id = NULL
       FROM temp.merchant_map m
       WHERE m.description = transactions.description AND m.mcc IS transactions.mcc
         AND (transactions.merchant IS NOT m.merchant OR transactions.category IS NOT m.category)`,
    )
    .run().changes;
  db.exec('DELETE FROM temp.merchant_map');
  if (changes > 0) numberUnsignedTransactions(db);
  return changes;
}

/** Replaces the rules and re-cleans what is loaded, in one transaction. */
export function saveMerchantRules(
  db: Db,
  rules: MerchantRule[],
  actor: string,
): { rules: MerchantRule[]; changed: number } {
  return db.transaction(() => {
    db.prepare('DELETE FROM merchant_rules').run();
    const insert = db.prepare(
      'INSERT INTO merchant_rules (pattern, match, merchant, category, position) VALUES (?, ?, ?, ?, ?)',
    );
    rules.forEach((r, i) => insert.run(r.pattern, r.match, r.merchant, r.category, i));
    const changed = recleanTransactions(db, bankMerchantCleaner(db));
    audit(db, {
      actor,
      action: 'merchant_rules.save',
      entity: 'settings',
      entity_id: 'merchant_rules',
      detail: { rules: rules.length, changed },
    });
    return { rules: listMerchantRules(db), changed };
  })();
}
