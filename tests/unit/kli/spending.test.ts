/** Where the money goes: investing, insurance, childcare, the home, travel, subscriptions, fees, green spending, bills. */
import { describe, expect, it } from 'vitest';
import { useKliBank } from '../../helpers/kli-bank';

describe('invests', () => {
  const newBank = useKliBank();

  it('flags money sent to a brokerage or an exchange, counting the transfers', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2026-01-03', 6, -50_000, 'VANGUARD BUY INVESTMENT', {
      category: 'investments',
      code: 'ACH_DR',
      merchant: 'Vanguard',
    });
    bank.txn(chk, '2026-02-11', -10_000, 'COINBASE.COM', { category: 'investments', merchant: 'Coinbase' });
    bank.compute();
    expect(bank.result('invests', ann)).toEqual({ value: 7, detail: 'Vanguard' });
    expect(bank.kliOf(ann, 'invests')?.value_text).toBe('7 transactions · Vanguard');
  });

  it('does not flag a lookalike name outside the investments category, nor a transfer before the lookback', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-03-03', -2_450, 'VANGUARD CLEANERS', { category: 'other' });
    bank.txn(chk, '2025-06-28', -50_000, 'FIDELITY INVESTMENTS', { category: 'investments', code: 'ACH_DR' });
    bank.compute();
    expect(bank.flagged('invests')).toEqual([]);
  });

  it('looks back as far as it is told: the same transfer flags with a 13-month lookback', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2025-06-28', -50_000, 'FIDELITY INVESTMENTS', {
      category: 'investments',
      code: 'ACH_DR',
    });
    bank.compute({ lookbackMonths: 13 });
    expect(bank.flagged('invests')).toEqual(['Ann Lee']);
  });
});

describe('insurance-premiums', () => {
  const newBank = useKliBank();
  const premium = { category: 'insurance', code: 'ACH_DR' } as const;

  it('flags premiums paid to an insurer, with the amount a month', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-18', 12, -14_512, 'STATE FARM INSURANCE', {
      ...premium,
      merchant: 'State Farm',
    });
    bank.compute();
    expect(bank.kliOf(ann, 'insurance-premiums')?.value_text).toBe('$145.12 a month · State Farm');
  });

  it('does not take a claim payment from an insurer for a premium', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-04-01', 850_000, 'STATE FARM CLAIM PMT', {
      category: 'insurance',
      code: 'ACH_CR',
    });
    bank.compute();
    expect(bank.flagged('insurance-premiums')).toEqual([]);
  });

  it('does not flag premiums paid to this bank’s own insurance agency', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-18', 12, -9_800, 'PVCB INSURANCE AGENCY PREMIUM', premium);
    bank.compute();
    expect(bank.flagged('insurance-premiums')).toEqual([]);
  });

  it('averages a semiannual premium over the months it was paid', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2025-08-01', -60_000, 'PROGRESSIVE INS', { ...premium, merchant: 'Progressive' });
    bank.txn(chk, '2026-02-01', -66_000, 'PROGRESSIVE INS', { ...premium, merchant: 'Progressive' });
    bank.compute();
    expect(bank.result('insurance-premiums', ann)).toEqual({ value: 63_000, detail: 'Progressive' });
  });
});

describe('childcare', () => {
  const newBank = useKliBank();

  it('flags a childcare centre by name', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-09-01', 10, -98_000, 'KINDERCARE #1234', {
      code: 'ACH_DR',
      category: 'education',
    });
    bank.compute();
    expect(bank.result('childcare', ann)).toEqual({ value: 10, detail: 'KINDERCARE #1234' });
  });

  it('flags an unknown name by its childcare MCC', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-05-02', -21_000, 'LITTLE SPROUTS LLC', { mcc: '8351' });
    bank.compute();
    expect(bank.flagged('childcare')).toEqual(['Ann Lee']);
  });

  it('does not flag a refund alone, nor a word that merely contains a pattern', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-05-02', 4_999, 'BUYBUY BABY RETURN', { code: 'POS', category: 'retail' });
    bank.txn(chk, '2026-05-03', -3_000, 'SUNNY DAY CAREERS FAIR', { category: 'other' });
    bank.compute();
    expect(bank.flagged('childcare')).toEqual([]);
  });
});

