/**
 * Money leaving a checking account: the persona's recurring bills (each on its own day of the
 * month, same payee text every time), its planted habits (home improvement, travel, EV
 * charging, non-network ATMs) and a thin layer of everyday card spending, cash and checks.
 */
import { businessDayOnOrBefore, weekday } from './dates';
import { dollarsToCents, isLive, ORDER, post, type Account } from './accounts';
import type { GenContext } from './context';
import { monthlyDays } from './income';
import type { Town } from './params';
import type { Persona } from './persona';

export interface Planted {
  foreignAtmFees: number;
  overdrafts: number;
  saverMonths: number;
  saverMissedMonth: boolean;
  homeImprovementPurchases: number;
  trips: number;
}

/** How one account's own items print: its town, home ATM, Zelle payee and next check number. */
export interface Voice {
  town: Town;
  atm: string;
  p2p: string;
  nextCheck: number;
}

export function newPlanted(): Planted {
  return {
    foreignAtmFees: 0,
    overdrafts: 0,
    saverMonths: 0,
    saverMissedMonth: false,
    homeImprovementPurchases: 0,
    trips: 0,
  };
}

function randomLiveDay(ctx: GenContext, account: Account, from = ctx.window.start, to = ctx.window.end): number | null {
  const start = Math.max(from, account.openDay, ctx.window.start);
  if (start > to) return null;
  const day = ctx.rng.int(start, to);
  return isLive(ctx, account, day) ? day : null;
}

/** Card descriptors of local stores carry the town, as the networks print them. */
export function localName(ctx: GenContext, name: string, town: Town, isLocal = true): string {
  return isLocal ? `${name} ${town.city.toUpperCase()} ${ctx.params.bank.state}` : name;
}

export function postBills(
  ctx: GenContext,
  p: Persona,
  checking: Account,
  savings: Account | null,
  planted: Planted,
): void {
  const { rng } = ctx;
  for (const b of [p.mortgage, p.rent, p.auto, p.student, ...p.utilities]) {
    if (!b) continue;
    const seasonal = p.utilities.includes(b);
    for (const day of monthlyDays(ctx, b.dom, checking)) {
      const cents = seasonal ? Math.round(b.cents * rng.float(0.75, 1.3)) : b.cents;
      post(checking, day, -cents, b.code, b.payee, b.mcc);
    }
  }
  for (const s of p.subscriptions) {
    for (const day of monthlyDays(ctx, s.dom, checking)) post(checking, day, -s.cents, 'POS', s.payee, s.mcc);
  }
  if (p.insurance) {
    const ins = p.insurance;
    const days = monthlyDays(ctx, ins.dom, checking);
    const offset = rng.int(0, 5);
    days.forEach((day, i) => {
      if (!ins.semiannual || i % 6 === offset) post(checking, day, -ins.cents, 'ACH_DR', ins.payee);
    });
  }
  if (p.broker) {
    const broker = p.broker;
    if (broker.style === 'monthly') {
      for (const day of monthlyDays(ctx, broker.dom, checking))
        post(checking, day, -broker.cents, 'ACH_DR', broker.name);
    } else {
      for (const m of ctx.window.months) {
        for (let i = rng.chance(0.8) ? 1 : 2; i > 0; i--) {
          const day = randomLiveDay(ctx, checking, m.first, m.last);
          if (day !== null) post(checking, day, -dollarsToCents(rng.lognormal(120, 0.7)), 'ACH_DR', broker.name);
        }
      }
    }
  }
  if (p.childcare) {
    const care = p.childcare;
    const days = care.biweekly
      ? biweeklyFridays(ctx).filter((d) => isLive(ctx, checking, d))
      : monthlyDays(ctx, care.dom, checking);
    for (const day of days) post(checking, day, -care.cents, care.code, care.payee, care.mcc);
  }
  if (p.saver && savings) {
    const saver = p.saver;
    const days = monthlyDays(ctx, saver.dom, checking).filter((d) => isLive(ctx, savings, d));
    const skip = saver.missesOneMonth && days.length > 4 ? rng.int(1, days.length - 2) : -1;
    days.forEach((day, i) => {
      if (i === skip) {
        planted.saverMissedMonth = true;
        return;
      }
      transferToSavings(checking, savings, day, saver.cents);
      planted.saverMonths += 1;
    });
  } else if (savings && rng.chance(0.2)) {
    // Now and then, not every month: a few transfers that do not make a saver.
    const months = new Set<number>();
    for (let i = rng.int(1, 3); i > 0; i--) months.add(rng.int(0, ctx.window.months.length - 1));
    for (const index of months) {
      const m = ctx.window.months[index];
      const day = m ? randomLiveDay(ctx, checking, m.first, m.last) : null;
      if (day === null || !isLive(ctx, savings, day)) continue;
      transferToSavings(checking, savings, day, dollarsToCents(rng.int(2, 20) * 50));
      planted.saverMonths += 1;
    }
  }
}

