/**
 * Money coming into a checking account: payroll on the employer's schedule, Social Security
 * on its Wednesday, pensions, card-processor payouts for small businesses, a tax refund.
 * Transfers from another bank (direct deposit elsewhere) are sized later, once the month's
 * outflows are known; see checking.ts.
 */
import { businessDayInMonth, businessDayOnOrBefore, dayFromYmd, weekday, type MonthSpan } from './dates';
import { dollarsToCents, isLive, post, type Account } from './accounts';
import type { GenContext } from './context';
import type { Persona } from './persona';

/** Every pay date of a payroll inside the window. */
function payDates(ctx: GenContext, p: Persona['payrolls'][number]): number[] {
  const { window } = ctx;
  const days: number[] = [];
  if (p.frequency === 'biweekly') {
    const firstFriday = window.start + ((5 - weekday(window.start) + 7) % 7) + p.phase;
    for (let day = firstFriday; day <= window.end; day += 14) days.push(day);
    return days;
  }
  for (const m of window.months) {
    if (p.frequency === 'semimonthly') days.push(businessDayOnOrBefore(dayFromYmd(m.year, m.month, 15)));
    days.push(businessDayOnOrBefore(m.last));
  }
  return days;
}

function nthWednesday(m: MonthSpan, n: number): number {
  const firstWednesday = m.first + ((3 - weekday(m.first) + 7) % 7);
  return firstWednesday + (n - 1) * 7;
}

export function postIncome(ctx: GenContext, persona: Persona, checking: Account): void {
  const { rng, window } = ctx;
  for (const pay of persona.payrolls) {
    // Salaried checks are the same every time; hourly ones move a little with overtime.
    const hourly = rng.chance(0.35);
    for (const day of payDates(ctx, pay)) {
      if (day > window.end || !isLive(ctx, checking, day)) continue;
      const cents = hourly ? Math.round(pay.cents * (1 + rng.normal(0, 0.04))) : pay.cents;
      post(checking, day, cents, 'DD', pay.employer);
    }
  }
  const ss = persona.socialSecurity;
  if (ss) {
    // The cost-of-living raise arrives with January's payment.
    const january = window.months.find((m) => m.month === 1)?.index ?? Number.POSITIVE_INFINITY;
    for (const m of window.months) {
      const day = nthWednesday(m, ss.wednesday);
      if (day > window.end || !isLive(ctx, checking, day)) continue;
      const cola = m.index >= january ? 1.025 : 1;
      for (const cents of ss.cents)
        post(checking, day, Math.round(cents * cola), 'DD', ctx.params.payees.socialSecurity);
    }
  }
  if (persona.pension) {
    for (const m of window.months) {
      const day = businessDayInMonth(m.first + 2, m.first, m.last);
      if (day > window.end || !isLive(ctx, checking, day)) continue;
      post(checking, day, persona.pension.cents, 'DD', persona.pension.payer);
    }
  }
  const business = persona.business;
  if (business) {
    for (const m of window.months) {
      const count = Math.max(1, business.perMonth + rng.int(-1, 1));
      for (let i = 0; i < count; i++) {
        const day = businessDayOnOrBefore(rng.int(m.first, m.last));
        if (day > window.end || !isLive(ctx, checking, day)) continue;
        post(checking, day, Math.round(rng.lognormal(business.medianCents, 0.55)), 'ACH_CR', business.processor);
      }
    }
  }
  if (persona.taxRefund) {
    const spring = window.months.find((m) => m.month === rng.int(2, 4));
    if (spring) {
      const day = businessDayOnOrBefore(rng.int(spring.first, Math.min(spring.last, window.end)));
      if (isLive(ctx, checking, day)) {
        post(checking, day, dollarsToCents(rng.lognormal(1_100, 0.6)), 'ACH_CR', ctx.params.payees.taxRefund);
      }
    }
  }
}

/** The same day of every month, as ACH bills and transfers are scheduled (weekends move back). */
export function monthlyDays(ctx: GenContext, dom: number, account: Account): number[] {
  const days: number[] = [];
  for (const m of ctx.window.months) {
    const day = businessDayInMonth(m.first + Math.min(dom, m.last - m.first + 1) - 1, m.first, m.last);
    if (isLive(ctx, account, day)) days.push(day);
  }
  return days;
}
