/**
 * Which accounts a household holds. Each product family is drawn once per household at its
 * target penetration, adjusted for the head's age (and renters hold no mortgage), normalised
 * so the bank-wide share stays on target. Checking accounts come with a persona; couples
 * usually share one as joint owners.
 */
import { PRODUCT_FAMILIES, type ProductFamily } from '../../src-shared/domain';
import { newAccount, type Account } from './accounts';
import type { GenContext } from './context';
import { dayFromYmd } from './dates';
import { installmentPlan, lineOpenDay } from './loans';
import type { ProductSpec } from './params';
import type { Customer, Household } from './people';

export interface Unit {
  owner: Customer;
  joint: Customer | null;
  checking: Account;
  savings: Account | null;
  /** Whether this unit pays the household's housing (mortgage elsewhere, rent, childcare). */
  housing: boolean;
}

export interface Holdings {
  accounts: Account[];
  units: Unit[];
}

const YEAR = 365.2425;
const APARTMENT_HOME_LOANS = 0.15;
const ONLINE_SINCE = dayFromYmd(2003, 1, 1);
const ESTATEMENTS_SINCE = dayFromYmd(2009, 1, 1);

interface FamilyOdds {
  norm: Record<ProductFamily, number>;
  byFamily: Map<ProductFamily, ProductSpec[]>;
}

const oddsCache = new WeakMap<GenContext, FamilyOdds>();

function ageBand(ctx: GenContext, age: number): number {
  const bands = ctx.params.products.ageBands;
  let band = 0;
  for (let i = 0; i < bands.length; i++) if (age >= (bands[i] ?? 0)) band = i;
  return band;
}

/** Scales the age factors so that, over the bank's age mix, each family lands on its target. */
function familyOdds(ctx: GenContext): FamilyOdds {
  const cached = oddsCache.get(ctx);
  if (cached) return cached;
  const { products, personas, bank } = ctx.params;
  const ages: [number, number][] = [];
  for (const band of personas.adultAgeBands) {
    for (let age = band.from; age <= band.to; age++) ages.push([age, band.weight / (band.to - band.from + 1)]);
  }
  const totalWeight = ages.reduce((s, [, w]) => s + w, 0);
  const townWeight = bank.towns.reduce((s, t) => s + t.weight, 0);
  const apartments = bank.towns.reduce((s, t) => s + t.weight * (t.apartmentShare ?? 0.03), 0) / townWeight;
  const norm = {} as Record<ProductFamily, number>;
  for (const family of PRODUCT_FAMILIES) {
    const factors = products.families[family].ageFactor;
    const mean = ages.reduce((s, [age, w]) => s + w * (factors[ageBand(ctx, age)] ?? 1), 0) / totalWeight;
    const homeLoan = family === 'mortgage' || family === 'heloc';
    norm[family] = (1 / mean) * (homeLoan ? 1 / (1 - apartments * (1 - APARTMENT_HOME_LOANS)) : 1);
  }
  const byFamily = new Map<ProductFamily, ProductSpec[]>();
  for (const p of products.products) byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p]);
  const odds = { norm, byFamily };
  oddsCache.set(ctx, odds);
  return odds;
}

function chanceOf(ctx: GenContext, family: ProductFamily, age: number, apartment: boolean): number {
  const spec = ctx.params.products.families[family];
  const factor = spec.ageFactor[ageBand(ctx, age)] ?? 1;
  const home = apartment && (family === 'mortgage' || family === 'heloc') ? APARTMENT_HOME_LOANS : 1;
  return Math.min(0.97, spec.penetration * factor * familyOdds(ctx).norm[family] * home);
}

export function pickProduct(ctx: GenContext, family: ProductFamily, age: number): ProductSpec {
  const all = familyOdds(ctx).byFamily.get(family) ?? [];
  const fits = all.filter((p) => p.weight > 0 && age >= (p.minAge ?? 0) && age <= (p.maxAge ?? 200));
  const pool = fits.length > 0 ? fits : all;
  let roll = ctx.rng.next() * pool.reduce((s, p) => s + p.weight, 0);
  for (const p of pool) if ((roll -= p.weight) < 0) return p;
  const last = pool[pool.length - 1];
  if (!last) throw new Error(`no product in family ${family}`);
  return last;
}

export function productByCode(ctx: GenContext, code: string): ProductSpec {
  const found = ctx.params.products.products.find((p) => p.code === code);
  if (!found) throw new Error(`no product ${code} in the catalog`);
  return found;
}

