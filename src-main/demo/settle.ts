/**
 * Settling an account: its postings in date order become transaction rows with a running
 * balance, interest is credited where the product pays it, and each month end inside the
 * account's life becomes a snapshot with the month's average daily balance. Because the
 * rows and the snapshots come out of the same pass, they cannot disagree.
 *
 * Loans run the other way round: the balance is the amount owed, so a payment (a credit,
 * positive) lowers it. Lines and cards post nothing here; they carry month-end balances.
 */
import { isoOf } from './dates';
import { money, type Account, type Posting } from './accounts';
import type { GenContext } from './context';
import { csvField, type CsvSink } from './csv-sink';

export interface LedgerSinks {
  transactions: CsvSink;
  balances: CsvSink;
}

function openAt(account: Account, day: number): boolean {
  return day >= account.openDay && (account.closeDay === null || day < account.closeDay);
}

function writeTransaction(ctx: GenContext, sinks: LedgerSinks, account: Account, p: Posting, balance: number): void {
  const id = String(++ctx.counters.transactions).padStart(10, '0');
  sinks.transactions.line(
    `${id},${account.number},${isoOf(p.day)},${money(p.cents)},${p.code},${csvField(p.desc)},${p.mcc},${money(balance)}`,
  );
}

function writeSnapshot(
  ctx: GenContext,
  sinks: LedgerSinks,
  account: Account,
  day: number,
  balance: number,
  average: number,
) {
  ctx.counters.balances += 1;
  sinks.balances.line(`${account.number},${isoOf(day)},${money(balance)},${money(average)}`);
}

export function settle(ctx: GenContext, account: Account, sinks: LedgerSinks): void {
  if (account.kind === 'service' || account.status === 'CHARGED_OFF') {
    // Services hold no money; a charged-off loan was written off to zero before the window.
    account.finalCents = 0;
    return;
  }
  if (account.monthEnds) {
    settleFlat(ctx, account, sinks, account.monthEnds);
    return;
  }
  const { window } = ctx;
  const postings = account.postings.sort((a, b) => a.day - b.day || a.order - b.order);
  const sign = account.kind === 'loan' ? -1 : 1;
  const rate = account.kind === 'deposit' && account.rate ? account.rate : 0;
  const every = account.product.interestEveryMonths ?? 0;
  const from = Math.max(window.start, account.openDay);
  const to = Math.min(window.end, account.closeDay ?? window.end);
  let balance = account.startCents;
  let next = 0;
  let interestBase = 0;
  for (const month of window.months) {
    const first = Math.max(month.first, from);
    const last = Math.min(month.last, to);
    if (first > last) continue;
    let cursor = first;
    let dayBalances = 0;
    for (let p = postings[next]; p !== undefined && p.day <= last; p = postings[++next]) {
      const day = Math.max(p.day, first);
      dayBalances += balance * (day - cursor);
      cursor = day;
      balance += sign * p.cents;
      writeTransaction(ctx, sinks, account, p, balance);
    }
    dayBalances += balance * (last - cursor + 1);
    const average = Math.round(dayBalances / (last - first + 1));
    interestBase += dayBalances;
    if (rate > 0 && every > 0 && month.snapshot !== null && last === month.last && month.month % every === 0) {
      const interest = Math.round((Math.max(0, interestBase) * rate) / 100 / 365);
      if (interest > 0) {
        balance += interest;
        writeTransaction(ctx, sinks, account, interestPosting(month.last, interest), balance);
      }
      interestBase = 0;
    }
    if (month.snapshot !== null && openAt(account, month.snapshot)) {
      writeSnapshot(ctx, sinks, account, month.snapshot, balance, average);
    }
  }
  if (account.closeDay !== null && account.closeDay <= window.end && account.closeDay >= from && balance !== 0) {
    // Closing inside the window: what is left leaves by official check (or is paid off).
    const closeout: Posting =
      sign > 0
        ? {
            day: account.closeDay,
            cents: -balance,
            code: 'CHK',
            desc: 'OFFICIAL CHECK - ACCOUNT CLOSED',
            mcc: '',
            order: 3,
          }
        : { day: account.closeDay, cents: balance, code: 'PMT', desc: 'LOAN PAYOFF', mcc: '', order: 3 };
    balance = 0;
    writeTransaction(ctx, sinks, account, closeout, balance);
  }
  account.finalCents = account.closeDay !== null && account.closeDay <= window.end ? 0 : balance;
}

function interestPosting(day: number, cents: number): Posting {
  return { day, cents, code: 'INT', desc: 'INTEREST PAID', mcc: '', order: 4 };
}

function settleFlat(ctx: GenContext, account: Account, sinks: LedgerSinks, monthEnds: number[]): void {
  let previous = monthEnds[0] ?? 0;
  let last = previous;
  for (const month of ctx.window.months) {
    const value = monthEnds[month.index] ?? last;
    last = value;
    if (month.snapshot !== null && openAt(account, month.snapshot)) {
      writeSnapshot(ctx, sinks, account, month.snapshot, value, Math.round((previous + value) / 2));
    }
    previous = value;
  }
  account.finalCents = account.closeDay !== null && account.closeDay <= ctx.window.end ? 0 : last;
}