describe('home-improvement', () => {
  const newBank = useKliBank();
  const store = { category: 'home_improvement', mcc: '5200' } as const;

  it('flags home-improvement store purchases', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-04-12', -18_900, 'THE HOME DEPOT #2104', { ...store, merchant: 'The Home Depot' });
    bank.txn(chk, '2026-05-19', -7_450, 'LOWES #01876', { ...store, merchant: "Lowe's" });
    bank.compute();
    expect(bank.result('home-improvement', ann)).toEqual({ value: 2, detail: "Lowe's" });
  });

  it('leaves out the farm-and-ranch store', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-09', 12, -12_000, 'TRACTOR SUPPLY CO #331', {
      ...store,
      merchant: 'Tractor Supply',
    });
    bank.compute();
    expect(bank.flagged('home-improvement')).toEqual([]);
  });

  it('does not count a return: a refund alone flags nothing, a purchase and its refund count once', () => {
    const bank = newBank();
    const refundOnly = bank.customer('Ann Lee');
    const bought = bank.customer('Bob Ray');
    bank.txn(bank.account(refundOnly, 'CHK-FREE'), '2026-05-20', 7_450, 'LOWES #01876 RETURN', store);
    const chk = bank.account(bought, 'CHK-FREE');
    bank.txn(chk, '2026-05-19', -7_450, 'LOWES #01876', store);
    bank.txn(chk, '2026-05-20', 7_450, 'LOWES #01876 RETURN', store);
    bank.compute();
    expect(bank.flagged('home-improvement')).toEqual(['Bob Ray']);
    expect(bank.result('home-improvement', bought)?.value).toBe(1);
  });
});

describe('travel', () => {
  const newBank = useKliBank();
  const travel = { category: 'travel', code: 'POS' } as const;

  it('flags flights, hotels and rental cars, counting each', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-02-01', -48_000, 'DELTA AIR LINES', { ...travel, mcc: '3058', merchant: 'Delta' });
    bank.txn(chk, '2026-03-10', -32_000, 'MARRIOTT DES MOINES', { ...travel, mcc: '3509', merchant: 'Marriott' });
    bank.compute();
    expect(bank.result('travel', ann)).toEqual({ value: 2, detail: 'Marriott' });
  });

  it('leaves out train and transit tickets (those are sustainability)', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-02-01', -8_900, 'AMTRAK .COM', { ...travel, mcc: '4112', merchant: 'Amtrak' });
    bank.txn(chk, '2026-02-02', -250, 'DART TRANSIT FARE', travel);
    bank.compute();
    expect(bank.flagged('travel')).toEqual([]);
    expect(bank.result('sustainability', ann)?.value).toBe(2);
  });

  it('does not count an airline’s refund', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-02-04', 48_000, 'DELTA AIR LINES REFUND', travel);
    bank.compute();
    expect(bank.flagged('travel')).toEqual([]);
  });
});

describe('subscriptions', () => {
  const newBank = useKliBank();
  const streaming = { category: 'subscriptions_streaming', code: 'POS' } as const;

  it('counts different services, each once however many months it is paid, and names them', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-03', 12, -1_549, 'NETFLIX.COM', { ...streaming, merchant: 'Netflix' });
    bank.monthly(chk, '2025-07-09', 12, -1_199, 'SPOTIFY USA', { ...streaming, merchant: 'Spotify' });
    bank.monthly(chk, '2026-03-15', 4, -799, 'HULU 877-8244858', { ...streaming, merchant: 'Hulu' });
    bank.compute();
    expect(bank.result('subscriptions', ann)).toEqual({ value: 3, detail: 'Hulu, Netflix, Spotify' });
    expect(bank.kliOf(ann, 'subscriptions')?.value_text).toBe('3 merchants · Hulu, Netflix, Spotify');
  });

  it('does not count a service last paid before the lookback, nor a refund', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2024-07-03', 12, -1_549, 'NETFLIX.COM', { ...streaming, merchant: 'Netflix' });
    bank.txn(chk, '2026-01-03', 1_549, 'NETFLIX.COM REFUND', { ...streaming, merchant: 'Netflix' });
    bank.compute();
    expect(bank.flagged('subscriptions')).toEqual([]);
  });

  it('counts only the services paid within the lookback', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2024-07-03', 12, -1_549, 'NETFLIX.COM', { ...streaming, merchant: 'Netflix' });
    bank.txn(chk, '2026-06-09', -1_199, 'SPOTIFY USA', { ...streaming, merchant: 'Spotify' });
    bank.compute();
    expect(bank.result('subscriptions', ann)).toEqual({ value: 1, detail: 'Spotify' });
  });
});

describe('foreign-atm-fees', () => {
  const newBank = useKliBank();
  const fee = { category: 'fees', code: 'FEE' } as const;

  it('flags fees for another bank’s ATM', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-03-04', -250, 'ATM FEE - NON-NETWORK', fee);
    bank.txn(chk, '2026-05-04', -300, 'FOREIGN ATM SURCHARGE', fee);
    bank.compute();
    expect(bank.result('foreign-atm-fees', ann)?.value).toBe(2);
  });

  it('does not flag other fees, nor an ATM fee refund', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-31', 12, -500, 'MONTHLY SERVICE FEE', fee);
    bank.txn(chk, '2026-03-05', 250, 'ATM FEE REFUND', fee);
    bank.compute();
    expect(bank.flagged('foreign-atm-fees')).toEqual([]);
  });

  it('still counts a fee whose refund followed', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-03-04', -250, 'ATM FEE - NON-NETWORK', fee);
    bank.txn(chk, '2026-03-05', 250, 'ATM FEE REFUND', fee);
    bank.compute();
    expect(bank.result('foreign-atm-fees', ann)).toEqual({ value: 1, detail: 'ATM FEE - NON-NETWORK' });
  });
});

