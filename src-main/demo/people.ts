/**
 * Households and the customers in them. Every household gets an address no other household
 * has (house number, street, unit and ZIP), and its members share it exactly, so the importer
 * groups them by address with no household id in the file.
 */
import type { GenContext } from './context';
import { ymdOf } from './dates';
import type { Branch, HouseholdKind, Town } from './params';

export type Gender = 'F' | 'M' | 'X';
export type LifeStage = 'young' | 'family' | 'mature' | 'retired';
export const STAGE_INDEX: Record<LifeStage, 0 | 1 | 2 | 3> = { young: 0, family: 1, mature: 2, retired: 3 };

export interface Customer {
  number: string;
  first: string;
  last: string;
  gender: Gender;
  birthDay: number;
  age: number;
  minor: boolean;
  phone: string;
  email: string;
  /** Filled once the household's accounts are known: the earliest open date among them. */
  sinceDay: number;
  /** When the relationship would start if nothing else decides it (the first account's date). */
  startDay: number;
  doNotSolicit: boolean;
  doNotMail: boolean;
  deceased: boolean;
  returnedMail: boolean;
  employee: boolean;
}

export interface Household {
  index: number;
  kind: HouseholdKind;
  members: Customer[];
  town: Town;
  branch: Branch;
  line1: string;
  line2: string;
  apartment: boolean;
}

const DAYS_PER_YEAR = 365.2425;

export function lifeStage(ctx: GenContext, age: number): LifeStage {
  const [family, mature, retired] = ctx.params.personas.stageAges;
  if (age < family) return 'young';
  if (age < mature) return 'family';
  if (age < retired) return 'mature';
  return 'retired';
}

export function householdSize(kind: HouseholdKind): number {
  switch (kind) {
    case 'single':
      return 1;
    case 'couple':
    case 'parent_adult_child':
    case 'parent_minor':
    case 'roommates':
      return 2;
    case 'couple_adult_child':
    case 'couple_minor':
      return 3;
  }
}

function adultAge(ctx: GenContext, min = 18, max = 95): number {
  for (let tries = 0; tries < 20; tries++) {
    const band = ctx.pick.adultAges.draw(ctx.rng);
    const age = ctx.rng.int(band.from, band.to);
    if (age >= min && age <= max) return age;
  }
  return ctx.rng.int(min, max);
}

function clampAge(age: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(age)));
}

