/**
 * Savings, money market and CD accounts: a balance drawn from the product's distribution, an
 * occasional deposit or withdrawal, and interest credited by the ledger on the product's
 * schedule (quarterly savings and CDs, monthly money markets). Dormant accounts only earn.
 */
import { dollarsToCents, isLive, post, type Account } from './accounts';
import { fundOpening } from './checking';
import type { GenContext } from './context';
import { drawAmount, productRate } from './loans';

/** Money market rates step up with the balance. */
function tieredRate(product: Account['product'], balanceCents: number): number | null {
  const [low, high] = product.rate ?? [0, 0];
  const tiers = [1_000_000, 2_500_000, 5_000_000, 10_000_000];
  const step = tiers.filter((t) => balanceCents >= t).length;
  return Math.round((low + ((high - low) * step) / tiers.length) * 100) / 100;
}

export function setUpDeposit(ctx: GenContext, account: Account): void {
  const { rng, window } = ctx;
  const product = account.product;
  const target = drawAmount(ctx, product, 2_000);
  account.rate = product.code === 'MM-TIER' ? tieredRate(product, target) : productRate(ctx, product, account.openDay);
  const family = product.family;
  const active = account.status === 'OPEN' || account.status === 'CLOSED';
  if (active && family !== 'cd') {
    const youth = product.code === 'SAV-YTH';
    const rate = youth ? 0.08 : family === 'money_market' ? 0.12 : 0.06;
    for (const m of window.months) {
      for (let i = rng.poisson(rate); i > 0; i--) {
        const day = rng.int(m.first, Math.min(m.last, window.end));
        if (!isLive(ctx, account, day)) continue;
        const dollars = youth ? rng.int(1, 10) * 10 : rng.lognormal(family === 'money_market' ? 1_500 : 300, 0.8);
        post(account, day, dollarsToCents(dollars), 'DEP', rng.chance(0.5) ? 'BRANCH DEPOSIT' : 'MOBILE DEPOSIT');
      }
      if (family === 'money_market' && rng.chance(0.06)) {
        const day = rng.int(m.first, Math.min(m.last, window.end));
        if (isLive(ctx, account, day))
          post(account, day, -dollarsToCents(rng.lognormal(2_000, 0.7)), 'CHK', `CHECK ${rng.int(101, 399)}`);
      }
    }
  }
  const cushion = account.status === 'DORMANT' ? Math.round(target * 0.1) : target;
  fundOpening(ctx, account, cushion);
}

/** A checking account that is not anybody's everyday account: an old one, about to close. */
export function setUpQuietChecking(ctx: GenContext, account: Account): void {
  const { rng, window } = ctx;
  for (let i = rng.int(0, 3); i > 0; i--) {
    const day = rng.int(window.start, window.end);
    if (isLive(ctx, account, day))
      post(account, day, -dollarsToCents(rng.lognormal(40, 0.6)), 'POS', 'AMAZON.COM', '5942');
  }
  fundOpening(ctx, account, dollarsToCents(rng.lognormal(250, 1)));
}
