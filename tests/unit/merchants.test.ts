import { describe, expect, it } from 'vitest';
import payees from '../../resources/demo/payees.json';
import {
  categoryForMcc,
  cleanDescription,
  createMerchantCleaner,
  MERCHANT_DICTIONARY,
} from '../../src-main/ingest/merchants';
import { matchKey } from '../../src-main/ingest/merchants/text';
import { BERKA } from '../../src-main/ingest/profiles/berka';
import {
  MERCHANT_CATEGORIES,
  MERCHANT_CATEGORY_LABELS,
  merchantRuleSchema,
  type MerchantCategory,
  type MerchantRule,
} from '../../src-shared/merchants';
import { useDemoBank } from './demo/demo-bank';

const clean = createMerchantCleaner();
const categoryOf = (description: string, mcc: string | null = null) => clean(description, mcc).category;

describe('cleanDescription', () => {
  it.each([
    ['POS PURCHASE 1234 WAL-MART #1532 DES MOINES IA', 'WAL-MART'],
    ['ACH DEBIT NETFLIX.COM 866-579-7172 CA', 'NETFLIX.COM'],
    ['CHECKCARD 0412 HY-VEE #1234 AMES IA 24431064', 'HY-VEE'],
    ['AMZN Mktp US*2K4LL1234', 'AMZN MKTP US'],
    ['SQ *JOES COFFEE', 'JOES COFFEE'],
    ["TST* PANCHERO'S", "PANCHERO'S"],
    ['PAYPAL *SPOTIFY', 'SPOTIFY'],
    ['PP*SPOTIFY', 'SPOTIFY'],
    ['DIRECT DEP ACME CORP PAYROLL', 'ACME CORP PAYROLL'],
    ['DEBIT CARD PURCHASE - TARGET T-1234 AMES IA 50010', 'TARGET AMES'],
    ['RECURRING PAYMENT HULU 877-8244858 CA', 'HULU'],
    ['PURCHASE AUTHORIZED ON 04/12 CASEYS GEN STORE 3021', 'CASEYS GEN STORE'],
    ['ACH CREDIT IRS TREAS 310 TAX REF 04/12/26', 'IRS TREAS 310 TAX REF'],
    ['TRANSFER TO SAVINGS XXXX1234', 'TRANSFER TO SAVINGS'],
    ['Online Transfer to CHK ...1234 transaction#: 123456789', 'ONLINE TRANSFER TO CHK TRANSACTION'],
    ['CHECK 1043', 'CHECK'],
    ['IPERS PENSION PPD', 'IPERS PENSION'],
    ['  lowes   #01876  ', 'LOWES'],
    ['Household payment (SIPO)', 'HOUSEHOLD PAYMENT (SIPO)'],
  ])('%s → %s', (raw, expected) => {
    expect(cleanDescription(raw)).toBe(expected);
  });

  it('cuts a known town before the state code, and only a known one', () => {
    const towns = new Set(['AMES', 'STORY CITY', 'DES MOINES']);
    expect(cleanDescription('HY-VEE AMES IA', towns)).toBe('HY-VEE');
    expect(cleanDescription('CASEYS GEN STORE STORY CITY IA', towns)).toBe('CASEYS GEN STORE');
    expect(cleanDescription('JOES DINER DES MOINES IA 50309', towns)).toBe('JOES DINER');
    expect(cleanDescription('JOES DINER BOONE IA', towns)).toBe('JOES DINER BOONE');
    expect(cleanDescription('HY-VEE AMES', towns)).toBe('HY-VEE AMES');
    expect(cleanDescription('AMES IA', towns)).toBe('AMES');
  });

  it('keeps what it does not recognise, and a description that would clean to nothing', () => {
    expect(cleanDescription('PHILLIPS 66 MOTEL 6 SUPER 8')).toBe('PHILLIPS 66 MOTEL 6 SUPER 8');
    expect(cleanDescription('ACH DEBIT')).toBe('ACH DEBIT');
    expect(cleanDescription('#1234')).toBe('#1234');
    expect(cleanDescription('')).toBe('');
    expect(cleanDescription('   ')).toBe('');
  });
});

