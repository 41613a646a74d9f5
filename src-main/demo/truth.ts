/**
 * demo-truth.txt: what the generator planted, one row per customer, for scoring the KLIs. It is not
 * part of the standard layout and the importer never reads it.
 *
 * A customer's truth is what shows in the checking account they own or co-own (each customer
 * is on at most one such "everyday" account; a couple sharing one share its truth). A trait is
 * Y only when its transactions really posted there, so a trait planted on an account opened
 * too late to show it reads N. Customers with no everyday checking account read N throughout.
 */
import type { GenContext } from './context';
import type { CheckingPlan } from './checking';
import { lifeStage, type Customer, type Household } from './people';

export const TRUTH_HEADER = [
  'customer_number',
  'household',
  'life_stage',
  'checking_account',
  'months_observed',
  'income_source',
  'payroll_here',
  'payroll_employer',
  'payroll_frequency',
  'earners',
  'benefits_here',
  'dd_elsewhere',
  'dd_elsewhere_bank',
  'mortgage_elsewhere_lender',
  'rent_payee',
  'auto_loan_elsewhere_lender',
  'student_loan_elsewhere',
  'student_loan_servicer',
  'card_elsewhere_issuer',
  'invests_broker',
  'insurance_payer',
  'subscriptions_count',
  'subscriptions',
  'childcare',
  'home_improvement',
  'traveler',
  'sustainability',
  'sustainability_kind',
  'small_business_receipts',
  'small_business_processor',
  'foreign_atm_fees',
  'overdrafts',
  'regular_saver',
  'saver_months',
  'saver_missed_month',
] as const;

const yn = (value: boolean) => (value ? 'Y' : 'N');

export function truthRow(
  ctx: GenContext,
  household: Household,
  customer: Customer,
  plan: CheckingPlan | undefined,
): string[] {
  if (!plan) {
    const row: string[] = TRUTH_HEADER.map((name) =>
      COUNT_COLUMNS.has(name) ? '0' : VALUE_COLUMNS.has(name) ? '' : 'N',
    );
    row[0] = customer.number;
    row[1] = String(household.index);
    row[2] = customer.minor ? 'minor' : lifeStage(ctx, customer.age);
    row[5] = 'none';
    return row;
  }
  const { persona: p, checking, planted } = plan;
  const posted = new Set<string>();
  for (const posting of checking.postings) posted.add(posting.desc);
  const shows = (payee: string | undefined | null) => (payee ? posted.has(payee) : false);
  const named = (payee: string | undefined | null) => (payee && posted.has(payee) ? payee : '');

  const employers = p.payrolls.filter((x) => posted.has(x.employer));
  // Partners at the same employer show as one name (and two earners).
  const distinct = employers.filter((e, i) => employers.findIndex((x) => x.employer === e.employer) === i);
  const elsewhereText = p.elsewhere ? `TRANSFER FROM ${p.elsewhere.bank} XXXX${p.elsewhere.last4}` : '';
  const ddElsewhere = p.income === 'dd_elsewhere' && posted.has(elsewhereText);
  const benefits = shows(ctx.params.payees.socialSecurity) || shows(p.pension?.payer);
  const subscriptions = p.subscriptions.filter((s) => posted.has(s.payee)).map((s) => s.payee);
  const green = p.sustainability && posted.has(p.sustainability.payee) ? p.sustainability : null;
  const business = named(p.business?.processor);
  // Regular savers are planted only where both accounts span the whole window: 12 or 13 months.
  const saver = p.saver !== null && planted.saverMonths >= 12;
  const months = ctx.window.months.filter((m) => m.last >= checking.openDay).length;
  const income =
    employers.length > 0 ? 'payroll_here' : benefits ? 'benefits_here' : ddElsewhere ? 'dd_elsewhere' : 'none';

  return [
    customer.number,
    String(household.index),
    p.stage,
    checking.number,
    String(months),
    income,
    yn(employers.length > 0),
    distinct.map((e) => e.employer).join('|'),
    distinct.map((e) => e.frequency).join('|'),
    String(employers.length),
    yn(benefits),
    yn(ddElsewhere),
    ddElsewhere && p.elsewhere ? p.elsewhere.bank : '',
    named(p.mortgage?.payee),
    named(p.rent?.payee),
    named(p.auto?.payee),
    yn(shows(p.student?.payee)),
    named(p.student?.payee),
    named(p.card?.issuer),
    named(p.broker?.name),
    named(p.insurance?.payee),
    String(subscriptions.length),
    subscriptions.join('|'),
    yn(shows(p.childcare?.payee)),
    yn(planted.homeImprovementPurchases > 0),
    yn(planted.trips > 0),
    yn(green !== null),
    green?.kind ?? '',
    yn(business !== ''),
    business,
    String(planted.foreignAtmFees),
    String(planted.overdrafts),
    yn(saver),
    String(planted.saverMonths),
    yn(saver && planted.saverMissedMonth),
  ];
}

const VALUE_COLUMNS = new Set<string>([
  'life_stage',
  'checking_account',
  'payroll_employer',
  'payroll_frequency',
  'dd_elsewhere_bank',
  'mortgage_elsewhere_lender',
  'rent_payee',
  'auto_loan_elsewhere_lender',
  'student_loan_servicer',
  'card_elsewhere_issuer',
  'invests_broker',
  'insurance_payer',
  'subscriptions',
  'sustainability_kind',
  'small_business_processor',
]);
const COUNT_COLUMNS = new Set<string>([
  'months_observed',
  'earners',
  'subscriptions_count',
  'foreign_atm_fees',
  'overdrafts',
  'saver_months',
]);
