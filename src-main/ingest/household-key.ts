import type { HouseholdRule } from '../../src-shared/domain';
import { addressKey } from './usps-address';

export type HouseholdSource = 'core' | 'address' | 'single';

export const DEFAULT_HOUSEHOLD_RULE: HouseholdRule = {
  use_core_id: true,
  by_address: true,
  ignore_unit: false,
  shared_accounts: false,
};

/**
 * The key that groups customers into a household, as the rule says: the core's household id
 * when the file has one, else the mailing address in USPS standard form (Publication 28) with
 * the 5-digit ZIP, else the customer alone. (Joining customers who share an account is done
 * over the whole bank afterwards: see bank/households.ts.)
 */
export function householdKey(
  input: {
    customer_number: string;
    household_id: string | null;
    address_line1: string;
    address_line2: string | null;
    zip: string;
  },
  rule: HouseholdRule = DEFAULT_HOUSEHOLD_RULE,
): { key: string; source: HouseholdSource } {
  if (rule.use_core_id && input.household_id) return { key: `core:${input.household_id}`, source: 'core' };
  if (!rule.by_address || input.address_line1.trim() === '') {
    return { key: `single:${input.customer_number}`, source: 'single' };
  }
  return {
    key: `addr:${addressKey(input.address_line1, input.address_line2, input.zip, rule.ignore_unit)}`,
    source: 'address',
  };
}
