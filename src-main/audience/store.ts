/**
 * Saved audiences and their versions, with the approval path: draft → submitted → approved →
 * retired. An approved version never changes; editing an audience whose newest version is
 * approved (or retired) starts the next version as a draft. Every step is audited with the
 * status before and after.
 */
import type {
  AudienceStatus,
  AudienceSummary,
  AudienceVersion,
  FairLendingWarning,
  RuleNode,
} from '../../src-shared/audience';
import { AppError } from '../app/errors';
import { checkFourEyes } from '../people/people';
import { audit } from '../db/audit';
import type { Db } from '../db/open';
import { compileRule } from './compile';
import { offeredProduct, ruleContext, today } from './count';
import { fairLendingWarnings } from './fair-lending';
import { suppressionLibrary } from './suppressions';

export interface AudienceDraft {
  rule: RuleNode;
  product_code?: string | null;
  suppressions_off?: string[];
}

/** A row of audience_versions: the version with its JSON columns as text. */
type VersionRow = Omit<AudienceVersion, 'rule' | 'suppressions_off' | 'fair_lending'> & {
  rule: string;
  suppressions_off: string;
  fair_lending: string | null;
};

function toVersion(row: VersionRow): AudienceVersion {
  return {
    ...row,
    rule: JSON.parse(row.rule) as RuleNode,
    suppressions_off: JSON.parse(row.suppressions_off) as string[],
    fair_lending: row.fair_lending ? (JSON.parse(row.fair_lending) as FairLendingWarning[]) : [],
  };
}

export function getVersion(db: Db, versionId: number): AudienceVersion {
  const row = db.prepare('SELECT * FROM audience_versions WHERE id = ?').get(versionId) as VersionRow | undefined;
  if (!row) throw new AppError('not_found', `No audience version ${versionId}.`);
  return toVersion(row);
}

export function getAudience(db: Db, audienceId: number): AudienceSummary {
  const row = db.prepare('SELECT id, name, created_at, created_by FROM audiences WHERE id = ?').get(audienceId) as
    Omit<AudienceSummary, 'versions'> | undefined;
  if (!row) throw new AppError('not_found', `No audience ${audienceId}. See them with: mainstreet audience list`);
  const versions = (
    db
      .prepare('SELECT * FROM audience_versions WHERE audience_id = ? ORDER BY version DESC')
      .all(audienceId) as VersionRow[]
  ).map(toVersion);
  return { ...row, versions };
}

export function listAudiences(db: Db): AudienceSummary[] {
  const ids = db.prepare('SELECT id FROM audiences ORDER BY name COLLATE NOCASE').pluck().all() as number[];
  return ids.map((id) => getAudience(db, id));
}

/** Checks a draft against this bank: the rule compiles, the product and suppressions exist. */
function checkDraft(db: Db, draft: AudienceDraft): void {
  compileRule(draft.rule, ruleContext(db, today()));
  if (draft.product_code) offeredProduct(db, draft.product_code);
  const known = new Set(suppressionLibrary(db).map((s) => s.id));
  const unknown = (draft.suppressions_off ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('invalid_input', `No suppression ${unknown.map((u) => `"${u}"`).join(', ')}.`);
}

export function createAudience(db: Db, name: string, draft: AudienceDraft, actor: string): AudienceSummary {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('invalid_input', 'An audience needs a name.');
  checkDraft(db, draft);
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM audiences WHERE name = ?').get(trimmed))
      throw new AppError('invalid_input', `There is already an audience named "${trimmed}".`);
    const now = new Date().toISOString();
    const id = db
      .prepare('INSERT INTO audiences (name, created_at, created_by) VALUES (?, ?, ?)')
      .run(trimmed, now, actor).lastInsertRowid as number;
    insertVersion(db, id, 1, draft, actor, now);
    audit(db, {
      actor,
      action: 'audience.create',
      entity: 'audience',
      entity_id: String(id),
      detail: { name: trimmed },
    });
    return getAudience(db, id);
  })();
}

function insertVersion(db: Db, audienceId: number, version: number, draft: AudienceDraft, actor: string, now: string) {
  return db
    .prepare(
      `INSERT INTO audience_versions (audience_id, version, rule, product_code, suppressions_off, status, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)`,
    )
    .run(
      audienceId,
      version,
      JSON.stringify(draft.rule),
      draft.product_code ?? null,
      JSON.stringify(draft.suppressions_off ?? []),
      now,
      actor,
    ).lastInsertRowid as number;
}

/**
 * Saves an edit. The newest version, when a draft, is changed in place; when submitted it
 * goes back to draft (the submission is withdrawn); when approved or retired it stays as it
 * is and the edit becomes the next version.
 */
