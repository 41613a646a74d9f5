/**
 * The traits planted on a checking account: where the money comes from (payroll here,
 * benefits, or transfers from another bank) and what regularly leaves (a mortgage or car loan
 * paid elsewhere, card autopay, insurance, streaming, childcare…). Every trait here becomes a
 * recognisable pattern in the account's transactions and a column in demo-truth.txt; a trait not
 * planted leaves no trace, so a KLI can be scored against the truth.
 */
import type { TransactionCode } from '../../src-shared/domain';
import { dollarsToCents } from './accounts';
import type { GenContext } from './context';
import { lifeStage, STAGE_INDEX, type Customer, type LifeStage } from './people';

export type PayFrequency = 'biweekly' | 'semimonthly' | 'monthly';
export type IncomeSource = 'payroll_here' | 'benefits_here' | 'dd_elsewhere' | 'none';

export interface Payroll {
  employer: string;
  frequency: PayFrequency;
  cents: number;
  /** Biweekly pay dates fall on this weekday-aligned cycle: 0 or 7 days into the fortnight. */
  phase: number;
}

export interface Bill {
  payee: string;
  cents: number;
  dom: number;
  code: TransactionCode;
  mcc: string;
}

export interface Persona {
  stage: LifeStage;
  income: IncomeSource;
  payrolls: Payroll[];
  /** Social Security: monthly amounts (one per beneficiary) and the Wednesday it comes. */
  socialSecurity: { cents: number[]; wednesday: 2 | 3 | 4 } | null;
  pension: { payer: string; cents: number } | null;
  elsewhere: { bank: string; last4: string; perMonth: number } | null;
  business: { processor: string; perMonth: number; medianCents: number } | null;
  mortgage: Bill | null;
  rent: Bill | null;
  auto: Bill | null;
  student: Bill | null;
  card: { issuer: string; dom: number } | null;
  broker: { name: string; style: 'monthly' | 'irregular'; cents: number; dom: number } | null;
  insurance: (Bill & { semiannual: boolean }) | null;
  subscriptions: Bill[];
  utilities: Bill[];
  childcare: (Bill & { biweekly: boolean }) | null;
  homeImprovement: boolean;
  traveler: boolean;
  sustainability: { kind: 'ev' | 'solar' | 'transit'; payee: string; mcc: string } | null;
  foreignAtm: boolean;
  overdraft: boolean;
  saver: { cents: number; dom: number; missesOneMonth: boolean } | null;
  taxRefund: boolean;
  /** How money beyond the bills leaves when there is no card to pay: checks, Zelle, cash. */
  lump: 'check' | 'p2p' | 'cash' | 'own_card';
}

export interface UnitFacts {
  owner: Customer;
  joint: Customer | null;
  /** Whether this account pays the household's housing and childcare. */
  housing: boolean;
  mortgageHere: boolean;
  autoHere: boolean;
  cardHere: boolean;
  apartment: boolean;
  hasSavings: boolean;
  bankEmployee: boolean;
}

function stageRate(rates: readonly [number, number, number, number], stage: LifeStage): number {
  return rates[STAGE_INDEX[stage]];
}

function clampCents(cents: number, minDollars: number, maxDollars: number): number {
  return Math.max(dollarsToCents(minDollars), Math.min(dollarsToCents(maxDollars), Math.round(cents)));
}

function payrollFor(ctx: GenContext, person: Customer, bankEmployee: boolean): Payroll {
  const { rng } = ctx;
  const employer = ctx.pick.employers.draw(rng);
  const name = bankEmployee ? ctx.params.bank.payrollName : employer.name;
  const frequency = bankEmployee ? 'semimonthly' : employer.frequency;
  // Young and part-time earners take home less; the steady amount varies little between checks.
  const youth = person.age < 23 ? 0.55 : person.age < 27 ? 0.8 : 1;
  const annual = rng.lognormal(employer.netPay * youth, 0.28);
  const perPeriod = frequency === 'biweekly' ? annual / 26 : frequency === 'semimonthly' ? annual / 24 : annual / 12;
  return { employer: name, frequency, cents: clampCents(perPeriod * 100, 180, 12_000), phase: rng.chance(0.5) ? 0 : 7 };
}

