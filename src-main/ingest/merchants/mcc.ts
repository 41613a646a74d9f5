/**
 * A card transaction's merchant category code (ISO 18245, the four digits the card networks
 * send) gives a category when the dictionary does not know the merchant: a local diner with
 * 5812 is a restaurant even though nobody listed it. Well-known single codes first, then the
 * ranges the standard reserves for airlines, car rentals, hotels, medical services and so on.
 */
import type { MerchantCategory } from '../../../src-shared/merchants';

const CODES: Record<string, MerchantCategory> = {
  '0742': 'healthcare', // veterinary services
  '0780': 'home_improvement', // landscaping
  '4111': 'auto', // local commuter transport: transit
  '4112': 'travel', // passenger railways
  '4121': 'auto', // taxis, limousines and ride share
  '4131': 'travel', // bus lines
  '4411': 'travel', // cruise lines
  '4457': 'recreation', // boat rentals
  '4468': 'recreation', // marinas
  '4511': 'travel', // airlines not in 3000–3299
  '4582': 'travel', // airports
  '4722': 'travel', // travel agencies
  '4784': 'auto', // tolls
  '4789': 'auto', // transportation services
  '4812': 'telecom',
  '4814': 'telecom',
  '4815': 'telecom',
  '4816': 'telecom', // internet service providers
  '4821': 'telecom',
  '4829': 'transfer', // money transfer
  '4899': 'subscriptions_streaming', // cable, satellite and streaming television
  '4900': 'utilities',
  '5200': 'home_improvement',
  '5211': 'home_improvement',
  '5231': 'home_improvement',
  '5251': 'home_improvement',
  '5261': 'home_improvement',
  '5271': 'housing', // mobile home dealers
  '5411': 'groceries',
  '5422': 'groceries',
  '5441': 'groceries',
  '5451': 'groceries',
  '5462': 'restaurants', // bakeries
  '5499': 'groceries',
  '5541': 'fuel',
  '5542': 'fuel',
  '5552': 'fuel', // electric vehicle charging
  '5551': 'recreation', // boat dealers
  '5598': 'recreation', // snowmobile dealers
  '5713': 'home_improvement',
  '5714': 'home_improvement',
  '5718': 'home_improvement',
  '5811': 'restaurants',
  '5812': 'restaurants',
  '5813': 'restaurants',
  '5814': 'restaurants',
  '5815': 'subscriptions_streaming', // digital books, movies, music
  '5816': 'subscriptions_streaming', // digital games
  '5817': 'subscriptions_streaming', // digital applications
  '5818': 'subscriptions_streaming', // large digital goods merchants
  '5912': 'healthcare',
  '5940': 'recreation', // bicycle shops
  '5960': 'insurance', // direct marketing: insurance
  '5962': 'travel', // direct marketing: travel
  '5964': 'online_shopping', // catalog merchants
  '5965': 'online_shopping',
  '5968': 'subscriptions_streaming', // continuity and subscription merchants
  '5969': 'online_shopping',
  '5975': 'healthcare', // hearing aids
  '5976': 'healthcare', // orthopedic goods
  '5983': 'utilities', // fuel dealers: heating oil and propane
  '5996': 'home_improvement', // swimming pools
  '6010': 'cash',
  '6011': 'cash',
  '6012': 'loan_payment', // financial institutions: merchandise, services, debt repayment
  '6050': 'transfer',
  '6051': 'transfer', // quasi-cash, money orders
  '6211': 'investments',
  '6300': 'insurance',
  '6381': 'insurance',
  '6399': 'insurance',
  '6513': 'housing', // real estate agents and managers: rent
  '6540': 'transfer', // stored value card loads
  '7011': 'travel',
  '7012': 'travel', // timeshares
  '7032': 'recreation', // camps
  '7033': 'travel', // campgrounds
  '7276': 'taxes', // tax preparation
  '7277': 'healthcare', // counseling
  '7297': 'recreation', // massage parlors
  '7298': 'recreation', // health and beauty spas
  '7372': 'subscriptions_streaming', // software, mostly sold as subscriptions
  '7512': 'travel',
  '7513': 'auto', // truck rental
  '7519': 'travel', // motor home rental
  '7523': 'auto', // parking
  '7623': 'home_improvement', // air conditioning repair
  '7641': 'home_improvement', // furniture repair
  '7841': 'subscriptions_streaming', // video rental
  '8351': 'education', // child care
  '8398': 'charity',
  '8641': 'charity', // civic and social associations
  '8651': 'charity', // political organizations
  '8661': 'charity', // religious organizations
  '8675': 'auto', // automobile associations
  '9211': 'taxes', // court costs
  '9222': 'taxes', // fines
  '9223': 'taxes', // bail and bond
  '9311': 'taxes',
  '9399': 'taxes', // government services
  '9405': 'taxes',
};

/** Inclusive ranges, read in order after the single codes. */
const RANGES: readonly (readonly [number, number, MerchantCategory])[] = [
  [1520, 1799, 'home_improvement'], // contractors
  [3000, 3299, 'travel'], // airlines
  [3300, 3499, 'travel'], // car rental
  [3500, 3999, 'travel'], // lodging
  [5000, 5199, 'retail'], // wholesale
  [5300, 5399, 'retail'], // warehouse, discount, department and variety stores
  [5500, 5599, 'auto'], // dealers, parts, tires
  [5600, 5699, 'retail'], // clothing
  [5700, 5799, 'retail'], // furniture, appliances, electronics
  [5900, 5999, 'retail'], // specialty retail
  [7530, 7549, 'auto'], // repair, body shops, car washes, towing
  [7800, 7999, 'recreation'], // theaters, sports, gyms, amusement
  [8011, 8099, 'healthcare'],
  [8211, 8299, 'education'],
];

/** The category of a four-digit MCC, or null for a missing, malformed or unlisted code (barbers, lawyers…). */
export function categoryForMcc(mcc: string | null): MerchantCategory | null {
  if (mcc === null) return null;
  const code = mcc.trim();
  if (!/^\d{4}$/.test(code)) return null;
  const single = CODES[code];
  if (single) return single;
  const n = Number(code);
  for (const [from, to, category] of RANGES) if (n >= from && n <= to) return category;
  return null;
}
