/**
 * Merchant cleanup for imported transactions: a raw description and MCC in, a clean merchant
 * name and category out. The importer creates one cleaner per import with the user's rules.
 */
export {
  cleanDescription,
  createMerchantCleaner,
  type CleanMerchant,
  type MerchantCleaner,
  type MerchantCleanerOptions,
} from './normalize';
export { categoryForMcc } from './mcc';
export { MERCHANT_DICTIONARY, type DictionaryEntry } from './dictionary';
export { MERCHANT_CATEGORIES, MERCHANT_CATEGORY_LABELS, isMerchantCategory, type MerchantCategory } from './categories';