export function monthlyIncome(p: Pick<Persona, 'payrolls' | 'socialSecurity' | 'pension'>): number {
  let total = 0;
  for (const pay of p.payrolls) {
    total +=
      pay.frequency === 'biweekly'
        ? (pay.cents * 26) / 12
        : pay.frequency === 'semimonthly'
          ? pay.cents * 2
          : pay.cents;
  }
  for (const ss of p.socialSecurity?.cents ?? []) total += ss;
  total += p.pension?.cents ?? 0;
  return Math.round(total);
}

function bill(ctx: GenContext, payee: string, cents: number, code: TransactionCode = 'ACH_DR', mcc = ''): Bill {
  return { payee, cents: Math.round(cents), dom: ctx.rng.int(1, 28), code, mcc };
}

function incomeOf(
  ctx: GenContext,
  facts: UnitFacts,
  stage: LifeStage,
): Pick<Persona, 'income' | 'payrolls' | 'socialSecurity' | 'pension' | 'elsewhere'> {
  const { rng } = ctx;
  const income = ctx.params.personas.income;
  const people = [facts.owner, ...(facts.joint && !facts.joint.minor ? [facts.joint] : [])];
  const roll = rng.next();
  const payrollShare = stageRate(income.payroll, stage);
  const kind = facts.bankEmployee
    ? 'payroll'
    : roll < payrollShare
      ? 'payroll'
      : roll < payrollShare + stageRate(income.retirement, stage)
        ? 'retirement'
        : 'none';
  const none = { income: 'none' as const, payrolls: [], socialSecurity: null, pension: null, elsewhere: null };
  if (kind === 'none') return none;
  const elsewhere =
    !facts.bankEmployee && rng.chance(kind === 'payroll' ? income.payrollElsewhere : income.retirementElsewhere);
  if (elsewhere) {
    const bank = ctx.pick.otherBanks.draw(rng).name;
    return {
      ...none,
      income: 'dd_elsewhere',
      elsewhere: { bank, last4: rng.digits(4), perMonth: rng.chance(0.85) ? 1 : 2 },
    };
  }
  if (kind === 'payroll') {
    const payrolls = [payrollFor(ctx, facts.owner, facts.bankEmployee)];
    const partner = people[1];
    if (partner && partner.age < 70 && rng.chance(income.secondEarner)) payrolls.push(payrollFor(ctx, partner, false));
    return { ...none, income: 'payroll_here', payrolls };
  }
  const beneficiaries = people.filter((p) => p.age >= 62);
  const amounts = (beneficiaries.length > 0 ? beneficiaries : [facts.owner]).map((p) =>
    clampCents(rng.lognormal(1_950, 0.28) * 100 * (p === facts.owner ? 1 : 0.8), 700, 4_100),
  );
  const pension = rng.chance(income.pension)
    ? { payer: ctx.pick.pensions.draw(rng).name, cents: clampCents(rng.lognormal(1_100, 0.55) * 100, 150, 6_000) }
    : null;
  return {
    ...none,
    income: 'benefits_here',
    socialSecurity: { cents: amounts, wednesday: rng.pick([2, 3, 4] as const) },
    pension,
  };
}

