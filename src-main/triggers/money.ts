/**
 * Money in evidence and rule names, in the bank's currency (settings key `currency`; Berka's
 * koruna, USD by default). Whole amounts drop the cents ("$25,000"), others keep both digits.
 */
import { getSetting } from '../bank/stats';
import type { Db } from '../db/open';

export type MoneyFormat = (cents: number) => string;

export function bankCurrency(db: Db): string {
  return getSetting(db, 'currency') ?? 'USD';
}

export function moneyFormat(currency: string): MoneyFormat {
  let whole: Intl.NumberFormat;
  let exact: Intl.NumberFormat;
  try {
    whole = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    exact = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2 });
  } catch {
    // A code Intl does not know still reads well written after the figure.
    const plain = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
    return (cents) => `${plain.format(cents / 100)} ${currency}`;
  }
  // Intl puts a no-break space after a currency code ("CZK 25,000"); evidence is plain text
  // that people search and paste, so an ordinary space.
  return (cents) => (cents % 100 === 0 ? whole : exact).format(cents / 100).replace(/\u00a0/g, ' ');
}
