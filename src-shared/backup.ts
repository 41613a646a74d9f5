/** Backups as the screens see them: what each holds, and the recovery offer for a damaged database. */

export interface BackupCountsView {
  customers: number;
  households: number;
  accounts: number;
  transactions: number;
  audiences: number;
  runs: number;
  responses: number;
}

export interface BackupEntry {
  file: string;
  /** Why it was made: before-import, before-run, before-restore, on-close, manual; null for a file picked by hand. */
  reason: string | null;
  created_at: string;
  schema_version: number;
  counts: BackupCountsView;
  size: number;
}

export interface BackupList {
  folder: string;
  backups: BackupEntry[];
  /** Where the passphrase comes from (this computer's key, or the environment). */
  key: string;
}

/** A database that failed its check on open, and the backups that can replace it. */
export interface Recovery {
  db_path: string;
  problem: string;
  backups: BackupEntry[];
}

export interface RestoreOutcome extends BackupEntry {
  restored_to: string;
  /** The backup of the database it replaced, or where a damaged one was set aside. */
  previous: string | null;
}