describe('the merchant cleaner', () => {
  it.each<[string, string | null, string, MerchantCategory]>([
    ['POS PURCHASE 1234 WAL-MART #1532 DES MOINES IA', null, 'Walmart', 'retail'],
    ['WALMART.COM 800-966-6546 AR', null, 'Walmart', 'online_shopping'],
    ['ACH DEBIT NETFLIX.COM 866-579-7172 CA', null, 'Netflix', 'subscriptions_streaming'],
    ['CHECKCARD 0412 HY-VEE #1234 AMES IA 24431064', null, 'Hy-Vee', 'groceries'],
    ['HY-VEE FAST & FRESH #1410 AMES IA', null, 'Hy-Vee Fast & Fresh', 'fuel'],
    ['FAREWAY STORES #012 BOONE IA', null, 'Fareway', 'groceries'],
    ["CASEY'S GENERAL STORE 2231", null, "Casey's", 'fuel'],
    ['KUM&GO 0245 ANKENY IA', null, 'Kum & Go', 'fuel'],
    ['AMZN Mktp US*2K4LL1234', null, 'Amazon', 'online_shopping'],
    ['AMAZON PRIME*2K4LL1234', null, 'Amazon Prime', 'subscriptions_streaming'],
    ['PAYPAL *SPOTIFY', null, 'Spotify', 'subscriptions_streaming'],
    ['GOOGLE *YouTube TV g.co/helppay#', null, 'YouTube', 'subscriptions_streaming'],
    ["TST* PANCHERO'S", null, "Panchero's", 'restaurants'],
    ['SSA TREAS 310 XXSOC SEC', null, 'Social Security', 'government_benefits'],
    ['VA BENEFITS 101 XXVA BEN', null, 'VA Benefits', 'government_benefits'],
    ['ADP WAGE PAY 0412', null, 'ADP', 'payroll'],
    ['PAYCHEX EIB PAYROLL', null, 'Paychex', 'payroll'],
    ['STATE FARM RO 27 SFPP', null, 'State Farm', 'insurance'],
    ['GEICO *AUTO', null, 'GEICO', 'insurance'],
    ['CHASE CREDIT CRD AUTOPAY', null, 'Chase Card', 'loan_payment'],
    ['CAPITAL ONE MOBILE PMT', null, 'Capital One', 'loan_payment'],
    ['DISCOVER E-PAYMENT 1234', null, 'Discover', 'loan_payment'],
    ['AMEX EPAYMENT ACH PMT', null, 'American Express', 'loan_payment'],
    ['TRANSFER FROM CAPITAL ONE XXXX4411', null, 'Capital One', 'transfer'],
    ['ZELLE PAYMENT TO CHASE M', null, 'Zelle', 'transfer'],
    ['VENMO *PAYMENT 1029384756', null, 'Venmo', 'transfer'],
    ['CASH APP*JOHN SMITH', null, 'Cash App', 'transfer'],
    ['UBER *TRIP HELP.UBER.COM CA', null, 'Uber', 'auto'],
    ['UBER EATS 8005928996 CA', null, 'Uber Eats', 'restaurants'],
    ['DELTA AIR 0062345678901', null, 'Delta Air Lines', 'travel'],
    ['PLANET FITNESS 800-999-9999 NH', null, 'Planet Fitness', 'recreation'],
    ['MIDAMERICAN ENERGY 888-427-5632 IA', null, 'MidAmerican Energy', 'utilities'],
    ['VERIZON WIRELESS 800-922-0204 FL', null, 'Verizon', 'telecom'],
  ])('%s (MCC %s) → %s, %s', (description, mcc, merchant, category) => {
    expect(clean(description, mcc)).toEqual({ merchant, category });
  });

  it('reads the kind of item before the merchant: an employer, an ATM, a fee', () => {
    expect(clean('HY-VEE INC PAYROLL PPD', null)).toEqual({ merchant: 'Hy-Vee', category: 'payroll' });
    expect(clean('DIRECT DEP WAL-MART ASSOC', null)).toEqual({ merchant: 'Walmart', category: 'payroll' });
    expect(clean('ATM WITHDRAWAL KWIK STAR 412 AMES IA', null)).toEqual({ merchant: 'Kwik Star', category: 'cash' });
    expect(clean('ATM FEE - NON-NETWORK', null)).toEqual({ merchant: 'ATM Fee - Non-Network', category: 'fees' });
    expect(categoryOf('CORNBELT INS GROUP PENSION')).toBe('government_benefits');
    expect(categoryOf('IRS TREAS 310 TAX REF')).toBe('taxes');
  });

  it('tells a payment to a bank (loan or card words) from a transfer with it', () => {
    expect(categoryOf('WELLS FARGO HOME MTG')).toBe('loan_payment');
    expect(categoryOf('US BANK HOME MTG PMT')).toBe('loan_payment');
    expect(categoryOf('VERIDIAN CU AUTO PMT')).toBe('loan_payment');
    expect(categoryOf('TRANSFER FROM WELLS FARGO XXXX1234')).toBe('transfer');
    expect(categoryOf('ONLINE TRANSFER FROM VERIDIAN CU')).toBe('transfer');
  });

  it('matches whole words only', () => {
    expect(categoryOf('PURCHASE RETURN')).toBe('other');
    expect(clean('SHELLPOINT MTG', null).merchant).toBe('NewRez');
    expect(clean('LOAN PAYMENT - PRINCIPAL', null)).toEqual({
      merchant: 'Loan Payment - Principal',
      category: 'loan_payment',
    });
  });

  it('falls back to the MCC for a merchant it does not know', () => {
    expect(clean('PRAIRIE SMOKE BBQ', '5812')).toEqual({ merchant: 'Prairie Smoke BBQ', category: 'restaurants' });
    expect(clean('RIVERSIDE FLORIST AMES IA', '5992')).toEqual({
      merchant: 'Riverside Florist Ames',
      category: 'retail',
    });
    expect(categoryOf('CYCLONE AVIATION', '3150')).toBe('travel');
    expect(categoryOf('STORY COUNTY DERMATOLOGY', '8099')).toBe('healthcare');
    expect(categoryOf('LOCAL ATM OPERATOR', '6011')).toBe('cash');
    expect(categoryOf('GRANDVIEW ESTATES', '6513')).toBe('housing');
    // The dictionary outranks the MCC: Amazon books (5942) is still Amazon.
    expect(categoryOf('AMAZON.COM', '5942')).toBe('online_shopping');
  });

  it('reads MCCs by single code and by range, and ignores malformed ones', () => {
    expect(categoryForMcc('5411')).toBe('groceries');
    expect(categoryForMcc('5541')).toBe('fuel');
    expect(categoryForMcc('5542')).toBe('fuel');
    expect(categoryForMcc('5814')).toBe('restaurants');
    expect(categoryForMcc('4900')).toBe('utilities');
    expect(categoryForMcc('4814')).toBe('telecom');
    expect(categoryForMcc('6300')).toBe('insurance');
    expect(categoryForMcc('8011')).toBe('healthcare');
    expect(categoryForMcc('3000')).toBe('travel');
    expect(categoryForMcc('3299')).toBe('travel');
    expect(categoryForMcc('7011')).toBe('travel');
    expect(categoryForMcc('5311')).toBe('retail');
    expect(categoryForMcc('5912')).toBe('healthcare');
    expect(categoryForMcc('4121')).toBe('auto');
    expect(categoryForMcc('8220')).toBe('education');
    expect(categoryForMcc('8398')).toBe('charity');
    expect(categoryForMcc('6011')).toBe('cash');
    expect(categoryForMcc(' 6012 ')).toBe('loan_payment');
    expect(categoryForMcc('7230')).toBeNull();
    expect(categoryForMcc('')).toBeNull();
    expect(categoryForMcc('54111')).toBeNull();
    expect(categoryForMcc('ABCD')).toBeNull();
    expect(categoryForMcc(null)).toBeNull();
    expect(clean('JOES DINER', 'ABCD')).toEqual({ merchant: 'Joes Diner', category: 'restaurants' });
  });

  it('title-cases a merchant nobody listed and guesses its category from its words', () => {
    expect(clean('SQ *JOES COFFEE', null)).toEqual({ merchant: 'Joes Coffee', category: 'restaurants' });
    // TST* is Toast, a restaurant point of sale.
    expect(clean('TST* GRAND PRAIRIE GRILL', null)).toEqual({
      merchant: 'Grand Prairie Grill',
      category: 'restaurants',
    });
    expect(clean('TST* LUCKY STAR', null)).toEqual({ merchant: 'Lucky Star', category: 'restaurants' });
    expect(clean('CITY OF AMES UTILITIES', null)).toEqual({
      merchant: 'City of Ames Utilities',
      category: 'utilities',
    });
    expect(clean('DIRECT DEP ACME CORP PAYROLL', null)).toEqual({ merchant: 'Acme Corp Payroll', category: 'payroll' });
    expect(clean('CAMPUSTOWN PROPERTY MGMT RENT', null)).toEqual({
      merchant: 'Campustown Property Mgmt Rent',
      category: 'housing',
    });
    expect(clean('ST PAULS LUTHERAN CHURCH', null)).toEqual({
      merchant: 'St Pauls Lutheran Church',
      category: 'charity',
    });
    expect(clean('RIVERSIDE FLORIST', null)).toEqual({ merchant: 'Riverside Florist', category: 'other' });
  });

  it('gives bank items a category without any merchant', () => {
    expect(clean('INTEREST PAID', null)).toEqual({ merchant: 'Interest Paid', category: 'interest' });
    expect(categoryOf('Interest payment')).toBe('interest');
    expect(categoryOf('DIVIDEND PAID')).toBe('interest');
    expect(categoryOf('TRANSFER TO SAVINGS XXXX1234')).toBe('transfer');
    expect(categoryOf('Transfer')).toBe('transfer');
    expect(categoryOf('MOBILE DEPOSIT')).toBe('transfer');
    expect(categoryOf('OVERDRAFT FEE - PAID ITEM')).toBe('fees');
    expect(categoryOf('MONTHLY SERVICE FEE')).toBe('fees');
    expect(categoryOf('LOAN PMT 1234567')).toBe('loan_payment');
    expect(categoryOf('ATM WITHDRAWAL PVCB MAIN STREET')).toBe('cash');
  });

  it('gives an empty description no merchant and the category other', () => {
    expect(clean('', null)).toEqual({ merchant: '', category: 'other' });
    expect(clean('   ', '5411')).toEqual({ merchant: '', category: 'other' });
  });
});

