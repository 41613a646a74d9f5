/** The privacy panel's vocabulary: where data lives, what each export holds, erasure and retention. */

export interface DataLocation {
  what: string;
  path: string;
  /** Bytes, when it is a file or a folder that exists. */
  size: number | null;
  holds_personal_data: boolean;
  protection: string;
}

export interface ExportKind {
  name: string;
  /** The fields it carries; those that identify a person are listed first. */
  personal: string[];
  other: string[];
  leaves_the_app: boolean;
}

/** Every file Mainstreet writes for use outside it, and what it carries. */
export const EXPORT_KINDS: ExportKind[] = [
  {
    name: 'Letters PDF (month run)',
    personal: ['name', 'mailing address', 'salutation', 'balances or products named in the letter'],
    other: ['offer', 'keycode'],
    leaves_the_app: true,
  },
  {
    name: 'Mail vendor file, CSV and XLSX (month run)',
    personal: ['name', 'mailing address', 'customer number'],
    other: ['keycode', 'offer code'],
    leaves_the_app: true,
  },
  {
    name: 'Email file (month run)',
    personal: ['email address', 'first name', 'customer number'],
    other: ['offer code', 'keycode', 'send window'],
    leaves_the_app: true,
  },
  {
    name: 'Online banner file (month run)',
    personal: ['customer number'],
    other: ['offer code', 'show from and until'],
    leaves_the_app: true,
  },
  {
    name: 'Branch lead list, XLSX (month run)',
    personal: ['name', 'city', 'customer number'],
    other: ['offer', 'keycode', 'talking points'],
    leaves_the_app: true,
  },
  {
    name: 'Trigger hits export',
    personal: ['customer number', 'name'],
    other: ['trigger', 'date', 'reason'],
    leaves_the_app: true,
  },
  {
    name: 'Campaign report, PDF and XLSX',
    personal: [],
    other: ['counts, rates, lift, balances and ROMI by cell; no customer'],
    leaves_the_app: true,
  },
  {
    name: 'Audit log export, CSV and XLSX',
    personal: [],
    other: ['who (staff), what, when; customers by id only'],
    leaves_the_app: true,
  },
  {
    name: 'Encrypted backup (.msbackup)',
    personal: ['everything in the database, encrypted (AES-256-GCM)'],
    other: ['a readable header with the date and counts only'],
    leaves_the_app: false,
  },
];

export interface PrivacyOverview {
  locations: DataLocation[];
  exports: ExportKind[];
  erased_customers: number;
}

/** What erasing a customer removes, shown before the administrator confirms. */
export interface ErasurePreview {
  customer_id: number;
  customer_number: string;
  name: string;
  accounts: number;
  responses: number;
  contacts: number;
  quarantined_rows: number;
  already_erased: boolean;
}

export interface RetentionPolicy {
  responses_months: number;
  contacts_months: number;
  /** FCRA: prescreened offers' recipient lists are kept this long at least. */
  prescreen_years: number;
  due: {
    responses: number;
    contacts: number;
    /** Runs past the prescreen period whose prescreened recipients can be purged. */
    prescreen_runs: { run_id: number; month: string; drop_date: string; recipients: number }[];
  };
}

export type PurgeKind = 'responses' | 'contacts' | 'prescreen';