function drawFamilies(ctx: GenContext, head: Customer, apartment: boolean): Set<ProductFamily> {
  const { rng } = ctx;
  const has = new Set<ProductFamily>();
  for (const family of PRODUCT_FAMILIES) {
    if (family === 'e_statements') continue;
    if (rng.chance(chanceOf(ctx, family, head.age, apartment))) has.add(family);
  }
  // e-Statements mostly go with online banking; this keeps their overall share on target.
  const online = chanceOf(ctx, 'online_banking', head.age, apartment);
  const paperless = chanceOf(ctx, 'e_statements', head.age, apartment);
  const withoutOnline = 0.3;
  const given = Math.min(0.97, paperless / (online + withoutOnline * (1 - online)));
  if (rng.chance(has.has('online_banking') ? given : given * withoutOnline)) has.add('e_statements');
  const holdsMoney = [...has].some((f) => f !== 'online_banking' && f !== 'e_statements');
  if (!holdsMoney) {
    const roll = rng.next();
    has.add(roll < 0.25 ? 'checking' : roll < 0.6 ? 'savings' : 'cd');
  }
  return has;
}

/** A day between `from` and the end, leaning recent. */
function laterDay(ctx: GenContext, from: number, notBefore = 0): number {
  const start = Math.max(from, notBefore);
  if (start >= ctx.window.end) return ctx.window.end;
  return start + Math.floor(Math.pow(ctx.rng.next(), 0.8) * (ctx.window.end - start));
}

function adulthood(c: Customer): number {
  return c.birthDay + Math.ceil(18 * YEAR);
}