describe('overdrafts', () => {
  const newBank = useKliBank();
  const fee = { category: 'fees', code: 'FEE' } as const;

  it('counts overdraft and NSF fees', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-01-20', -3_500, 'OVERDRAFT FEE - PAID ITEM', fee);
    bank.txn(chk, '2026-04-20', -3_500, 'NSF FEE - RETURNED ITEM', fee);
    bank.txn(chk, '2026-04-21', -3_500, 'OVERDRAFT FEE - PAID ITEM', fee);
    bank.compute();
    expect(bank.kliOf(ann, 'overdrafts')?.value_text).toBe('3 transactions · OVERDRAFT FEE - PAID ITEM');
  });

  it('does not count an overdraft-protection transfer (not a fee) nor a fee reversal', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-01-20', 20_000, 'OVERDRAFT PROTECTION TRANSFER', { category: 'transfer', code: 'XFER_IN' });
    bank.txn(chk, '2026-01-21', 3_500, 'OVERDRAFT FEE REVERSAL', fee);
    bank.compute();
    expect(bank.flagged('overdrafts')).toEqual([]);
  });

  it('ignores an overdraft just before the lookback', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2025-06-30', -3_500, 'OVERDRAFT FEE', fee);
    bank.compute();
    expect(bank.flagged('overdrafts')).toEqual([]);
  });
});

describe('sustainability', () => {
  const newBank = useKliBank();

  it('flags EV charging, transit by MCC and a solar installer', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-01-11', -1_875, 'CHARGEPOINT INC', { category: 'fuel', mcc: '5552' });
    bank.txn(chk, '2026-02-11', -200, 'CITY BUS PASS', { category: 'auto', mcc: '4111' });
    bank.txn(chk, '2026-03-01', -14_000, 'SUNRUN INC PMT', { category: 'utilities', code: 'ACH_DR' });
    bank.compute();
    expect(bank.result('sustainability', ann)).toEqual({ value: 3, detail: 'SUNRUN INC PMT' });
  });

  it('does not flag a petrol station, a Tesla bought at a dealer, or a refund from a charger', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-01-11', -4_500, 'CASEYS GEN STORE', { category: 'fuel', mcc: '5541' });
    bank.txn(chk, '2026-01-12', -500_000, 'TESLA MOTORS DEPOSIT', { category: 'auto' });
    bank.txn(chk, '2026-01-13', 1_875, 'CHARGEPOINT REFUND', { category: 'fuel', mcc: '5552' });
    bank.compute();
    expect(bank.flagged('sustainability')).toEqual([]);
  });

  it('does not take a phone bill from Metro by T-Mobile for transit', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2025-07-22', 12, -4_000, 'METRO BY T-MOBILE', {
      category: 'telecom',
      code: 'ACH_DR',
      merchant: 'Metro by T-Mobile',
    });
    bank.compute();
    expect(bank.flagged('sustainability')).toEqual([]);
  });
});

describe('household-bills', () => {
  const newBank = useKliBank();

  it('flags bills paid in two or more months, counting the months', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.monthly(chk, '2025-07-21', 12, -11_000, 'MIDAMERICAN ENERGY', {
      category: 'utilities',
      code: 'ACH_DR',
      merchant: 'MidAmerican Energy',
    });
    bank.monthly(chk, '2025-07-23', 12, -6_500, 'MEDIACOM', { category: 'telecom', merchant: 'Mediacom' });
    bank.compute();
    expect(bank.result('household-bills', ann)?.value).toBe(12);
  });

  it('needs two months: a single bill is not flagged', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.txn(bank.account(ann, 'CHK-FREE'), '2026-06-21', -11_000, 'MIDAMERICAN ENERGY', { category: 'utilities' });
    bank.compute();
    expect(bank.flagged('household-bills')).toEqual([]);
  });

  it('does not count a utility’s refund as a month of bills', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    const chk = bank.account(ann, 'CHK-FREE');
    bank.txn(chk, '2026-05-21', -11_000, 'MIDAMERICAN ENERGY', { category: 'utilities' });
    bank.txn(chk, '2026-06-21', 2_000, 'MIDAMERICAN ENERGY CREDIT REFUND', { category: 'utilities' });
    bank.compute();
    expect(bank.flagged('household-bills')).toEqual([]);
  });

  it('reads the SIPO household payment of a Berka-like core', () => {
    const bank = newBank();
    const ann = bank.customer('Ann Lee');
    bank.monthly(bank.account(ann, 'CHK-FREE'), '2026-01-10', 6, -323_100, 'SIPO', {
      category: 'housing',
      code: 'ORDER',
    });
    bank.compute();
    expect(bank.kliOf(ann, 'household-bills')?.value_text).toBe('6 of 12 months · SIPO');
  });
});