describe('user rules', () => {
  const rule = (pattern: string, match: MerchantRule['match'], merchant: string, category: MerchantCategory) =>
    merchantRuleSchema.parse({ pattern, match, merchant, category });

  it('come before the dictionary and the kind of item, for each kind of match', () => {
    const cleaner = createMerchantCleaner([
      rule('hy-vee', 'contains', 'Hy-Vee (employer)', 'payroll'),
      rule('walmart', 'starts_with', 'Walmart (groceries)', 'groceries'),
      rule('atm withdrawal pvcb main street', 'exact', 'PVCB ATM', 'cash'),
    ]);
    expect(cleaner('CHECKCARD 0412 HY-VEE #1234 AMES IA', null)).toEqual({
      merchant: 'Hy-Vee (employer)',
      category: 'payroll',
    });
    expect(cleaner('WALMART SUPERCENTER #1532', '5311')).toEqual({
      merchant: 'Walmart (groceries)',
      category: 'groceries',
    });
    expect(cleaner('ATM WITHDRAWAL PVCB MAIN STREET', null)).toEqual({ merchant: 'PVCB ATM', category: 'cash' });
  });

  it('match the cleaned description ignoring case, spacing and punctuation, and only as told', () => {
    const cleaner = createMerchantCleaner([
      rule('WALMART', 'starts_with', 'Walmart only', 'retail'),
      rule('Netflix.com', 'exact', 'Flix', 'subscriptions_streaming'),
      rule("joe's   coffee", 'contains', "Joe's Coffee", 'restaurants'),
    ]);
    expect(cleaner('PURCHASE AT WALMART', null).merchant).not.toBe('Walmart only');
    expect(cleaner('ACH DEBIT NETFLIX.COM 866-579-7172 CA', null).merchant).toBe('Flix');
    expect(cleaner('NETFLIX.COM PREMIUM', null).merchant).toBe('Netflix');
    expect(cleaner('SQ *JOES COFFEE AMES', null)).toEqual({ merchant: "Joe's Coffee", category: 'restaurants' });
  });

  it('are read in order: the first that matches decides', () => {
    const cleaner = createMerchantCleaner([
      rule('COFFEE', 'contains', 'Any coffee', 'restaurants'),
      rule('JOES COFFEE', 'exact', 'Joe', 'other'),
    ]);
    expect(cleaner('JOES COFFEE', null).merchant).toBe('Any coffee');
  });

  it('are checked by their schema at the boundary', () => {
    expect(
      merchantRuleSchema.safeParse({ pattern: ' *** ', match: 'contains', merchant: 'X', category: 'other' }).success,
    ).toBe(false);
    expect(
      merchantRuleSchema.safeParse({ pattern: 'X', match: 'regex', merchant: 'X', category: 'other' }).success,
    ).toBe(false);
    expect(
      merchantRuleSchema.safeParse({ pattern: 'X', match: 'exact', merchant: 'X', category: 'shopping' }).success,
    ).toBe(false);
    expect(
      merchantRuleSchema.safeParse({ pattern: 'X', match: 'exact', merchant: ' ', category: 'other' }).success,
    ).toBe(false);
    expect(
      merchantRuleSchema.parse({ pattern: ' Kum & Go ', match: 'exact', merchant: 'KG', category: 'fuel' }),
    ).toEqual({
      pattern: 'Kum & Go',
      match: 'exact',
      merchant: 'KG',
      category: 'fuel',
    });
  });
});

