/**
 * The demo bank's sample plan, so a new user can run a month right away: a letter template,
 * three offers (checking, a home equity line, a 12-month CD), three audiences approved by the
 * demo's compliance reviewer, and twelve months from the month after the data ends, each
 * audience's offer in the first month of each quarter.
 */
import type { RuleNode } from '../../src-shared/audience';
import { approveVersion, createAudience, submitVersion } from '../audience/store';
import { getSetting, setSetting } from '../bank/stats';
import type { Db } from '../db/open';
import { dataLastDate } from '../kli/compute';
import { addPlanRow, saveOffer, saveTemplate, setPlanCell, setPlanMonths } from './plan-store';

export const STANDARD_TEMPLATE = `{{salutation}},

{{offer.headline}}

{{offer.body}}
{{#if offer.incentive}}

{{offer.incentive}}
{{/if}}

Stop by any branch, call us, or bring this letter in by {{offer.respond_by}}, and mention code {{keycode}}.

Thank you for banking with {{bank.name}}.`;

const SAMPLE: { audience: string; rule: RuleNode; product: string; offer: Parameters<typeof saveOffer>[1] }[] = [
  {
    audience: 'Homeowners without a home equity line',
    rule: {
      all: [
        { field: 'has:mortgage', op: '=', value: true },
        { field: 'has:heloc', op: '=', value: false },
        { field: 'balance:deposits', op: '>=', value: 2_500 },
      ],
    },
    product: 'HELOC',
    offer: {
      code: 'HELOC-EQ',
      product_code: 'HELOC',
      name: 'Home equity line, no closing costs',
      headline: 'Put the equity in your home to work.',
      body:
        'As a {{bank.name}} mortgage customer you can open a home equity line of credit for renovations, tuition or ' +
        'consolidating higher-rate debt, and draw on it only when you need it.',
      incentive: 'No closing costs on lines opened by the date below.',
      response_days: 90,
      channels: { mail: 0.68, email: 0.02, branch: 0 },
      template_id: null,
      apy: null,
      prescreened: false,
    },
  },
  {
    audience: 'Savers ready for a CD',
    rule: {
      all: [
        { field: 'balance:deposits', op: '>=', value: 10_000 },
        { field: 'has:cd', op: '=', value: false },
      ],
    },
    product: 'CD-12M',
    offer: {
      code: 'CD-12',
      product_code: 'CD-12M',
      name: '12-month CD special',
      headline: 'Lock in a great rate for a year.',
      body:
        'Your savings could be earning more. Our 12-month certificate of deposit pays {{offer.apy}}% APY on balances ' +
        'of $1,000 or more.',
      incentive: '',
      response_days: 60,
      channels: { mail: 0.62, email: 0.02, banner: 0 },
      template_id: null,
      apy: 4.25,
      prescreened: false,
    },
  },
  {
    audience: 'Savings customers without checking',
    rule: {
      all: [
        { field: 'has:savings', op: '=', value: true },
        { field: 'has:checking', op: '=', value: false },
      ],
    },
    product: 'CHK-FREE',
    offer: {
      code: 'CHK-DD',
      product_code: 'CHK-FREE',
      name: 'Free checking with direct deposit',
      headline: 'Your paycheck, a day early and free of fees.',
      body:
        'Open Free Checking and set up direct deposit: no monthly fee, no minimum balance, and a debit card that works ' +
        'at thousands of ATMs.',
      incentive: 'Get $100 when your first direct deposit arrives within 60 days.',
      response_days: 90,
      channels: { mail: 0.58, email: 0.02, banner: 0, branch: 0 },
      template_id: null,
      apy: null,
      prescreened: false,
    },
  },
];

const ACTOR = 'demo';

/** Adds the sample plan to a freshly built demo bank (does nothing without data). */
export function seedSamplePlan(db: Db): void {
  const last = dataLastDate(db);
  if (!last) return;
  db.transaction(() => {
    const bank = getSetting(db, 'bank_name') ?? 'Prairie Valley Community Bank';
    setSetting(db, 'letter_return_address', JSON.stringify([bank, 'PO Box 400', 'Ames IA 50010']));
    setSetting(db, 'letter_signer', JSON.stringify({ name: 'Karen Holt', title: 'Vice President, Marketing' }));
    const template = saveTemplate(db, 'Standard letter', STANDARD_TEMPLATE, ACTOR);
    const [year, month] = last.split('-').map(Number) as [number, number];
    const start = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    const months = setPlanMonths(db, start, 12, ACTOR);
    for (const sample of SAMPLE) {
      const offer = saveOffer(db, { ...sample.offer, template_id: template.id }, ACTOR);
      const audience = createAudience(db, sample.audience, { rule: sample.rule, product_code: sample.product }, ACTOR);
      const version = audience.versions[0]!;
      submitVersion(db, version.id, ACTOR);
      approveVersion(db, version.id, { approver: 'Dana Whitfield (Compliance)', comment: 'Sample plan' }, ACTOR);
      addPlanRow(db, audience.id, ACTOR);
      months.forEach((m, i) => {
        if (i % 3 === 0) setPlanCell(db, m, audience.id, offer.id, ACTOR);
      });
    }
  })();
}
