/**
 * Schemas for what the screens and rule files send about KLIs and triggers: a custom KLI's
 * definition, a built-in's parameters, a trigger rule. The main process validates with these;
 * the screens import only the types (kli.ts has the values they need).
 */
import { z } from 'zod';
import { PRODUCT_FAMILIES } from './domain';
import { KLI_MEASURES, TRIGGER_TYPES, type KliDefinition, type TriggerRule } from './kli';
import { MERCHANT_CATEGORIES } from './merchant-categories';

const pattern = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/[\p{L}\p{N}]/u, 'a pattern needs at least one letter or digit');

export const transactionMatchSchema = z
  .object({
    categories: z.array(z.enum(MERCHANT_CATEGORIES)).max(40).optional(),
    merchants: z.array(pattern).max(200).optional(),
    exclude_merchants: z.array(pattern).max(200).optional(),
    mccs: z
      .array(z.string().regex(/^\d{4}$/, 'an MCC is four digits'))
      .max(200)
      .optional(),
    codes: z.array(z.string().trim().min(1).max(20)).max(40).optional(),
    direction: z.enum(['credit', 'debit', 'any']).optional(),
    account_families: z.array(z.enum(PRODUCT_FAMILIES)).max(20).optional(),
    counterparty_elsewhere: z.boolean().optional(),
  })
  .strict()
  .refine(
    (m) =>
      (m.categories?.length ?? 0) + (m.merchants?.length ?? 0) + (m.mccs?.length ?? 0) + (m.codes?.length ?? 0) > 0 ||
      m.counterparty_elsewhere === true ||
      (m.account_families?.length ?? 0) > 0,
    'say which transactions count: at least one category, merchant pattern, MCC or code',
  );

const cents = z.number().int().min(-1e13).max(1e13);

export const kliRuleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('activity'),
      match: transactionMatchSchema,
      also: transactionMatchSchema.optional(),
      measure: z.enum(KLI_MEASURES),
      min: z.number().min(0).max(1e13),
      min_months: z.number().int().min(0).max(60).optional(),
    })
    .strict(),
  z.object({ type: z.literal('cash-flow'), min_months: z.number().int().min(1).max(60) }).strict(),
  z.object({ type: z.literal('savings-vs-pay'), multiple: z.number().min(0.1).max(120) }).strict(),
  z
    .object({
      type: z.literal('balance'),
      direction: z.enum(['below', 'above']),
      threshold_cents: cents,
      months: z.number().int().min(1).max(24),
      non_interest_checking: z.boolean().optional(),
    })
    .strict(),
]);

export const kliIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes');

/** A custom KLI as the marketer saves it (and as `kli` rule files hold it). */
export const customKliSchema = z
  .object({
    id: kliIdSchema,
    name: z.string().trim().min(1).max(120),
    question: z.string().trim().max(500).default(''),
    product: z.enum(PRODUCT_FAMILIES),
    rule: kliRuleSchema,
  })
  .strict();

export type CustomKliInput = z.input<typeof customKliSchema>;

export const triggerRuleSchema = z
  .object({
    id: kliIdSchema,
    name: z.string().trim().min(1).max(120),
    type: z.enum(TRIGGER_TYPES),
    direction: z.enum(['above', 'below']).optional(),
    threshold_cents: cents.optional(),
    percent_of_balance: z.number().min(0).max(10_000).optional(),
    months: z.number().int().min(1).max(24).optional(),
    families: z.array(z.enum(PRODUCT_FAMILIES)).max(20).optional(),
    action: z.discriminatedUnion('type', [
      z.object({ type: z.literal('offer'), product: z.enum(PRODUCT_FAMILIES) }).strict(),
      z.object({ type: z.literal('call-list') }).strict(),
    ]),
    enabled: z.boolean().default(true),
  })
  .strict();

// What the schemas accept is a valid shared shape.
type Assignable<A, B> = [A] extends [B] ? true : never;
const _customFits: Assignable<z.output<typeof customKliSchema>, Omit<KliDefinition, 'builtin'>> = true;
const _triggerFits: Assignable<z.output<typeof triggerRuleSchema>, TriggerRule> = true;
void _customFits;
void _triggerFits;
