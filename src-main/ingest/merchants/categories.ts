/**
 * The merchant categories (their ids and labels live in src-shared/merchants.ts, where the
 * screens read them too) and the words that give a category without knowing the merchant.
 *
 * ITEM_WORDS say what kind of bank item a line is, whoever's name is on it: "HY-VEE INC
 * PAYROLL" is pay, not groceries, and "ATM WITHDRAWAL KWIK STAR" is cash, not fuel. They are
 * read before the dictionary. GENERIC_WORDS are the last resort, after the dictionary and the
 * MCC: "JOES COFFEE" is a restaurant, "TRANSFER TO SAVINGS" a transfer, "Loan payment" a loan
 * payment. In both lists the phrase listed first wins, so narrow phrases come before broad
 * ones ("PENALTY INTEREST" is a fee before "INTEREST" is interest).
 */
import type { MerchantCategory } from '../../../src-shared/merchants';
import { PhraseIndex } from './phrase-index';
import { matchKey } from './text';

export {
  MERCHANT_CATEGORIES,
  MERCHANT_CATEGORY_LABELS,
  isMerchantCategory,
  type MerchantCategory,
} from '../../../src-shared/merchants';

type WordList = readonly (readonly [MerchantCategory, readonly string[]])[];

const ITEM_WORDS: WordList = [
  [
    'government_benefits',
    [
      'SOC SEC',
      'SOCIAL SECURITY',
      'SSA TREAS',
      'SSI TREAS',
      'SUPPLEMENTAL SECURITY',
      'VA BENEFITS',
      'VA BENEFIT',
      'VACP TREAS',
      'PENSION',
      'PENSIONS',
      'ANNUITY',
      'RETIREMENT PMT',
      'RETIREMENT PAYMENT',
      'RETIREMENT BENEFIT',
      'UNEMPLOYMENT',
      'UI BENEFITS',
    ],
  ],
  ['taxes', ['TAX REF', 'TAX REFUND', 'TAXRFD', 'TAX RFD']],
  ['payroll', ['PAYROLL', 'PAYRLL', 'SALARY', 'DIRECT DEP', 'DIRECT DEPOSIT', 'DIR DEP', 'DIRDEP', 'PAYCHECK']],
  [
    'fees',
    [
      'ATM FEE',
      'OVERDRAFT FEE',
      'OVERDRAFT CHARGE',
      'OD FEE',
      'NSF',
      'NSF FEE',
      'INSUFFICIENT FUNDS',
      'RETURNED ITEM',
      'SERVICE CHARGE',
      'SERVICE FEE',
      'MAINTENANCE FEE',
      'MONTHLY FEE',
      'STATEMENT FEE',
      'PAPER STATEMENT',
      'WIRE FEE',
      'TRANSFER FEE',
      'FOREIGN TRANSACTION FEE',
      'INTL TRANSACTION FEE',
      'STOP PAYMENT',
      'LATE FEE',
      'ANNUAL FEE',
      'PENALTY INTEREST',
      'INTEREST CHARGE',
    ],
  ],
  [
    'interest',
    [
      'INTEREST PAID',
      'INTEREST CREDITED',
      'INTEREST CREDIT',
      'INTEREST PAYMENT',
      'INTEREST EARNED',
      'INTEREST DEPOSIT',
      'DIVIDEND PAID',
      'DIVIDEND EARNED',
      'DIVIDEND DEPOSIT',
    ],
  ],
  [
    'cash',
    [
      'ATM WITHDRAWAL',
      'ATM WD',
      'ATM W D',
      'ATM WDL',
      'ATM WDRL',
      'ATM CASH',
      'CASH WITHDRAWAL',
      'CARD WITHDRAWAL',
      'CASH ADVANCE',
    ],
  ],
  ['education', ['CHILD CARE', 'CHILDCARE', 'DAYCARE', 'DAY CARE']],
];

