/**
 * What every part of the generator shares while it runs: the one random source, faker bound
 * to it, the parameters with their weighted pickers built once, the data window, and the
 * running counters that make customer, account and transaction numbers unique and stable.
 */
import { Faker, base, en, en_US } from '@faker-js/faker';
import type { DataWindow } from './dates';
import { demoParams, type Branch, type DemoParams, type PayeeParams, type PersonaParams, type Town } from './params';
import { Rng, WeightedTable } from './random';

type Named = { name: string; weight: number };
type Picker<T> = WeightedTable<T>;

function table<T extends { weight: number }>(items: readonly T[]): Picker<T> {
  return new WeightedTable(items, (item) => item.weight);
}

export interface Pickers {
  householdKinds: Picker<PersonaParams['householdTypes'][number]>;
  adultAges: Picker<PersonaParams['adultAgeBands'][number]>;
  towns: Picker<Town>;
  emailDomain: Picker<{ domain: string; weight: number }>;
  employers: Picker<PayeeParams['employers'][number]>;
  pensions: Picker<Named>;
  otherBanks: Picker<Named>;
  mortgageServicers: Picker<Named>;
  autoLenders: Picker<Named>;
  studentLoanServicers: Picker<Named>;
  cardIssuers: Picker<Named>;
  brokers: Picker<PayeeParams['brokers'][number]>;
  insurers: Picker<Named>;
  subscriptions: Picker<PayeeParams['subscriptions'][number]>;
  childcare: Picker<PayeeParams['childcare'][number]>;
  homeImprovement: Picker<PayeeParams['homeImprovement'][number]>;
  airlines: Picker<PayeeParams['airlines'][number]>;
  hotels: Picker<PayeeParams['hotels'][number]>;
  carRentals: Picker<PayeeParams['carRentals'][number]>;
  evCharging: Picker<PayeeParams['evCharging'][number]>;
  solar: Picker<Named>;
  transit: Picker<PayeeParams['transit'][number]>;
  processors: Picker<Named>;
  landlords: Picker<Named>;
  utilities: Picker<Named>;
  shopping: Picker<PayeeParams['shopping'][number]>;
}

export interface Counters {
  customers: number;
  households: number;
  accounts: number;
  transactions: number;
  balances: number;
}

export interface GenContext {
  rng: Rng;
  faker: Faker;
  params: DemoParams;
  window: DataWindow;
  pick: Pickers;
  branches: Map<string, Branch>;
  /** Every household's address key, so no two households share an address by accident. */
  addresses: Set<string>;
  counters: Counters;
}

export function createContext(seed: number, window: DataWindow): GenContext {
  const params = demoParams();
  const rng = new Rng(seed);
  const faker = new Faker({ locale: [en_US, en, base], randomizer: rng.asFakerRandomizer() });
  const p = params.payees;
  return {
    rng,
    faker,
    params,
    window,
    branches: new Map(params.bank.branches.map((b) => [b.code, b])),
    addresses: new Set(),
    counters: { customers: 0, households: 0, accounts: 0, transactions: 0, balances: 0 },
    pick: {
      householdKinds: table(params.personas.householdTypes),
      adultAges: table(params.personas.adultAgeBands),
      towns: table(params.bank.towns),
      emailDomain: table(params.bank.emailDomains),
      employers: table(p.employers),
      pensions: table(p.pensions),
      otherBanks: table(p.otherBanks),
      mortgageServicers: table(p.mortgageServicers),
      autoLenders: table(p.autoLenders),
      studentLoanServicers: table(p.studentLoanServicers),
      cardIssuers: table(p.cardIssuers),
      brokers: table(p.brokers),
      insurers: table(p.insurers),
      subscriptions: table(p.subscriptions),
      childcare: table(p.childcare),
      homeImprovement: table(p.homeImprovement),
      airlines: table(p.airlines),
      hotels: table(p.hotels),
      carRentals: table(p.carRentals),
      evCharging: table(p.evCharging),
      solar: table(p.solar),
      transit: table(p.transit),
      processors: table(p.processors),
      landlords: table(p.landlords),
      utilities: table(p.utilities),
      shopping: table(p.shopping),
    },
  };
}
