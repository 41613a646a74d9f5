/**
 * One household from start to finish: its people, their accounts and personas, every
 * account's 13 months, and the rows for all six files. Nothing of it outlives the call, which
 * is what keeps memory flat however many customers are asked for.
 */
import { isoOf } from './dates';
import { money, type Account } from './accounts';
import { planChecking, type CheckingPlan } from './checking';
import type { GenContext } from './context';
import type { CsvSink } from './csv-sink';
import { setUpDeposit, setUpQuietChecking } from './deposits';
import { openHoldings, type Unit } from './holdings';
import { productRate, setUpInstallmentLoan, setUpRevolvingLine } from './loans';
import { newHousehold, type Customer, type Household } from './people';
import { newPersona } from './persona';
import { settle } from './settle';
import { newPlanted } from './spending';
import { truthRow } from './truth';

export interface DemoSinks {
  customers: CsvSink;
  accounts: CsvSink;
  transactions: CsvSink;
  balances: CsvSink;
  truth: CsvSink;
}

const yn = (value: boolean) => (value ? 'Y' : 'N');

function planFor(ctx: GenContext, household: Household, unit: Unit, accounts: Account[]): CheckingPlan {
  const { window } = ctx;
  const heldBy = (family: string) =>
    accounts.some(
      (a) => a.product.family === family && a.status === 'OPEN' && (a.owner === unit.owner || a.joint === unit.owner),
    );
  // A regular saver needs both accounts for the whole window, so the truth is 12 or 13 months.
  const savings = unit.savings;
  const fullWindow = savings !== null && savings.openDay < window.start && unit.checking.openDay < window.start;
  const persona = newPersona(ctx, {
    owner: unit.owner,
    joint: unit.joint,
    housing: unit.housing,
    mortgageHere: heldBy('mortgage'),
    autoHere: heldBy('auto'),
    cardHere: heldBy('credit_card'),
    apartment: household.apartment,
    hasSavings: fullWindow,
    bankEmployee: unit.owner.employee || unit.joint?.employee === true,
  });
  return { persona, checking: unit.checking, savings, planted: newPlanted() };
}

function setUp(ctx: GenContext, account: Account, everyday: Set<Account>): void {
  if (account.kind === 'service' || account.status === 'CHARGED_OFF') return;
  if (account.kind === 'loan') {
    account.rate = productRate(ctx, account.product, account.openDay);
    if (account.status === 'CLOSED') return;
    if (account.product.revolving) setUpRevolvingLine(ctx, account);
    else setUpInstallmentLoan(ctx, account, account.termMonths || 60);
    return;
  }
  if (account.product.family === 'checking') {
    if (account.product.interestBearing) account.rate = productRate(ctx, account.product, account.openDay);
    if (!everyday.has(account)) setUpQuietChecking(ctx, account);
    return;
  }
  setUpDeposit(ctx, account);
}

function customerRow(ctx: GenContext, household: Household, c: Customer): string[] {
  return [
    c.number,
    c.first,
    c.last,
    isoOf(c.birthDay),
    c.gender,
    household.line1,
    household.line2,
    household.town.city,
    ctx.params.bank.state,
    household.town.zip,
    c.phone,
    c.email,
    household.branch.code,
    household.branch.name,
    isoOf(c.sinceDay),
    '',
    yn(c.doNotSolicit),
    yn(c.doNotMail),
    yn(c.deceased),
    yn(c.returnedMail),
    yn(c.employee),
  ];
}

function accountRow(a: Account): string[] {
  return [
    a.number,
    a.product.code,
    a.owner.number,
    a.joint?.number ?? '',
    isoOf(a.openDay),
    a.closeDay === null ? '' : isoOf(a.closeDay),
    a.status,
    money(a.finalCents),
    a.rate === null ? '' : a.rate.toFixed(2),
    a.branch,
  ];
}

export function writeHousehold(ctx: GenContext, remaining: number, sinks: DemoSinks): Household {
  const household = newHousehold(ctx, remaining);
  const { accounts, units } = openHoldings(ctx, household);
  const plans = units.map((unit) => planFor(ctx, household, unit, accounts));
  const everyday = new Set(units.map((u) => u.checking));
  for (const plan of plans) planChecking(ctx, plan, household);
  for (const account of accounts) setUp(ctx, account, everyday);
  for (const account of accounts) settle(ctx, account, sinks);

  for (const person of household.members) {
    let since = ctx.window.end;
    for (const a of accounts) if ((a.owner === person || a.joint === person) && a.openDay < since) since = a.openDay;
    person.sinceDay = since;
    sinks.customers.row(customerRow(ctx, household, person));
  }
  for (const account of accounts) sinks.accounts.row(accountRow(account));
  for (const person of household.members) {
    const plan = plans.find((p) => p.checking.owner === person || p.checking.joint === person);
    sinks.truth.row(truthRow(ctx, household, person, plan));
  }
  return household;
}