const GENERIC_WORDS: WordList = [
  ['fees', ['FEE', 'FEES', 'SERVICE CHG']],
  ['interest', ['INTEREST', 'DIVIDEND', 'DIVIDENDS']],
  ['cash', ['CASH DEPOSIT', 'ATM', 'CASH']],
  [
    'loan_payment',
    [
      'LOAN',
      'LOANS',
      'LN PMT',
      'STUDENT LN',
      'MTG',
      'MORTGAGE',
      'HOME LENDING',
      'CARD PMT',
      'CARD PAYMENT',
      'CRCARDPMT',
      'LEASING',
      'LENDING',
    ],
  ],
  ['insurance', ['INSURANCE', 'INS', 'INS PREM', 'ASSURANCE', 'INSURANCE PAYMENT']],
  [
    'taxes',
    [
      'TAX',
      'TAXES',
      'TREASURER',
      'DEPT OF REVENUE',
      'DEPARTMENT OF REVENUE',
      'DMV',
      'MOTOR VEHICLE',
      'CLERK OF COURT',
      'DISTRICT COURT',
    ],
  ],
  [
    'housing',
    [
      'RENT',
      'PROPERTY MGMT',
      'PROPERTY MANAGEMENT',
      'PROPERTIES',
      'APARTMENTS',
      'APTS',
      'RENTALS',
      'HOA',
      'HOMEOWNERS ASSOC',
    ],
  ],
  [
    'utilities',
    [
      'HOUSEHOLD PAYMENT',
      'SIPO',
      'UTILITIES',
      'UTILITY',
      'UTIL',
      'ENERGY',
      'ELECTRIC',
      'ELECTRICITY',
      'POWER',
      'WATER',
      'SEWER',
      'NATURAL GAS',
      'GAS CO',
      'PROPANE',
      'SANITATION',
      'WASTE',
      'TRASH',
      'SOLAR',
    ],
  ],
  [
    'telecom',
    [
      'WIRELESS',
      'CABLE',
      'INTERNET',
      'BROADBAND',
      'TELEPHONE',
      'TELECOM',
      'COMMUNICATIONS',
      'FIBER',
      'MOBILE PHONE',
      'CELLULAR',
    ],
  ],
  [
    'healthcare',
    [
      'PHARMACY',
      'DRUG',
      'RX',
      'CLINIC',
      'MEDICAL',
      'HOSPITAL',
      'HEALTH',
      'DENTAL',
      'DENTIST',
      'DDS',
      'ORTHODONTICS',
      'CHIROPRACTIC',
      'OPTOMETRY',
      'EYE CARE',
      'VISION',
      'PHYSICIANS',
      'PEDIATRICS',
      'URGENT CARE',
      'THERAPY',
      'LABORATORY',
    ],
  ],
  [
    'education',
    [
      'SCHOOL',
      'SCHOOLS',
      'PRESCHOOL',
      'UNIVERSITY',
      'COLLEGE',
      'TUITION',
      'ACADEMY',
      'LEARNING CENTER',
      'LEARNING CTR',
    ],
  ],
  [
    'charity',
    [
      'CHURCH',
      'MINISTRIES',
      'MINISTRY',
      'PARISH',
      'DONATION',
      'DONATIONS',
      'CHARITY',
      'CHARITIES',
      'TITHE',
      'FOUNDATION',
      'FOOD BANK',
    ],
  ],
  [
    'restaurants',
    [
      'TST',
      'RESTAURANT',
      'CAFE',
      'COFFEE',
      'ESPRESSO',
      'PIZZA',
      'PIZZERIA',
      'GRILL',
      'BBQ',
      'DINER',
      'BAKERY',
      'DONUTS',
      'TACO',
      'TACOS',
      'TAQUERIA',
      'BURGER',
      'BURGERS',
      'PUB',
      'TAVERN',
      'BREWING',
      'BREWERY',
      'SUSHI',
      'STEAKHOUSE',
      'KITCHEN',
      'EATERY',
      'BISTRO',
      'CANTINA',
    ],
  ],
  ['groceries', ['GROCERY', 'GROCERIES', 'SUPERMARKET', 'FOOD STORE', 'FOOD STORES', 'MEAT MARKET', 'FARMERS MARKET']],
  ['fuel', ['FUEL', 'GAS STATION', 'PETRO', 'PETROLEUM', 'TRUCK STOP', 'TRAVEL CENTER', 'EV CHARGING']],
  [
    'auto',
    [
      'AUTO',
      'AUTOMOTIVE',
      'TIRE',
      'TIRES',
      'CAR WASH',
      'MOTORS',
      'PARKING',
      'TOLL',
      'TOLLS',
      'TRANSIT',
      'COLLISION',
      'LUBE',
      'BODY SHOP',
    ],
  ],
  [
    'travel',
    ['HOTEL', 'HOTELS', 'INN', 'MOTEL', 'RESORT', 'AIRLINES', 'AIRLINE', 'AIRWAYS', 'AIRPORT', 'CRUISE', 'TRAVEL'],
  ],
  [
    'recreation',
    ['FITNESS', 'GYM', 'CINEMA', 'CINEMAS', 'THEATRE', 'THEATER', 'GOLF', 'CASINO', 'BOWLING', 'ATHLETIC CLUB'],
  ],
  [
    'home_improvement',
    ['HARDWARE', 'LUMBER', 'PLUMBING', 'ROOFING', 'LANDSCAPING', 'LAWN', 'HEATING', 'HVAC', 'NURSERY', 'GARDEN CENTER'],
  ],
  ['investments', ['INVEST', 'INVESTMENT', 'INVESTMENTS', 'BROKERAGE', 'SECURITIES', 'CRYPTO']],
  ['business_income', ['PAYOUT', 'PAYOUTS', 'MERCHANT DEPOSIT', 'MERCH DEP', 'BANKCARD DEP', 'BANKCARD DEPOSIT']],
  [
    'transfer',
    [
      'TRANSFER',
      'TRANSFERS',
      'XFER',
      'DEPOSIT',
      'OFFICIAL CHECK',
      'CASHIERS CHECK',
      'STANDING ORDER',
      'P2P',
      'BANK',
      'CREDIT UNION',
      'CU',
      'FCU',
      'ONLINE BANKING',
    ],
  ],
  ['subscriptions_streaming', ['SUBSCRIPTION', 'MEMBERSHIP', 'STREAMING']],
  ['retail', ['STORE', 'STORES', 'SHOP', 'BOUTIQUE', 'OUTLET', 'MART']],
];

function indexOf(list: WordList): PhraseIndex<MerchantCategory> {
  return new PhraseIndex(list.flatMap(([category, phrases]) => phrases.map((p) => [matchKey(p), category] as const)));
}

const ITEMS = indexOf(ITEM_WORDS);
const GENERIC = indexOf(GENERIC_WORDS);

/** The kind of bank item `words` (a match key split on spaces) names, whatever the merchant. */
export function itemCategory(words: readonly string[]): MerchantCategory | null {
  return ITEMS.firstListed(words)?.value ?? null;
}

/** The category ordinary words suggest, when nothing better is known. */
export function genericCategory(words: readonly string[]): MerchantCategory | null {
  return GENERIC.firstListed(words)?.value ?? null;
}
