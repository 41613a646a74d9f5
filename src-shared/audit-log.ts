/** The audit log as the screens read it: who did what, when, to which record. Zod-free. */

export interface AuditRow {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  /** `domain.verb`: "audience.approve", "bank.names", "import.rollback"… */
  action: string;
  /** The kind of record: "audience", "settings", "import"… */
  entity: string;
  entity_id: string | null;
  /** JSON text, as recorded; edits and approvals hold `{before, after}`. */
  detail: string | null;
}

/** Which entries to show: every filter given must match (search: the action, record id or detail contain it). */
export interface AuditFilters {
  entity?: string | undefined;
  actor?: string | undefined;
  search?: string | undefined;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditRow[];
  /** Entries matching the filters, on every page. */
  total: number;
  /** Every kind of record and every person in the log, for the filters' choices. */
  entities: string[];
  actors: string[];
}
