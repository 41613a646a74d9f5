/**
 * Loans held here. Installment loans (mortgages, auto, personal, home equity loans) amortize:
 * one payment a month, posted as the principal it repays, so the amount owed falls by exactly
 * the amount posted; a loan that reaches zero inside the window closes that day. Lines and
 * cards (HELOCs, personal lines, credit cards) are serviced outside the core, so they post no
 * transactions here; they carry month-end balances only.
 */
import { addMonths, businessDayOnOrBefore, dayFromYmd, ymdOf } from './dates';
import { dollarsToCents, post, type Account } from './accounts';
import type { GenContext } from './context';
import type { ProductSpec } from './params';

export function drawAmount(ctx: GenContext, product: ProductSpec, fallbackMedian = 1000): number {
  const spec = product.balance ?? { median: fallbackMedian, sigma: 0.5 };
  let dollars = ctx.rng.lognormal(spec.median, spec.sigma);
  if (spec.min !== undefined) dollars = Math.max(spec.min, dollars);
  if (spec.max !== undefined) dollars = Math.min(spec.max, dollars);
  return dollarsToCents(dollars);
}

function roundRate(rate: number): number {
  return Math.round(rate * 100) / 100;
}

export function productRate(ctx: GenContext, product: ProductSpec, openDay: number): number | null {
  if (product.mortgageRate !== undefined) {
    const table = ctx.params.products.mortgageRateByYear;
    const year = ymdOf(openDay).year;
    let best = Number.POSITIVE_INFINITY;
    let rate = 6.5;
    for (const [y, r] of Object.entries(table)) {
      const distance = Math.abs(Number(y) - year);
      if (distance < best) {
        best = distance;
        rate = r;
      }
    }
    return roundRate(Math.max(2.25, rate + product.mortgageRate + ctx.rng.normal(0, 0.15)));
  }
  if (!product.rate) return null;
  const [low, high] = product.rate;
  return roundRate(ctx.rng.float(low, high));
}

export function setUpInstallmentLoan(ctx: GenContext, account: Account, termMonths: number): void {
  const { window } = ctx;
  const principal = drawAmount(ctx, account.product);
  const rate = account.rate ?? 6;
  const i = rate / 1200;
  const payment = Math.round((principal * i) / (1 - Math.pow(1 + i, -termMonths)));
  const dom = Math.min(28, ymdOf(account.openDay).day);
  const { year, month } = ymdOf(account.openDay);
  const firstDue = addMonths(dayFromYmd(year, month, dom), 1);
  let owed = principal;
  let started = account.openDay >= window.start;
  account.startCents = principal;
  for (let n = 0; n < termMonths + 1 && owed > 0; n++) {
    const due = businessDayOnOrBefore(addMonths(firstDue, n));
    if (due > window.end) break;
    if (!started && due >= window.start) {
      started = true;
      account.startCents = owed;
    }
    const interest = Math.round(owed * i);
    const principalPaid = Math.min(owed, Math.max(1, payment - interest));
    owed -= principalPaid;
    if (started) {
      post(account, due, principalPaid, 'PMT', owed === 0 ? 'LOAN PAYOFF' : 'LOAN PAYMENT - PRINCIPAL');
    }
    if (owed === 0) {
      account.closeDay = due;
      account.status = 'CLOSED';
    }
  }
  if (!started) account.startCents = owed;
}

/** A line or card: a level it hovers around, or nothing drawn at all. */
export function setUpRevolvingLine(ctx: GenContext, account: Account): void {
  const { rng, window } = ctx;
  const unused = rng.chance(account.product.unusedShare ?? 0);
  const level = unused ? 0 : drawAmount(ctx, account.product);
  const card = account.product.family === 'credit_card';
  const revolver = !card || rng.chance(0.45);
  account.monthEnds = window.months.map((m) => {
    if (level === 0 || m.last < account.openDay) return 0;
    if (revolver) return Math.max(0, Math.round(level * (1 - 0.006 * m.index) * (1 + rng.normal(0, 0.03))));
    return Math.round(level * rng.float(0.15, 1.1));
  });
}

/** When an installment loan was made and over how long: opened within its term, so still open. */
export function installmentPlan(
  ctx: GenContext,
  product: ProductSpec,
  earliest: number,
): { termMonths: number; openDay: number } {
  const { rng, window } = ctx;
  const termMonths = product.termMonths ? rng.pick(product.termMonths) : 60;
  // Mortgages are refinanced or the house sold long before 30 years are up.
  const maxAgeMonths = Math.min(termMonths - 1, 264);
  const day = window.end - Math.floor(Math.pow(rng.next(), 1.3) * maxAgeMonths * 30.44);
  return { termMonths, openDay: Math.min(window.end, Math.max(day, earliest)) };
}

/** A line or card: opened any time in the last 15 years, never before `earliest`. */
export function lineOpenDay(ctx: GenContext, earliest: number): number {
  const day = ctx.window.end - Math.floor(Math.pow(ctx.rng.next(), 1.2) * 15 * 365);
  return Math.min(ctx.window.end, Math.max(day, earliest));
}
