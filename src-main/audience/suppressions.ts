/**
 * The suppression library: who must not be mailed whatever the audience says. Each is a SQL
 * condition over customers `c` (true: remove), on by default, and can be turned off per
 * audience. Users' own lists (suppression_lists) follow the built-in ones.
 */
import type { SuppressionInfo } from '../../src-shared/audience';
import type { Db } from '../db/open';
import { AGE_SQL, OWNED } from './compile';

export interface OfferedProduct {
  code: string;
  /** Credit products (loans, cards, lines) keep customers under 21 out, not only minors. */
  credit: boolean;
}

export interface SuppressionSettings {
  /** YYYY-MM-DD: "within N days" counts back from here. */
  asOf: string;
  /** The product offered, when known: enables "already owns it" and the credit age limit. */
  product?: OfferedProduct | null;
  /** Contacted (any channel) within this many days: left out. */
  recentContactDays: number;
  /** Already this many pieces within `frequencyDays`: left out (one more would exceed the cap). */
  frequencyCap: number;
  frequencyDays: number;
  /** A credit decline within this many days: left out. */
  creditDeclineDays: number;
}

export const DEFAULT_SUPPRESSION_SETTINGS: Omit<SuppressionSettings, 'asOf'> = {
  recentContactDays: 30,
  frequencyCap: 3,
  frequencyDays: 90,
  creditDeclineDays: 90,
};

export interface Suppression extends SuppressionInfo {
  /** The condition (true: remove) and its parameters; null when it does not apply (no product given). */
  condition(settings: SuppressionSettings): { sql: string; params: (string | number)[] } | null;
}

const mark = (name: string) => ({
  sql: `EXISTS (SELECT 1 FROM customer_marks m WHERE m.customer_id = c.id AND m.mark = '${name}')`,
  params: [],
});

export const SUPPRESSIONS: readonly Suppression[] = [
  {
    id: 'do-not-solicit',
    label: 'Do not solicit (GLBA marketing opt-out)',
    description: 'Customers who opted out of marketing.',
    default_on: true,
    condition: () => ({ sql: 'c.do_not_solicit = 1', params: [] }),
  },
  {
    id: 'do-not-mail',
    label: 'Do not mail',
    description: 'Customers who asked for no mail.',
    default_on: true,
    condition: () => ({ sql: 'c.do_not_mail = 1', params: [] }),
  },
  {
    id: 'deceased',
    label: 'Deceased',
    description: 'Customers the core marks deceased.',
    default_on: true,
    condition: () => ({ sql: 'c.deceased = 1', params: [] }),
  },
  {
    id: 'bankruptcy',
    label: 'Bankruptcy',
    description: 'Customers with a bankruptcy on file.',
    default_on: true,
    condition: () => mark('bankruptcy'),
  },
  {
    id: 'bad-address',
    label: 'Returned mail or no address',
    description: 'Mail came back, or there is no street address.',
    default_on: true,
    condition: () => ({ sql: "(c.returned_mail = 1 OR trim(c.address_line1) = '')", params: [] }),
  },
  {
    id: 'complaint',
    label: 'Complaint on file',
    description: 'Customers with a complaint on file.',
    default_on: true,
    condition: () => mark('complaint'),
  },
  {
    id: 'credit-decline',
    label: 'Recent credit decline',
    description: 'Declined for credit within the last days set (90 by default).',
    default_on: true,
    condition: (s) => ({
      sql: `EXISTS (SELECT 1 FROM customer_marks m WHERE m.customer_id = c.id AND m.mark = 'credit_decline'
              AND m.marked_on > date(?, ?))`,
      params: [s.asOf, `-${s.creditDeclineDays} days`],
    }),
  },
  {
    id: 'employees',
    label: 'Employees',
    description: 'The bank’s own staff.',
    default_on: true,
    condition: () => ({ sql: 'c.employee = 1', params: [] }),
  },
  {
    id: 'minors',
    label: 'Minors (under 21 for credit offers)',
    description: 'Under 18; under 21 when the product offered is credit. Unknown ages stay.',
    default_on: true,
    condition: (s) => ({ sql: `coalesce(${AGE_SQL} < ?, 0)`, params: [s.asOf, s.asOf, s.product?.credit ? 21 : 18] }),
  },
  {
    id: 'closed-relationship',
    label: 'Closed or charged-off relationships',
    description: 'No open account left (all closed or charged off).',
    default_on: true,
    condition: () => ({
      sql: `NOT EXISTS (SELECT 1 ${OWNED})`,
      params: [],
    }),
  },
  {
    id: 'owns-product',
    label: 'Already owns the offered product',
    description: 'Holds an open account of the product offered (needs the product).',
    default_on: true,
    condition: (s) =>
      s.product
        ? {
            sql: `EXISTS (SELECT 1 ${OWNED} AND a.product_code = ?)`,
            params: [s.product.code],
          }
        : null,
  },
  {
    id: 'recent-contact',
    label: 'Contacted recently',
    description: 'Sent anything within the last days set (30 by default).',
    default_on: true,
    condition: (s) => ({
      sql: `EXISTS (SELECT 1 FROM contact_history h WHERE h.customer_id = c.id AND h.contacted_on > date(?, ?))`,
      params: [s.asOf, `-${s.recentContactDays} days`],
    }),
  },
  {
    id: 'frequency-cap',
    label: 'Frequency cap',
    description: 'Already sent the most pieces allowed in the period (3 in 90 days by default).',
    default_on: true,
    condition: (s) => ({
      sql: `(SELECT count(*) FROM contact_history h WHERE h.customer_id = c.id AND h.contacted_on > date(?, ?)) >= ?`,
      params: [s.asOf, `-${s.frequencyDays} days`, s.frequencyCap],
    }),
  },
];

/** The built-in suppressions and the bank's own lists, in waterfall order. */
export function suppressionLibrary(db: Db): Suppression[] {
  const lists = db.prepare('SELECT id, name FROM suppression_lists ORDER BY name').all() as {
    id: number;
    name: string;
  }[];
  return [
    ...SUPPRESSIONS,
    ...lists.map((list): Suppression => ({
      id: `list:${list.id}`,
      label: `List: ${list.name}`,
      description: 'Customers on this imported list.',
      default_on: true,
      condition: () => ({
        sql: 'EXISTS (SELECT 1 FROM suppression_list_members l WHERE l.list_id = ? AND l.customer_id = c.id)',
        params: [list.id],
      }),
    })),
  ];
}
