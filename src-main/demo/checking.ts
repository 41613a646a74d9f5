/**
 * A checking account's 13 months, planned as postings: income, bills, habits and everyday
 * spending; then, month by month, what is left over leaves as a card payment or a check, and
 * accounts fed from another bank get just enough transferred in. The balance carried into the
 * window is chosen last, so the account never goes below its cushion, except where the
 * persona overdraws on purpose (each overdraft is a paid item, a fee, and a deposit after).
 */
import { businessDayInMonth, dayFromYmd } from './dates';
import { dollarsToCents, isLive, ORDER, post, type Account, type Posting } from './accounts';
import type { GenContext } from './context';
import { postIncome } from './income';
import type { Household } from './people';
import type { Persona } from './persona';
import { localName, postBills, postEveryday, postHabits, type Planted, type Voice } from './spending';

export interface CheckingPlan {
  persona: Persona;
  checking: Account;
  savings: Account | null;
  planted: Planted;
}

const byDay = (a: Posting, b: Posting) => a.day - b.day || a.order - b.order;

function monthIndex(ctx: GenContext, day: number): number {
  const months = ctx.window.months;
  for (let i = months.length - 1; i >= 0; i--) if (day >= (months[i]?.first ?? 0)) return i;
  return -1;
}

function dayInMonth(ctx: GenContext, index: number, dom: number): number {
  const m = ctx.window.months[index];
  if (!m) return ctx.window.end;
  return businessDayInMonth(dayFromYmd(m.year, m.month, Math.min(dom, m.last - m.first + 1)), m.first, m.last);
}

/** Leftover income leaves; outside money comes in to cover what goes out. */
function balanceTheMonths(ctx: GenContext, plan: CheckingPlan, voice: Voice): void {
  const { rng, window } = ctx;
  const { persona: p, checking } = plan;
  const credits = new Array<number>(window.months.length).fill(0);
  const debits = new Array<number>(window.months.length).fill(0);
  for (const posting of checking.postings) {
    const i = monthIndex(ctx, posting.day);
    if (i < 0) continue;
    if (posting.cents >= 0) credits[i] = (credits[i] ?? 0) + posting.cents;
    else debits[i] = (debits[i] ?? 0) + posting.cents;
  }
  const earns = p.income === 'payroll_here' || p.income === 'benefits_here';
  const threshold = dollarsToCents(ctx.params.personas.activity.lumpThreshold);
  const cardLevel = dollarsToCents(rng.lognormal(520, 0.6));
  // Without a card to pay, the rest leaves in lumps every month or two (checks, Zelle, cash).
  let carried = 0;
  for (const m of window.months) {
    const i = m.index;
    const spent = -(debits[i] ?? 0);
    const leftover = (credits[i] ?? 0) - spent;
    let card = 0;
    if (p.card) {
      const day = dayInMonth(ctx, i, p.card.dom);
      card = earns
        ? Math.max(dollarsToCents(rng.float(35, 150)), Math.round(leftover * rng.float(0.9, 1.0)))
        : Math.round(cardLevel * rng.float(0.6, 1.4));
      if (isLive(ctx, checking, day)) post(checking, day, -card, 'ACH_DR', p.card.issuer);
      else card = 0;
    } else if (earns) {
      carried += leftover;
      if (carried > threshold && (rng.chance(0.3) || m.index === window.months.length - 1)) {
        lump(ctx, plan, i, Math.round(carried * rng.float(0.9, 1.0)), voice);
        carried = 0;
      }
    }
    if (!earns) {
      const needed = Math.max(
        dollarsToCents(50),
        Math.round((spent + card) * rng.float(1.0, 1.04)) - (credits[i] ?? 0),
      );
      fundFromOutside(ctx, plan, i, needed);
    }
  }
}

function lump(ctx: GenContext, plan: CheckingPlan, index: number, cents: number, voice: Voice): void {
  const { rng } = ctx;
  const { persona: p, checking } = plan;
  const day = dayInMonth(ctx, index, rng.int(8, 28));
  if (!isLive(ctx, checking, day)) return;
  const style = p.lump === 'cash' && cents > dollarsToCents(600) ? 'check' : p.lump;
  switch (style) {
    case 'check':
      post(checking, day, -cents, 'CHK', `CHECK ${voice.nextCheck++}`);
      return;
    case 'p2p':
      post(checking, day, -cents, 'ACH_DR', voice.p2p);
      return;
    case 'cash':
      post(checking, day, -Math.max(2_000, Math.round(cents / 2_000) * 2_000), 'ATM', voice.atm);
      return;
    case 'own_card':
      post(checking, day, -cents, 'ACH_DR', `${ctx.params.bank.shortName} VISA CARD PMT`);
      return;
  }
}

