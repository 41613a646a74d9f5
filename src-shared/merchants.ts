/**
 * Merchant cleanup vocabulary shared by the main process and the screens: the categories a
 * transaction's payee falls into (stored beside the raw description, shown and edited on the
 * screens) and the user's own rules, which the screens send to the main process.
 */
import { z } from 'zod';

import { MERCHANT_CATEGORIES, MERCHANT_RULE_MATCHES } from './merchant-categories';

export {
  MERCHANT_CATEGORIES,
  MERCHANT_CATEGORY_LABELS,
  MERCHANT_RULE_MATCHES,
  isMerchantCategory,
  type MerchantCategory,
  type MerchantRuleMatch,
} from './merchant-categories';

/** A user's rule: descriptions it matches get this merchant and category, before anything built in. */
export const merchantRuleSchema = z
  .object({
    pattern: z
      .string()
      .trim()
      .max(200)
      .regex(/[\p{L}\p{N}]/u, 'a pattern needs at least one letter or digit'),
    match: z.enum(MERCHANT_RULE_MATCHES),
    merchant: z.string().trim().min(1).max(200),
    category: z.enum(MERCHANT_CATEGORIES),
  })
  .strict();

export type MerchantRule = z.infer<typeof merchantRuleSchema>;
