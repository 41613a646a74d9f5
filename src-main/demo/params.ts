/**
 * The demo bank's parameters, kept as JSON in resources/demo so they can be tuned without
 * touching code: the bank and its towns, the product catalog with penetration rates, the
 * payees that show up in transactions, and how common each customer trait is. They are
 * imported (bundled with the app, no file lookup at run time) and checked once here.
 */
import { z } from 'zod';
import { PRODUCT_FAMILIES, TRANSACTION_CODES } from '../../src-shared/domain';
import bankJson from '../../resources/demo/bank.json';
import payeesJson from '../../resources/demo/payees.json';
import personasJson from '../../resources/demo/personas.json';
import productsJson from '../../resources/demo/products.json';

const weighted = { weight: z.number().nonnegative() };
const named = z.object({ name: z.string().min(1), ...weighted });
const withMcc = z.object({ name: z.string().min(1), mcc: z.string().regex(/^\d{4}$/), ...weighted });
/** Four shares or rates, one per life stage: young, family, mature, retired. */
const byStage = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const family = z.enum(PRODUCT_FAMILIES);

const bankSchema = z.object({
  name: z.string(),
  shortName: z.string(),
  payrollName: z.string(),
  region: z.string(),
  state: z.string().regex(/^[A-Z]{2}$/),
  branches: z.array(z.object({ code: z.string(), name: z.string(), town: z.string() })).min(1),
  towns: z
    .array(
      z.object({
        city: z.string(),
        zip: z.string().regex(/^\d{5}$/),
        areaCode: z.string().regex(/^\d{3}$/),
        branch: z.string(),
        weight: z.number().positive(),
        apartmentShare: z.number().min(0).max(1).optional(),
      }),
    )
    .min(1),
  homeBranchShare: z.number().min(0).max(1),
  streets: z.array(z.string()).min(10),
  numberedStreets: z.number().int().nonnegative(),
  apartmentBuildings: z.array(z.string()).min(1),
  emailDomains: z.array(z.object({ domain: z.string(), ...weighted })).min(1),
});

const balanceSchema = z.object({
  median: z.number().positive(),
  sigma: z.number().nonnegative(),
  min: z.number().nonnegative().optional(),
  max: z.number().positive().optional(),
});

const productSchema = z.object({
  code: z.string(),
  name: z.string(),
  family,
  weight: z.number().nonnegative(),
  interestBearing: z.boolean().optional(),
  rate: z.tuple([z.number(), z.number()]).optional(),
  mortgageRate: z.number().optional(),
  interestEveryMonths: z.number().int().positive().optional(),
  termMonths: z.array(z.number().int().positive()).min(1).optional(),
  revolving: z.boolean().optional(),
  unusedShare: z.number().min(0).max(1).optional(),
  balance: balanceSchema.optional(),
  minAge: z.number().optional(),
  maxAge: z.number().optional(),
});

const productsSchema = z.object({
  ageBands: z.array(z.number()).min(1),
  families: z.record(family, z.object({ penetration: z.number().min(0).max(1), ageFactor: z.array(z.number()) })),
  mortgageRateByYear: z.record(z.string(), z.number()),
  products: z.array(productSchema).min(1),
});

const payeesSchema = z.object({
  employers: z.array(
    z.object({
      ...named.shape,
      frequency: z.enum(['biweekly', 'semimonthly', 'monthly']),
      netPay: z.number().positive(),
    }),
  ),
  socialSecurity: z.string(),
  pensions: z.array(named),
  otherBanks: z.array(named),
  mortgageServicers: z.array(named),
  autoLenders: z.array(named),
  studentLoanServicers: z.array(named),
  cardIssuers: z.array(named),
  brokers: z.array(z.object({ ...named.shape, style: z.enum(['monthly', 'irregular']) })),
  insurers: z.array(named),
  subscriptions: z.array(z.object({ ...withMcc.shape, price: z.number().positive() })),
  childcare: z.array(z.object({ ...named.shape, code: z.enum(TRANSACTION_CODES), mcc: z.string().optional() })),
  homeImprovement: z.array(z.object({ ...withMcc.shape, local: z.boolean().optional() })),
  airlines: z.array(withMcc),
  hotels: z.array(withMcc),
  carRentals: z.array(withMcc),
  evCharging: z.array(withMcc),
  solar: z.array(named),
  transit: z.array(withMcc),
  processors: z.array(named),
  landlords: z.array(named),
  utilities: z.array(named),
  shopping: z.array(
    z.object({ ...withMcc.shape, local: z.boolean(), median: z.number().positive(), sigma: z.number() }),
  ),
  foreignAtms: z.array(z.string()).min(1),
  peerToPeer: z.array(z.string()).min(1),
  taxRefund: z.string(),
});

const personasSchema = z.object({
  householdTypes: z.array(
    z.object({
      kind: z.enum([
        'single',
        'couple',
        'couple_adult_child',
        'parent_adult_child',
        'couple_minor',
        'parent_minor',
        'roommates',
      ]),
      ...weighted,
    }),
  ),
  adultAgeBands: z.array(z.object({ from: z.number(), to: z.number(), ...weighted })),
  coupleSameLastName: z.number(),
  jointChecking: z.number(),
  genderX: z.number(),
  flags: z.object({
    doNotSolicit: z.number(),
    doNotMail: z.number(),
    deceased: z.number(),
    returnedMail: z.number(),
    employee: z.number(),
  }),
  phoneShare: z.number(),
  emailShareByStage: byStage,
  stageAges: z.tuple([z.number(), z.number(), z.number()]),
  income: z.object({
    payroll: byStage,
    retirement: byStage,
    payrollElsewhere: z.number(),
    retirementElsewhere: z.number(),
    secondEarner: z.number(),
    pension: z.number(),
  }),
  traits: z.object({
    mortgageElsewhere: byStage,
    renter: byStage,
    autoElsewhere: byStage,
    studentLoan: byStage,
    cardElsewhere: byStage,
    broker: byStage,
    insurance: byStage,
    subscriber: byStage,
    subscriptionCount: z.array(z.number()).min(1),
    childcare: byStage,
    homeImprovement: byStage,
    traveler: byStage,
    sustainability: byStage,
    smallBusiness: byStage,
    foreignAtm: byStage,
    overdraft: byStage,
    saverGivenSavings: byStage,
    saverMissesOneMonth: z.number(),
    utilities: z.number(),
  }),
  activity: z.object({
    posPerMonth: z.number(),
    atmPerMonth: z.number(),
    checksPerMonth: z.number(),
    lumpThreshold: z.number(),
  }),
});

export type BankParams = z.infer<typeof bankSchema>;
export type Town = BankParams['towns'][number];
export type Branch = BankParams['branches'][number];
export type ProductSpec = z.infer<typeof productSchema>;
export type ProductParams = z.infer<typeof productsSchema>;
export type PayeeParams = z.infer<typeof payeesSchema>;
export type PersonaParams = z.infer<typeof personasSchema>;
export type HouseholdKind = PersonaParams['householdTypes'][number]['kind'];

export interface DemoParams {
  bank: BankParams;
  products: ProductParams;
  payees: PayeeParams;
  personas: PersonaParams;
}

let cached: DemoParams | null = null;

export function demoParams(): DemoParams {
  cached ??= {
    bank: bankSchema.parse(bankJson),
    products: productsSchema.parse(productsJson),
    payees: payeesSchema.parse(payeesJson),
    personas: personasSchema.parse(personasJson),
  };
  return cached;
}