function transferToSavings(checking: Account, savings: Account, day: number, cents: number): void {
  post(checking, day, -cents, 'XFER_OUT', `TRANSFER TO SAVINGS XXXX${savings.last4}`);
  post(savings, day, cents, 'XFER_IN', `TRANSFER FROM CHECKING XXXX${checking.last4}`);
}

function biweeklyFridays(ctx: GenContext): number[] {
  const { window } = ctx;
  const days: number[] = [];
  const offset = ((5 - weekday(window.start) + 7) % 7) + 7;
  for (let day = window.start + offset; day <= window.end; day += 14) days.push(day);
  return days;
}

export function postHabits(ctx: GenContext, p: Persona, checking: Account, town: Town, planted: Planted): void {
  const { rng, pick, window } = ctx;
  if (p.homeImprovement) {
    const count = rng.int(3, 7);
    for (let i = 0; i < count; i++) {
      const day = randomLiveDay(ctx, checking);
      if (day === null) continue;
      const store = pick.homeImprovement.draw(rng);
      const dollars = i === 0 ? rng.float(350, 2_400) : rng.lognormal(95, 0.8);
      post(checking, day, -dollarsToCents(dollars), 'POS', localName(ctx, store.name, town, store.local), store.mcc);
      planted.homeImprovementPurchases += 1;
    }
  }
  if (p.traveler) {
    const trips = rng.int(2, 4);
    for (let i = 0; i < trips; i++) {
      const stay = randomLiveDay(ctx, checking, window.start + 45);
      if (stay === null) continue;
      const airline = pick.airlines.draw(rng);
      const booked = Math.max(stay - rng.int(14, 60), checking.openDay, window.start);
      post(checking, booked, -dollarsToCents(rng.float(220, 1_300)), 'POS', airline.name, airline.mcc);
      const hotel = pick.hotels.draw(rng);
      post(checking, stay, -dollarsToCents(rng.float(160, 1_100)), 'POS', hotel.name, hotel.mcc);
      if (rng.chance(0.45)) {
        const car = pick.carRentals.draw(rng);
        post(checking, stay, -dollarsToCents(rng.float(140, 520)), 'POS', car.name, car.mcc);
      }
      planted.trips += 1;
    }
  }
  const green = p.sustainability;
  if (green) {
    for (const m of window.months) {
      if (green.kind === 'solar') {
        const day = businessDayOnOrBefore(m.first + 9);
        if (isLive(ctx, checking, day)) post(checking, day, -dollarsToCents(rng.float(95, 185)), 'ACH_DR', green.payee);
        continue;
      }
      for (let i = rng.int(1, 3); i > 0; i--) {
        const day = randomLiveDay(ctx, checking, m.first, m.last);
        const dollars = green.kind === 'ev' ? rng.float(7, 28) : rng.float(3, 45);
        if (day !== null) post(checking, day, -dollarsToCents(dollars), 'POS', green.payee, green.mcc);
      }
    }
  }
  if (p.foreignAtm) {
    for (let i = rng.int(3, 6); i > 0; i--) {
      const day = randomLiveDay(ctx, checking);
      if (day === null) continue;
      post(
        checking,
        day,
        -dollarsToCents(rng.int(2, 10) * 20 + rng.pick([2.5, 3, 3.5])),
        'ATM',
        rng.pick(ctx.params.payees.foreignAtms),
      );
      post(checking, day, -250, 'FEE', 'ATM FEE - NON-NETWORK', '', ORDER.fee);
      planted.foreignAtmFees += 1;
    }
  }
}

/** A thin layer of ordinary life: groceries, gas, a meal out, cash, a check now and then. */
export function postEveryday(ctx: GenContext, checking: Account, voice: Voice): void {
  const { rng, pick, window } = ctx;
  const activity = ctx.params.personas.activity;
  for (const m of window.months) {
    for (let i = rng.poisson(activity.posPerMonth); i > 0; i--) {
      const day = randomLiveDay(ctx, checking, m.first, m.last);
      if (day === null) continue;
      const shop = pick.shopping.draw(rng);
      const name = localName(ctx, shop.name, voice.town, shop.local);
      post(checking, day, -dollarsToCents(rng.lognormal(shop.median, shop.sigma)), 'POS', name, shop.mcc);
    }
    for (let i = rng.poisson(activity.atmPerMonth); i > 0; i--) {
      const day = randomLiveDay(ctx, checking, m.first, m.last);
      if (day !== null) post(checking, day, -dollarsToCents(rng.int(2, 15) * 20), 'ATM', voice.atm);
    }
    for (let i = rng.poisson(activity.checksPerMonth); i > 0; i--) {
      const day = randomLiveDay(ctx, checking, m.first, m.last);
      if (day !== null)
        post(checking, day, -dollarsToCents(rng.lognormal(110, 0.8)), 'CHK', `CHECK ${voice.nextCheck++}`);
    }
  }
}
