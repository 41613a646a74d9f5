/**
 * Merchant categories and rule matches, without zod: the screens import these values (the
 * rule's schema, which needs zod, is in merchants.ts).
 */
/**
 * Chosen for what a community bank sells: each category answers a question a marketer asks
 * ("who pays a loan elsewhere?", "who gets Social Security here?", "who runs a small
 * business?"). Ids are stored in the database, so an id is never renamed; labels may change.
 */
export const MERCHANT_CATEGORIES = [
  'groceries',
  'restaurants',
  'fuel',
  'retail',
  'online_shopping',
  'subscriptions_streaming',
  'utilities',
  'telecom',
  'insurance',
  'healthcare',
  'travel',
  'auto',
  'home_improvement',
  'housing',
  'education',
  'recreation',
  'charity',
  'payroll',
  'government_benefits',
  'business_income',
  'investments',
  'taxes',
  'loan_payment',
  'transfer',
  'cash',
  'fees',
  'interest',
  'other',
] as const;

export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];

export const MERCHANT_CATEGORY_LABELS: Record<MerchantCategory, string> = {
  groceries: 'Groceries',
  restaurants: 'Restaurants & coffee',
  fuel: 'Fuel, EV charging & convenience',
  retail: 'Retail & department stores',
  online_shopping: 'Online shopping',
  subscriptions_streaming: 'Streaming & subscriptions',
  utilities: 'Utilities',
  telecom: 'Phone, internet & cable',
  insurance: 'Insurance',
  healthcare: 'Health care & pharmacy',
  travel: 'Travel & lodging',
  auto: 'Auto & transportation',
  home_improvement: 'Home improvement',
  housing: 'Rent & housing',
  education: 'Education & childcare',
  recreation: 'Entertainment & fitness',
  charity: 'Charity & donations',
  payroll: 'Payroll',
  government_benefits: 'Social Security & pensions',
  business_income: 'Card sales & payouts (business)',
  investments: 'Investments & brokerage',
  taxes: 'Taxes & government',
  loan_payment: 'Loan & card payments',
  transfer: 'Transfers & deposits',
  cash: 'Cash & ATM',
  fees: 'Bank fees',
  interest: 'Interest & dividends',
  other: 'Other',
};

export function isMerchantCategory(value: string): value is MerchantCategory {
  return (MERCHANT_CATEGORIES as readonly string[]).includes(value);
}

/** How a rule's pattern is compared with a cleaned description (case, spacing and punctuation ignored). */
export const MERCHANT_RULE_MATCHES = ['contains', 'starts_with', 'exact'] as const;
export type MerchantRuleMatch = (typeof MERCHANT_RULE_MATCHES)[number];
