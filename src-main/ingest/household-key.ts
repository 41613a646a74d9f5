import { addressKey } from './usps-address';

export type HouseholdSource = 'core' | 'address' | 'single';

/**
 * The key that groups customers into a household: the core's household id when the file has
 * one, else the mailing address in USPS standard form (Publication 28) with the 5-digit ZIP,
 * else (no address at all) the customer alone.
 */
export function householdKey(input: {
  customer_number: string;
  household_id: string | null;
  address_line1: string;
  address_line2: string | null;
  zip: string;
}): { key: string; source: HouseholdSource } {
  if (input.household_id) return { key: `core:${input.household_id}`, source: 'core' };
  if (input.address_line1.trim() === '') return { key: `single:${input.customer_number}`, source: 'single' };
  return { key: `addr:${addressKey(input.address_line1, input.address_line2, input.zip)}`, source: 'address' };
}
