/**
 * The fields a letter template may use, as src-main/plan/merge.ts's MERGE_FIELDS (the renderer
 * does not import main-process code; the template save checks the real list and says which
 * field it does not know).
 */
export const MERGE_FIELDS = [
  'salutation',
  'date',
  'keycode',
  'customer.first_name',
  'customer.last_name',
  'customer.full_name',
  'customer.customer_number',
  'customer.city',
  'customer.state',
  'household.names',
  'household.size',
  'offer.code',
  'offer.name',
  'offer.headline',
  'offer.body',
  'offer.incentive',
  'offer.apy',
  'offer.respond_by',
  'offer.response_days',
  'product.code',
  'product.name',
  'bank.name',
  'bank.short_name',
] as const;
