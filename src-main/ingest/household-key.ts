/**
 * The key that groups customers into a household: the core's household id when the file has
 * one, else the normalized mailing address. This is the foundation's simple rule (case,
 * punctuation and spacing folded, ZIP5); USPS abbreviations come with the general importer.
 */
export function householdKey(input: {
  household_id: string | null;
  address_line1: string;
  address_line2: string | null;
  zip: string;
}): { key: string; source: 'core' | 'address' } {
  if (input.household_id) return { key: `core:${input.household_id}`, source: 'core' };
  const fold = (s: string) =>
    s
      .toUpperCase()
      .replace(/[^A-Z0-9 ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const line2 = input.address_line2 ? ` ${fold(input.address_line2)}` : '';
  return {
    key: `addr:${fold(input.address_line1)}${line2}|${input.zip.slice(0, 5)}`,
    source: 'address',
  };
}