function ageAt(birthDay: number, day: number): number {
  const b = ymdOf(birthDay);
  const d = ymdOf(day);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

function phone(ctx: GenContext, town: Town): string {
  let exchange = ctx.rng.int(201, 989);
  if (exchange === 555) exchange = 556;
  return `${town.areaCode}-${exchange}-${ctx.rng.digits(4)}`;
}

function email(ctx: GenContext, first: string, last: string, age: number): string {
  const shares = ctx.params.personas.emailShareByStage;
  if (!ctx.rng.chance(shares[STAGE_INDEX[lifeStage(ctx, age)]])) return '';
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const domain = ctx.pick.emailDomain.draw(ctx.rng).domain;
  const style = ctx.rng.int(0, 3);
  const user =
    style === 0
      ? `${clean(first)}.${clean(last)}`
      : style === 1
        ? `${clean(first).slice(0, 1)}${clean(last)}${ctx.rng.int(1, 99)}`
        : style === 2
          ? `${clean(first)}${clean(last)}${ctx.rng.int(60, 2010)}`
          : `${clean(last)}.${clean(first)}${ctx.rng.int(1, 9)}`;
  return `${user}@${domain}`;
}

function newCustomer(ctx: GenContext, town: Town, age: number, gender: Gender, last: string): Customer {
  const { rng, faker, window } = ctx;
  const first = faker.person.firstName(gender === 'F' ? 'female' : gender === 'M' ? 'male' : undefined);
  const birthDay = window.end - Math.floor((age + rng.next()) * DAYS_PER_YEAR);
  const exactAge = ageAt(birthDay, window.end);
  const minor = exactAge < 18;
  ctx.counters.customers += 1;
  const number = String(100_000 + ctx.counters.customers * 3 + rng.int(0, 2)).padStart(9, '0');
  return {
    number,
    first,
    last,
    gender,
    birthDay,
    age: exactAge,
    minor,
    phone: minor ? '' : rng.chance(ctx.params.personas.phoneShare) ? phone(ctx, town) : '',
    email: minor ? '' : email(ctx, first, last, exactAge),
    sinceDay: window.end,
    startDay: relationshipStart(ctx, birthDay, exactAge),
    doNotSolicit: false,
    doNotMail: false,
    deceased: false,
    returnedMail: false,
    employee: false,
  };
}

/** Tenure from none to 40 years, more of it recent, never before the customer was 16. */
function relationshipStart(ctx: GenContext, birthDay: number, age: number): number {
  const { rng, window } = ctx;
  const earliest = age < 18 ? birthDay : birthDay + Math.floor(16 * DAYS_PER_YEAR);
  const maxDays = Math.min(40 * DAYS_PER_YEAR, window.end - earliest);
  return window.end - Math.floor(Math.pow(rng.next(), 1.5) * Math.max(0, maxDays));
}

function gender(ctx: GenContext): Gender {
  if (ctx.rng.chance(ctx.params.personas.genderX)) return 'X';
  return ctx.rng.chance(0.52) ? 'F' : 'M';
}

function partnerGender(ctx: GenContext, first: Gender): Gender {
  if (first === 'X' || ctx.rng.chance(0.04)) return gender(ctx);
  return first === 'F' ? 'M' : 'F';
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const units = n % 10;
  return `${n}${units === 1 ? 'st' : units === 2 ? 'nd' : units === 3 ? 'rd' : 'th'}`;
}

function address(ctx: GenContext, town: Town): { line1: string; line2: string; apartment: boolean } {
  const { rng } = ctx;
  const bank = ctx.params.bank;
  const apartment = rng.chance(town.apartmentShare ?? 0.03);
  for (let tries = 0; ; tries++) {
    const numbered = rng.int(0, bank.streets.length + bank.numberedStreets - 1);
    const street =
      numbered < bank.streets.length
        ? bank.streets[numbered]
        : `${rng.pick(['N', 'S', 'E', 'W'])} ${ordinal(numbered - bank.streets.length + 1)} St`;
    const house = apartment ? rng.int(1, 60) * 100 + rng.int(0, 4) * 5 : rng.int(100, 4999);
    const line1 = `${house} ${street}`;
    const line2 = apartment
      ? rng.chance(0.5)
        ? `APT ${rng.int(1, 4)}${'ABCDEFGH'[rng.int(0, 7)]}`
        : `APT ${rng.int(1, 4)}${String(rng.int(1, 24)).padStart(2, '0')}`
      : '';
    const key = `${line1}|${line2}|${town.zip}`.toUpperCase();
    if (!ctx.addresses.has(key) || tries > 50) {
      // After 50 misses (a tiny town at a huge scale) a suffix keeps the address unique.
      const unique = ctx.addresses.has(key) ? `${line1} Unit ${tries}` : line1;
      ctx.addresses.add(`${unique}|${line2}|${town.zip}`.toUpperCase());
      return { line1: unique, line2, apartment };
    }
  }
}

function householdKind(ctx: GenContext, remaining: number): HouseholdKind {
  const kind = ctx.pick.householdKinds.draw(ctx.rng).kind;
  if (householdSize(kind) <= remaining) return kind;
  return remaining >= 2 ? 'couple' : 'single';
}

function members(ctx: GenContext, kind: HouseholdKind, town: Town): Customer[] {
  const { rng, faker } = ctx;
  const lastName = () => faker.person.lastName();
  const family = lastName();
  const make = (age: number, g: Gender, last = family) => newCustomer(ctx, town, age, g, last);
  const couple = (minAge: number, maxAge: number): Customer[] => {
    const a = make(adultAge(ctx, minAge, maxAge), gender(ctx));
    const bAge = clampAge(a.age + rng.normal(0, 3.5), 18, 95);
    const b = make(
      bAge,
      partnerGender(ctx, a.gender),
      rng.chance(ctx.params.personas.coupleSameLastName) ? family : lastName(),
    );
    return [a, b];
  };
  const childOf = (parentAge: number, adult: boolean): Customer => {
    const age = adult
      ? clampAge(parentAge - rng.int(22, 36), 18, parentAge - 18)
      : clampAge(rng.int(0, 17), 0, Math.max(0, parentAge - 20));
    return make(age, gender(ctx));
  };
  switch (kind) {
    case 'single':
      return [make(adultAge(ctx), gender(ctx))];
    case 'couple':
      return couple(18, 95);
    case 'couple_adult_child': {
      const parents = couple(44, 85);
      return [...parents, childOf(parents[0]?.age ?? 50, true)];
    }
    case 'parent_adult_child': {
      const parent = rng.chance(0.6)
        ? make(adultAge(ctx, 42, 66), gender(ctx))
        : make(adultAge(ctx, 72, 95), gender(ctx));
      return [parent, childOf(parent.age, true)];
    }
    case 'couple_minor': {
      const parents = couple(26, 52);
      return [...parents, childOf(Math.min(...parents.map((p) => p.age)), false)];
    }
    case 'parent_minor': {
      const parent = make(adultAge(ctx, 24, 55), gender(ctx));
      return [parent, childOf(parent.age, false)];
    }
    case 'roommates':
      return [make(adultAge(ctx, 19, 34), gender(ctx)), make(adultAge(ctx, 19, 34), gender(ctx), lastName())];
  }
}

function flag(ctx: GenContext, c: Customer): void {
  const { rng } = ctx;
  const f = ctx.params.personas.flags;
  if (c.minor) return;
  c.doNotSolicit = rng.chance(f.doNotSolicit);
  c.doNotMail = rng.chance(f.doNotMail);
  // Deaths fall on the older customers: 0.7 % overall is about 1.7 % of those 60 and over.
  c.deceased = c.age >= 60 && rng.chance(f.deceased * 2.4);
  c.employee = c.age >= 19 && c.age <= 66 && rng.chance(f.employee * 1.4);
}

export function newHousehold(ctx: GenContext, remaining: number): Household {
  const { rng } = ctx;
  const kind = householdKind(ctx, remaining);
  const town = ctx.pick.towns.draw(rng);
  const home = ctx.branches.get(town.branch);
  const branch = home && rng.chance(ctx.params.bank.homeBranchShare) ? home : rng.pick(ctx.params.bank.branches);
  const where = address(ctx, town);
  const people = members(ctx, kind, town);
  const returned = rng.chance(ctx.params.personas.flags.returnedMail);
  for (const person of people) {
    flag(ctx, person);
    person.returnedMail = returned;
  }
  ctx.counters.households += 1;
  return { index: ctx.counters.households, kind, members: people, town, branch, ...where };
}