function fundFromOutside(ctx: GenContext, plan: CheckingPlan, index: number, cents: number): void {
  const { rng } = ctx;
  const { persona: p, checking } = plan;
  const elsewhere = p.elsewhere;
  const parts = elsewhere ? elsewhere.perMonth : 1;
  for (let part = 0; part < parts; part++) {
    const day = dayInMonth(ctx, index, part === 0 ? rng.int(1, 6) : rng.int(14, 19));
    if (!isLive(ctx, checking, day)) continue;
    const amount = Math.ceil(cents / parts / 1_000) * 1_000;
    if (elsewhere) post(checking, day, amount, 'ACH_CR', `TRANSFER FROM ${elsewhere.bank} XXXX${elsewhere.last4}`);
    else post(checking, day, amount, 'DEP', 'MOBILE DEPOSIT');
  }
}

/** The balance carried in (or the opening deposit) that keeps the account at or above `cushion`. */
export function fundOpening(ctx: GenContext, account: Account, cushion: number): void {
  account.postings.sort(byDay);
  let running = 0;
  let lowest = 0;
  for (const p of account.postings) {
    running += p.cents;
    if (running < lowest) lowest = running;
  }
  const needed = Math.max(cushion, 2_500) - lowest;
  if (account.openDay >= ctx.window.start) {
    account.startCents = 0;
    post(account, account.openDay, needed, 'DEP', 'OPENING DEPOSIT', '', ORDER.opening);
  } else {
    account.startCents = needed;
  }
}

function endOfDayBalance(account: Account, day: number): number {
  let balance = account.startCents;
  for (const p of account.postings) if (p.day <= day) balance += p.cents;
  return balance;
}

/** Each overdraft: an item paid into the red, the fee, and a deposit a few days later. */
function plantOverdrafts(ctx: GenContext, plan: CheckingPlan, voice: Voice): void {
  const { rng, window } = ctx;
  const { checking, planted } = plan;
  const first = Math.max(window.start, checking.openDay + 20);
  const last = window.end - 4;
  if (first > last) return;
  const chosen: number[] = [];
  for (let event = rng.int(1, 5); event > 0; event--) {
    let best: number | null = null;
    let bestBalance = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 6; tries++) {
      const day = rng.int(first, last);
      if (chosen.some((d) => Math.abs(d - day) < 12)) continue;
      const balance = endOfDayBalance(checking, day);
      if (balance < bestBalance) [best, bestBalance] = [day, balance];
    }
    if (best === null) continue;
    chosen.push(best);
    const item = Math.max(0, bestBalance) + dollarsToCents(rng.float(15, 240));
    if (rng.chance(0.5)) post(checking, best, -item, 'CHK', `CHECK ${voice.nextCheck++}`, '', ORDER.fee - 0.5);
    else post(checking, best, -item, 'POS', localName(ctx, 'WALMART SUPERCENTER', voice.town), '5411', ORDER.fee - 0.5);
    post(checking, best, -3_500, 'FEE', 'OVERDRAFT FEE - PAID ITEM', '', ORDER.fee);
    post(checking, best + rng.int(1, 3), item + 3_500, 'DEP', 'MOBILE DEPOSIT');
    planted.overdrafts += 1;
  }
}

export function planChecking(ctx: GenContext, plan: CheckingPlan, household: Household): void {
  const { rng, faker } = ctx;
  const { persona: p, checking } = plan;
  const friend = `${faker.person.firstName()} ${faker.person.lastName().slice(0, 1)}`.toUpperCase();
  const voice: Voice = {
    town: household.town,
    atm: `ATM WITHDRAWAL ${ctx.params.bank.shortName} ${household.branch.name.replace(/ Office$/, '').toUpperCase()}`,
    p2p: rng.chance(0.7) ? `ZELLE PAYMENT TO ${friend}` : 'VENMO PAYMENT',
    nextCheck: rng.int(1001, 4800),
  };
  postIncome(ctx, p, checking);
  postBills(ctx, p, checking, plan.savings, plan.planted);
  postHabits(ctx, p, checking, household.town, plan.planted);
  postEveryday(ctx, checking, voice);
  balanceTheMonths(ctx, plan, voice);
  const median = checking.product.balance?.median ?? 1_500;
  // The cushion is what stays in the account at its lowest; the month's float sits on top.
  const cushion = p.overdraft ? dollarsToCents(rng.float(20, 120)) : dollarsToCents(rng.lognormal(median * 0.12, 1.0));
  fundOpening(ctx, checking, cushion);
  if (p.overdraft) plantOverdrafts(ctx, plan, voice);
}