export function saveDraft(db: Db, audienceId: number, draft: AudienceDraft, actor: string): AudienceVersion {
  checkDraft(db, draft);
  return db.transaction(() => {
    const latest = getAudience(db, audienceId).versions[0]!;
    const now = new Date().toISOString();
    if (latest.status === 'draft' || latest.status === 'submitted') {
      db.prepare(
        `UPDATE audience_versions SET rule = ?, product_code = ?, suppressions_off = ?, status = 'draft',
           submitted_at = NULL, submitted_by = NULL, fair_lending = NULL WHERE id = ?`,
      ).run(
        JSON.stringify(draft.rule),
        draft.product_code ?? null,
        JSON.stringify(draft.suppressions_off ?? []),
        latest.id,
      );
      audit(db, {
        actor,
        action: 'audience.edit',
        entity: 'audience',
        entity_id: String(audienceId),
        detail: {
          version: latest.version,
          before: { status: latest.status, rule: latest.rule },
          after: { status: 'draft', rule: draft.rule },
        },
      });
      return getVersion(db, latest.id);
    }
    const id = insertVersion(db, audienceId, latest.version + 1, draft, actor, now);
    audit(db, {
      actor,
      action: 'audience.new_version',
      entity: 'audience',
      entity_id: String(audienceId),
      detail: { version: latest.version + 1, from: latest.version, rule: draft.rule },
    });
    return getVersion(db, id);
  })();
}

function transition(
  db: Db,
  versionId: number,
  from: AudienceStatus,
  to: AudienceStatus,
  set: Record<string, string | null>,
  actor: string,
  detail: Record<string, unknown> = {},
): AudienceVersion {
  return db.transaction(() => {
    const version = getVersion(db, versionId);
    if (version.status !== from) {
      throw new AppError(
        'invalid_input',
        `Version ${version.version} is ${version.status}: only a ${from} version can be ${to === 'submitted' ? 'submitted' : to}.`,
      );
    }
    const columns = Object.keys(set);
    db.prepare(`UPDATE audience_versions SET status = ?${columns.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`).run(
      to,
      ...columns.map((c) => set[c]),
      versionId,
    );
    audit(db, {
      actor,
      action: `audience.${to === 'submitted' ? 'submit' : to === 'approved' ? 'approve' : to === 'retired' ? 'retire' : 'return'}`,
      entity: 'audience',
      entity_id: String(version.audience_id),
      detail: { version: version.version, before: from, after: to, ...detail },
    });
    return getVersion(db, versionId);
  })();
}

/** Sends a draft for approval, running the fair-lending check on it. */
export function submitVersion(db: Db, versionId: number, actor: string): AudienceVersion {
  const version = getVersion(db, versionId);
  checkDraft(db, version);
  const credit = version.product_code ? offeredProduct(db, version.product_code).credit : false;
  const warnings = fairLendingWarnings(version.rule, credit);
  return transition(
    db,
    versionId,
    'draft',
    'submitted',
    { submitted_at: new Date().toISOString(), submitted_by: actor, fair_lending: JSON.stringify(warnings) },
    actor,
    { fair_lending_warnings: warnings.length },
  );
}

export interface Approval {
  approver: string;
  comment?: string;
  /** Required when the fair-lending check warned: the approver has reviewed each warning. */
  acknowledge_fair_lending?: boolean;
}

export function approveVersion(db: Db, versionId: number, approval: Approval, actor: string): AudienceVersion {
  const approver = approval.approver.trim();
  if (!approver) throw new AppError('invalid_input', 'Say who approves: the approver’s name is kept with the version.');
  const version = getVersion(db, versionId);
  if (version.status === 'submitted') {
    // Four-eyes: neither the person who drafted the version nor the one who submitted it approves it.
    checkFourEyes(db, version.created_by, approver, 'approve this audience');
    checkFourEyes(db, version.submitted_by, approver, 'approve this audience');
  }
  if (version.status === 'submitted' && version.fair_lending.length > 0 && !approval.acknowledge_fair_lending) {
    throw new AppError(
      'invalid_input',
      `The fair-lending check warned (${version.fair_lending.map((w) => w.field).join(', ')}): the approver must acknowledge it.`,
    );
  }
  return transition(
    db,
    versionId,
    'submitted',
    'approved',
    {
      approved_at: new Date().toISOString(),
      approved_by: approver,
      approval_comment: approval.comment?.trim() || null,
      fair_lending_ack_by: version.fair_lending.length > 0 ? approver : null,
    },
    actor,
    { approver, comment: approval.comment ?? null },
  );
}

/** Sends a submitted version back to draft, with the reviewer's reason. */
export function returnVersion(db: Db, versionId: number, reason: string, actor: string): AudienceVersion {
  return transition(
    db,
    versionId,
    'submitted',
    'draft',
    { submitted_at: null, submitted_by: null, fair_lending: null, approval_comment: reason.trim() || null },
    actor,
    { reason },
  );
}

export function retireVersion(db: Db, versionId: number, actor: string): AudienceVersion {
  return transition(
    db,
    versionId,
    'approved',
    'retired',
    { retired_at: new Date().toISOString(), retired_by: actor },
    actor,
  );
}