describe('the cache', () => {
  it('returns the very same frozen result for the same description and MCC', () => {
    const cleaner = createMerchantCleaner();
    const first = cleaner('CHECKCARD 0412 HY-VEE #1234 AMES IA', '5411');
    expect(cleaner('CHECKCARD 0412 HY-VEE #1234 AMES IA', '5411')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(cleaner('CHECKCARD 0412 HY-VEE #1234 AMES IA', null)).not.toBe(first);
  });

  it('keys on the MCC as well as the description', () => {
    const cleaner = createMerchantCleaner();
    expect(cleaner('PRAIRIE SPOKES', '5940').category).toBe('recreation');
    expect(cleaner('PRAIRIE SPOKES', '5812').category).toBe('restaurants');
    expect(cleaner('PRAIRIE SPOKES', null).category).toBe('other');
  });

  it('starts over when full and still gives equal results', () => {
    const cleaner = createMerchantCleaner([], { cacheSize: 2 });
    const first = cleaner('HY-VEE', null);
    cleaner('ALDI', null);
    expect(cleaner('HY-VEE', null)).toBe(first);
    cleaner('TARGET', null); // the third entry empties the cache
    const again = cleaner('HY-VEE', null);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('the dictionary', () => {
  it('lists at least 200 merchants, each with patterns that are words', () => {
    expect(MERCHANT_DICTIONARY.length).toBeGreaterThanOrEqual(200);
    for (const entry of MERCHANT_DICTIONARY) {
      expect(entry.merchant).not.toBe('');
      expect(MERCHANT_CATEGORIES).toContain(entry.category);
      for (const pattern of entry.patterns) expect(matchKey(pattern), entry.merchant).not.toBe('');
    }
  });

  it('never gives one pattern to two entries', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of MERCHANT_DICTIONARY) {
      for (const pattern of entry.patterns) {
        const key = matchKey(pattern);
        const owner = owners.get(key);
        const me = `${entry.merchant} (${entry.category})`;
        if (owner !== undefined && owner !== me) clashes.push(`${key}: ${owner} / ${me}`);
        owners.set(key, me);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('knows each of its entries by its first pattern', () => {
    const wrong = MERCHANT_DICTIONARY.filter((entry) => {
      const got = clean(entry.patterns[0] ?? '', null);
      return got.merchant !== entry.merchant || (!entry.bank && got.category !== entry.category);
    }).map((entry) => entry.merchant);
    expect(wrong).toEqual([]);
  });

  it('labels every category', () => {
    for (const category of MERCHANT_CATEGORIES) expect(MERCHANT_CATEGORY_LABELS[category]).toMatch(/\w/);
  });
});

describe('the demo bank', () => {
  const names = (list: { name: string }[]) => list.map((p) => p.name);

  it.each<[string, string[], MerchantCategory[]]>([
    ['employers', names(payees.employers), ['payroll']],
    ['pensions', [...names(payees.pensions), payees.socialSecurity], ['government_benefits']],
    ['mortgage servicers', names(payees.mortgageServicers), ['loan_payment']],
    ['auto lenders', names(payees.autoLenders), ['loan_payment']],
    ['student loan servicers', names(payees.studentLoanServicers), ['loan_payment']],
    ['card issuers', names(payees.cardIssuers), ['loan_payment']],
    ['brokers', names(payees.brokers), ['investments']],
    ['insurers', names(payees.insurers), ['insurance']],
    ['subscriptions', names(payees.subscriptions), ['subscriptions_streaming']],
    ['childcare', names(payees.childcare), ['education']],
    ['home improvement', names(payees.homeImprovement), ['home_improvement']],
    ['airlines, hotels, car rentals', names([...payees.airlines, ...payees.hotels, ...payees.carRentals]), ['travel']],
    ['EV charging', names(payees.evCharging), ['fuel']],
    ['solar', names(payees.solar), ['utilities']],
    ['transit', names(payees.transit), ['auto', 'travel']],
    ['card processors', names(payees.processors), ['business_income', 'transfer']],
    ['landlords', names(payees.landlords), ['housing']],
    ['utilities', names(payees.utilities), ['utilities', 'telecom']],
    ['ATMs', payees.foreignAtms, ['cash']],
    ['transfers from other banks', names(payees.otherBanks).map((b) => `TRANSFER FROM ${b} XXXX1234`), ['transfer']],
    ['person to person', payees.peerToPeer, ['transfer']],
    ['tax refunds', [payees.taxRefund], ['taxes']],
  ])('payees: %s', (_, descriptions, categories) => {
    const wrong = descriptions
      .map((d) => [d, clean(d, null).category] as const)
      .filter(([, category]) => !categories.includes(category));
    expect(wrong).toEqual([]);
  });

  it('payees: shops land where their card network MCC says, Amazon online', () => {
    const wrong = payees.shopping
      .map((s) => {
        const expected = /^(AMAZON|AMZN)/.test(s.name) ? 'online_shopping' : categoryForMcc(s.mcc);
        return { name: s.name, expected, got: clean(`${s.name} AMES IA`, null).category };
      })
      .filter((s) => s.got !== s.expected);
    expect(wrong).toEqual([]);
  });

  describe('every description the generator writes', () => {
    const demo = useDemoBank({ customers: 400, seed: 4 }, ['transactions.csv', 'customers.csv']);

    it('gets a merchant and a category; only paper checks stay other', () => {
      const { rows } = demo();
      const cleaner = createMerchantCleaner([], { cities: rows.customers.map((c) => c.city ?? '') });
      const other = new Set<string>();
      const categories = new Set<MerchantCategory>();
      for (const t of rows.transactions) {
        const { merchant, category } = cleaner(t.description ?? '', t.mcc || null);
        expect(merchant, t.description).toMatch(/^[A-Z]/);
        expect(merchant, t.description).not.toMatch(/\d{4}|XXXX/);
        categories.add(category);
        if (category === 'other') other.add(merchant);
      }
      expect([...other]).toEqual(['Check']);
      expect(rows.transactions.length).toBeGreaterThan(5_000);
      expect(categories.size).toBeGreaterThan(20);
    });
  });
});

describe('Berka (PKDD99) descriptions', () => {
  const EXPECTED: Record<string, MerchantCategory> = {
    Pension: 'government_benefits',
    'Household payment (SIPO)': 'utilities',
    'Insurance payment': 'insurance',
    'Loan payment': 'loan_payment',
    'Leasing payment': 'loan_payment',
    'Statement fee': 'fees',
    'Penalty interest': 'fees',
    'Interest credited': 'interest',
    'Cash deposit': 'cash',
    'Transfer from another bank': 'transfer',
    'Transfer to another bank': 'transfer',
    'Card withdrawal': 'cash',
    'Cash withdrawal': 'cash',
    'Other transaction': 'other',
  };

  it('covers every description the Berka profile writes', () => {
    const description = BERKA.files.find((f) => f.kind === 'transactions')?.fields.description?.transform;
    if (description?.type !== 'lookup') throw new Error('the Berka profile no longer maps descriptions by lookup');
    const written = new Set([...Object.values(description.map), description.default ?? '']);
    expect([...written].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s → %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it('keeps the description, title-cased, as the merchant', () => {
    expect(clean('Household payment (SIPO)', null).merchant).toBe('Household Payment (SIPO)');
    expect(clean('Transfer to another bank', null).merchant).toBe('Transfer to Another Bank');
  });

  it('reads its standing orders too', () => {
    expect(categoryOf('Standing order')).toBe('transfer');
  });
});
