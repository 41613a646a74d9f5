/**
 * What the Import screen and the main process say to each other about imports: files looked
 * at before import, the fields a file can map to, an import's outcome, its problems, its data
 * quality and its place in the history.
 */
import type { Encoding, FieldMapping, ImportKind, MappingProfile } from './mapping-profile';

/** A file as sniffed before import, with its first rows, for the preview and the mapping. */
export interface SniffedFile {
  path: string;
  name: string;
  size_bytes: number;
  encoding: Encoding;
  /** Whether the file starts with a byte-order mark. */
  bom: boolean;
  delimiter: string;
  quote: '"' | "'" | null;
  header: boolean;
  line_ending: 'LF' | 'CRLF' | 'CR';
  /** Header names; "1", "2"… when the file has no header row. */
  columns: string[];
  /** The first data rows (up to 20), as text. */
  rows: string[][];
  /** The file of the chosen profile whose name pattern matches, if any. */
  profile_match: { kind: ImportKind; match: string } | null;
  /** The kind of file its headers suggest, when no profile file matches. */
  guessed_kind: ImportKind | null;
}

/** One standard field a file of a kind can fill. */
export interface TargetField {
  name: string;
  required: boolean;
  /** What the field holds and how it is written, for the mapping screen. */
  hint: string;
}

export type ImportTargets = Record<ImportKind, TargetField[]>;

export interface MappingSuggestion {
  /** Standard field → suggested source and transform (only fields with a likely source). */
  fields: Record<string, FieldMapping>;
  /** Standard field → why it was suggested, e.g. 'header "BIRTH_DT" looks like birth_date; values are MM/DD/YYYY'. */
  reasons: Record<string, string>;
  /** Source columns that look like social security / tax ids: never imported in clear. */
  sensitive_columns: string[];
}

/** One problem with one value: what the validation report lists and exports. */
export interface ImportIssue {
  file: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportFileResult {
  path: string;
  kind: ImportKind;
  rows_read: number;
  rows_loaded: number;
  rows_quarantined: number;
}

/** How an import job ended: loaded (maybe with quarantined rows), or refused with its problems. */
export type ImportOutcome =
  | {
      status: 'loaded';
      import_id: number;
      files: ImportFileResult[];
      /** Problems of the quarantined rows (first 1,000). */
      errors: ImportIssue[];
    }
  | {
      status: 'refused';
      message: string;
      files: ImportFileResult[];
      /** Every problem found (first 1,000); nothing was written. */
      errors: ImportIssue[];
      /** Total problems found, which may exceed errors.length. */
      error_count: number;
    }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

export interface SavedProfile {
  name: string;
  title: string;
  description: string;
  /** Shipped with the app: can be copied and exported, not changed or deleted. */
  built_in: boolean;
  updated_at: string | null;
  profile: MappingProfile;
}

export type ImportStatus = 'running' | 'done' | 'failed' | 'rolled_back';

export interface ImportFileRecord {
  path: string;
  kind: string;
  /** SHA-256 of the file's bytes. */
  fingerprint: string;
  rows_read: number;
  rows_loaded: number;
  rows_quarantined: number;
}

/** One import in the history (also `imports list --json`, element for element). */
export interface ImportRecord {
  id: number;
  started_at: string;
  finished_at: string | null;
  actor: string;
  profile: string;
  source: string;
  status: ImportStatus;
  files: ImportFileRecord[];
  /** Whether this import can be rolled back now (it is the newest import still in effect). */
  can_roll_back: boolean;
}

export interface FileQuality extends ImportFileRecord {
  /** Standard field → rows where it was empty (fields that were mapped or are optional). */
  missing_by_field: Record<string, number>;
  /** Rows whose natural key was already loaded (earlier import or earlier in the same file). */
  duplicates: number;
}

/** The data-quality view of one import. */
export interface ImportQuality {
  import: ImportRecord;
  files: FileQuality[];
  /** Accounts in the whole database with no owner. */
  accounts_without_owners: number;
  /** Transaction rows of this import refused because their account is unknown. */
  transactions_without_accounts: number;
  /** Transactions of the whole database by month of posting. */
  coverage: { month: string; transactions: number }[];
  quarantined: number;
}

export interface QuarantineRow {
  id: number;
  file: string;
  kind: string;
  row: number;
  /** The row as read (sensitive columns masked). */
  record: string[];
  issues: ImportIssue[];
}

export interface QuarantinePage {
  rows: QuarantineRow[];
  total: number;
}

/** A file the main process made for the user to save (a report, a profile). */
export interface DownloadFile {
  file_name: string;
  mime: string;
  base64: string;
}
