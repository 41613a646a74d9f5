import type { AppInfo, CustomerPage, CustomerProfile, CustomerRow, Dashboard } from '../../../src-shared/domain';

export const APP_INFO: AppInfo = {
  version: '0.1.0',
  db_path: '/data/demo-bank.sqlite',
  data_dir: '/data',
  mode: 'browser',
  blocking_job: null,
  currency: 'USD',
  bank_name: 'Prairie Valley Community Bank',
  person: null,
  sign_in_needed: false,
  recovery: null,
};

export const DASHBOARD: Dashboard = {
  bank_name: 'Prairie Valley Community Bank',
  stats: {
    customers: 25000,
    households: 19876,
    accounts: 77479,
    transactions: 1109787,
    products: [
      { family: 'checking', accounts: 17000, balance_cents: 5_512_345_67 },
      { family: 'mortgage', accounts: 2400, balance_cents: 340_000_000_00 },
      { family: 'online_banking', accounts: 16000, balance_cents: 0 },
    ],
    first_txn_date: '2025-10-01',
    last_txn_date: '2026-10-31',
  },
  penetration: [
    { family: 'checking', households: 16100, share: 0.81 },
    { family: 'mortgage', households: 2385, share: 0.12 },
  ],
  last_import: {
    id: 1,
    started_at: '2026-11-23T08:00:00Z',
    finished_at: '2026-11-23T08:00:20Z',
    source: 'Demo',
    files: 5,
    rows_loaded: 1_745_657,
  },
  multi_customer_households: 8600,
};

export function customerRow(id: number, name: string): CustomerRow {
  return {
    id,
    customer_number: String(100000 + id),
    name,
    city: 'Ames',
    state: 'IA',
    zip: '50010',
    age: 40 + id,
    customer_since: '2010-01-01',
    household_id: id,
    household_size: 1,
    accounts: 2,
    total_deposits_cents: 123456,
    total_loans_cents: 0,
  };
}

export function customerPage(rows: CustomerRow[], total = rows.length, page = 0, pageSize = 50): CustomerPage {
  return { rows, total, page, page_size: pageSize };
}

export const PROFILE: CustomerProfile = {
  id: 7,
  customer_number: '100007',
  first_name: 'Jane',
  last_name: 'Smith',
  name: 'Jane Smith',
  birth_date: '1972-09-30',
  age: 54,
  gender: 'F',
  address_line1: '12 Elm Street',
  address_line2: 'Apt 4',
  city: 'Ames',
  state: 'IA',
  zip: '50010',
  phone: null,
  email: 'jane@example.com',
  branch: 'Main Street Office',
  customer_since: '2003-02-15',
  flags: { do_not_solicit: true, do_not_mail: false, deceased: false, returned_mail: false, employee: true },
  household: {
    id: 3,
    members: [
      { id: 7, customer_number: '100007', name: 'Jane Smith', age: 54 },
      { id: 8, customer_number: '100008', name: 'John Smith', age: 56 },
    ],
  },
  accounts: [
    {
      id: 1,
      account_number: '100001',
      product_code: 'CHK-FREE',
      product_name: 'Free Checking',
      family: 'checking',
      role: 'joint',
      status: 'OPEN',
      open_date: '2001-06-01',
      close_date: null,
      balance_cents: 250050,
      rate: null,
    },
    {
      id: 2,
      account_number: '300002',
      product_code: 'CD-12',
      product_name: '12-Month CD',
      family: 'cd',
      role: 'owner',
      status: 'CLOSED',
      open_date: '2024-03-01',
      close_date: '2025-03-01',
      balance_cents: 0,
      rate: 4.25,
    },
  ],
  transactions: [
    {
      id: 1,
      account_number: '100001',
      posted_date: '2026-10-01',
      amount_cents: 210000,
      code: 'DD',
      description: 'ACME PAYROLL',
      merchant: 'Acme',
      category: 'payroll',
    },
    {
      id: 2,
      account_number: '100001',
      posted_date: '2026-09-03',
      amount_cents: -145012,
      code: 'ACH_DR',
      description: 'ROCKET MORTGAGE PMT',
      merchant: 'Rocket Mortgage',
      category: 'loan_payment',
    },
  ],
};