export function newPersona(ctx: GenContext, facts: UnitFacts): Persona {
  const { rng, pick } = ctx;
  const t = ctx.params.personas.traits;
  const stage = lifeStage(ctx, facts.owner.age);
  const rate = (rates: readonly [number, number, number, number]) => stageRate(rates, stage);
  const income = incomeOf(ctx, facts, stage);
  // Bills are sized against what comes in, so the account neither drains nor piles up.
  const base = Math.max(dollarsToCents(1_800), monthlyIncome(income) || dollarsToCents(2_600));
  const share = (low: number, high: number) => base * rng.float(low, high);

  const housing = facts.housing && !facts.mortgageHere;
  const renter = housing && (facts.apartment ? rng.chance(0.85) : rng.chance(rate(t.renter)));
  const mortgage =
    housing && !renter && rng.chance(rate(t.mortgageElsewhere))
      ? bill(ctx, pick.mortgageServicers.draw(rng).name, clampCents(share(0.16, 0.3), 520, 3_600))
      : null;
  const rent = renter ? bill(ctx, pick.landlords.draw(rng).name, clampCents(share(0.2, 0.34), 450, 2_100)) : null;
  const auto =
    !facts.autoHere && rng.chance(rate(t.autoElsewhere))
      ? bill(ctx, pick.autoLenders.draw(rng).name, clampCents(share(0.06, 0.13), 180, 950))
      : null;
  const student =
    facts.owner.age < 60 && rng.chance(rate(t.studentLoan))
      ? bill(ctx, pick.studentLoanServicers.draw(rng).name, clampCents(share(0.04, 0.09), 90, 650))
      : null;
  const card = rng.chance(rate(t.cardElsewhere))
    ? { issuer: pick.cardIssuers.draw(rng).name, dom: rng.int(1, 28) }
    : null;
  const brokerPayee = rng.chance(rate(t.broker)) ? pick.brokers.draw(rng) : null;
  const broker = brokerPayee
    ? {
        name: brokerPayee.name,
        style: brokerPayee.style,
        cents: Math.max(2_500, Math.round(share(0.03, 0.09) / 2_500) * 2_500),
        dom: rng.int(1, 28),
      }
    : null;
  const insurer = rng.chance(rate(t.insurance)) ? pick.insurers.draw(rng).name : null;
  const semiannual = rng.chance(0.8);
  const insurance = insurer
    ? { ...bill(ctx, insurer, clampCents(share(0.025, 0.05) * (semiannual ? 6 : 1), 45, 2_400)), semiannual }
    : null;
  const subscriptions: Bill[] = [];
  if (rng.chance(rate(t.subscriber))) {
    const weights = t.subscriptionCount;
    let roll = rng.next() * weights.reduce((a, b) => a + b, 0);
    let count = 1;
    for (const w of weights) {
      if ((roll -= w) < 0) break;
      count += 1;
    }
    for (let tries = 0; subscriptions.length < count && tries < 20; tries++) {
      const s = pick.subscriptions.draw(rng);
      if (!subscriptions.some((b) => b.payee === s.name))
        subscriptions.push(bill(ctx, s.name, s.price * 100, 'POS', s.mcc));
    }
  }
  const utilities = rng.chance(t.utilities)
    ? [bill(ctx, pick.utilities.draw(rng).name, clampCents(rng.lognormal(120, 0.4) * 100, 35, 400))]
    : [];
  const childcarePayee = facts.housing && rng.chance(rate(t.childcare)) ? pick.childcare.draw(rng) : null;
  const biweekly = rng.chance(0.4);
  const childcare = childcarePayee
    ? {
        ...bill(
          ctx,
          childcarePayee.name,
          clampCents(share(0.1, 0.2) / (biweekly ? 2 : 1), 180, 1_800),
          childcarePayee.code,
          childcarePayee.mcc ?? '',
        ),
        biweekly,
      }
    : null;
  const green = rng.chance(rate(t.sustainability)) ? rng.pick(['ev', 'ev', 'solar', 'transit'] as const) : null;
  const sustainability =
    green === 'ev'
      ? { kind: green, ...payeeWithMcc(pick.evCharging.draw(rng)) }
      : green === 'solar'
        ? { kind: green, payee: pick.solar.draw(rng).name, mcc: '' }
        : green === 'transit'
          ? { kind: green, ...payeeWithMcc(pick.transit.draw(rng)) }
          : null;
  const businessRoll = rng.chance(rate(t.smallBusiness));
  return {
    stage,
    ...income,
    business: businessRoll
      ? {
          processor: pick.processors.draw(rng).name,
          perMonth: rng.int(1, 2),
          medianCents: dollarsToCents(rng.lognormal(420, 0.5)),
        }
      : null,
    mortgage,
    rent,
    auto,
    student,
    card,
    broker,
    insurance,
    subscriptions,
    utilities,
    childcare,
    homeImprovement: rng.chance(rate(t.homeImprovement)),
    traveler: rng.chance(rate(t.traveler)),
    sustainability,
    foreignAtm: rng.chance(rate(t.foreignAtm)),
    overdraft: rng.chance(rate(t.overdraft)),
    saver:
      facts.hasSavings && rng.chance(rate(t.saverGivenSavings))
        ? {
            cents: Math.max(2_500, Math.round(share(0.03, 0.12) / 2_500) * 2_500),
            dom: rng.int(1, 28),
            missesOneMonth: rng.chance(t.saverMissesOneMonth),
          }
        : null,
    taxRefund: income.income !== 'none' && rng.chance(0.3),
    lump: facts.cardHere && rng.chance(0.6) ? 'own_card' : rng.pick(['check', 'p2p', 'cash', 'check'] as const),
  };
}

function payeeWithMcc(p: { name: string; mcc: string }): { payee: string; mcc: string } {
  return { payee: p.name, mcc: p.mcc };
}