export function openHoldings(ctx: GenContext, household: Household): Holdings {
  const { rng } = ctx;
  const personas = ctx.params.personas;
  const [head, second, third] = household.members;
  if (!head) throw new Error('a household needs a member');
  const kind = household.kind;
  const spouse =
    kind === 'couple' || kind === 'couple_adult_child' || kind === 'couple_minor' ? (second ?? null) : null;
  const child =
    kind === 'couple_adult_child' || kind === 'couple_minor'
      ? (third ?? null)
      : kind === 'parent_adult_child' || kind === 'parent_minor'
        ? (second ?? null)
        : null;
  const roommate = kind === 'roommates' ? (second ?? null) : null;
  const families = drawFamilies(ctx, head, household.apartment);
  const branch = household.branch.code;
  const accounts: Account[] = [];
  const units: Unit[] = [];
  // Relationships go back 40 years at most, whatever the account.
  const oldest = ctx.window.end - Math.floor(40 * YEAR);
  const open = (product: ProductSpec, owner: Customer, joint: Customer | null, openDay: number) => {
    const day = Math.min(Math.max(openDay, oldest), ctx.window.end);
    const account = newAccount(ctx, product, owner, joint, day, branch);
    accounts.push(account);
    return account;
  };
  const unit = (owner: Customer, joint: Customer | null, housing: boolean) => {
    const product = pickProduct(ctx, 'checking', owner.age);
    units.push({ owner, joint, checking: open(product, owner, joint, owner.startDay), savings: null, housing });
  };

  if (families.has('checking')) {
    if (spouse && !rng.chance(personas.jointChecking)) {
      unit(head, null, true);
      unit(spouse, null, false);
    } else {
      unit(head, spouse, true);
    }
  }
  if (child && !child.minor && rng.chance(families.has('checking') ? 0.7 : 0.5)) unit(child, null, false);
  if (roommate && rng.chance(0.8)) unit(roommate, null, true);

  const savingsOf = (owner: Customer, joint: Customer | null) =>
    open(pickProduct(ctx, 'savings', owner.age), owner, joint, laterDay(ctx, owner.startDay));
  if (families.has('savings')) {
    const savings = savingsOf(head, spouse && rng.chance(0.6) ? spouse : null);
    if (rng.chance(0.05)) savings.status = 'DORMANT';
    for (const u of units) if (u.owner === head && savings.status === 'OPEN') u.savings = savings;
  }
  if (child?.minor) open(productByCode(ctx, 'SAV-YTH'), head, child, laterDay(ctx, head.startDay, child.birthDay));
  if (child && !child.minor && rng.chance(0.35)) {
    const savings = savingsOf(child, null);
    for (const u of units) if (u.owner === child) u.savings = savings;
  }

  const jointFor = (share: number) => (spouse && rng.chance(share) ? spouse : null);
  if (families.has('money_market'))
    open(pickProduct(ctx, 'money_market', head.age), head, jointFor(0.6), laterDay(ctx, head.startDay));
  if (families.has('cd')) {
    const count = rng.chance(0.7) ? 1 : rng.chance(0.7) ? 2 : 3;
    for (let i = 0; i < count; i++)
      open(pickProduct(ctx, 'cd', head.age), head, jointFor(0.6), laterDay(ctx, head.startDay));
  }
  for (const family of ['mortgage', 'heloc', 'auto', 'personal_loan'] as const) {
    if (!families.has(family)) continue;
    const product = pickProduct(ctx, family, head.age);
    const borrower = spouse && rng.chance(0.3) ? spouse : head;
    const coBorrower = borrower === head ? jointFor(family === 'mortgage' || family === 'heloc' ? 0.8 : 0.3) : head;
    if (product.revolving) {
      open(product, borrower, coBorrower, lineOpenDay(ctx, adulthood(borrower)));
    } else {
      const plan = installmentPlan(ctx, product, adulthood(borrower));
      open(product, borrower, coBorrower, plan.openDay).termMonths = plan.termMonths;
    }
  }
  if (families.has('credit_card')) {
    open(pickProduct(ctx, 'credit_card', head.age), head, jointFor(0.2), lineOpenDay(ctx, adulthood(head)));
  }

  // Services are enrolled per person.
  const enrol = (code: string, person: Customer, since: number) =>
    open(productByCode(ctx, code), person, null, laterDay(ctx, person.startDay, since));
  if (families.has('online_banking')) {
    enrol('OLB', head, ONLINE_SINCE);
    if (spouse && rng.chance(0.5)) enrol('OLB', spouse, ONLINE_SINCE);
    if (units.length > 0 && rng.chance(0.3)) enrol('OLB-BP', head, ONLINE_SINCE);
  }
  for (const u of units) {
    if (u.owner !== head && u.owner !== spouse && rng.chance(0.75)) enrol('OLB', u.owner, ONLINE_SINCE);
  }
  if (families.has('e_statements')) {
    enrol('ESTMT', head, ESTATEMENTS_SINCE);
    if (spouse && rng.chance(0.3)) enrol('ESTMT', spouse, ESTATEMENTS_SINCE);
  }

  addHistory(ctx, head, open);
  // Everyone on file owns something: a partner joins the everyday account, others save.
  for (const person of household.members) {
    if (accounts.some((a) => a.owner === person || a.joint === person)) continue;
    const headUnit = units.find((u) => u.owner === head && u.joint === null);
    if (person === spouse && headUnit) {
      headUnit.joint = person;
      headUnit.checking.joint = person;
    } else if (person.minor) {
      open(productByCode(ctx, 'SAV-YTH'), head, person, laterDay(ctx, head.startDay, person.birthDay));
    } else {
      savingsOf(person, null);
    }
  }
  return { accounts, units };
}

/** Closed and charged-off accounts: the history every real customer file carries. */
function addHistory(
  ctx: GenContext,
  head: Customer,
  open: (product: ProductSpec, owner: Customer, joint: Customer | null, openDay: number) => Account,
): void {
  const { rng, window } = ctx;
  if (rng.chance(0.17)) {
    const family = rng.pick(['checking', 'checking', 'savings', 'savings', 'cd', 'auto', 'personal_loan'] as const);
    const product = pickProduct(ctx, family, head.age);
    const earliest = Math.max(adulthood(head), head.startDay - Math.floor(rng.float(0, 8) * YEAR));
    const account = open(product, head, null, Math.min(window.end - 90, earliest));
    const openDay = account.openDay;
    const deposit = family !== 'auto' && family !== 'personal_loan';
    const inWindow = deposit && rng.chance(0.35) && openDay + 60 <= window.end - 5;
    account.status = 'CLOSED';
    account.closeDay = inWindow
      ? rng.int(Math.max(openDay + 60, window.start + 10), window.end - 5)
      : Math.min(window.end - 5, Math.max(openDay + 30, Math.min(window.start - 1, openDay + rng.int(60, 3_000))));
  }
  if (rng.chance(0.004)) {
    const product = productByCode(ctx, rng.chance(0.6) ? 'CC-REWARDS' : 'PL-UNSEC');
    const account = open(product, head, null, Math.max(adulthood(head), window.start - rng.int(700, 3_000)));
    account.status = 'CHARGED_OFF';
  }
}
