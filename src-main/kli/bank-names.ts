/**
 * The bank's own names (Settings): its name, the short form descriptions use, and what KLIs
 * therefore read as "this bank" — a payment to one of these is never "elsewhere".
 */
import type { BankNames } from '../../src-shared/domain';
import { getSetting, setSetting } from '../bank/stats';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { bankNamesOf } from './matchers';

export function getBankNames(db: Db): BankNames {
  const name = getSetting(db, 'bank_name') ?? '';
  const shortName = getSetting(db, 'bank_short_name') ?? '';
  return { name, short_name: shortName, recognised: bankNamesOf(name || null, shortName || null) };
}

export function setBankNames(db: Db, input: { name: string; short_name: string }, actor: string): BankNames {
  db.transaction(() => {
    const before = getBankNames(db);
    setSetting(db, 'bank_name', input.name);
    setSetting(db, 'bank_short_name', input.short_name);
    audit(db, {
      actor,
      action: 'bank.names',
      entity: 'settings',
      entity_id: 'bank_names',
      detail: {
        before: { name: before.name, short_name: before.short_name },
        after: { name: input.name, short_name: input.short_name },
      },
    });
  })();
  return getBankNames(db);
}
