/**
 * Saved audiences: versions and the approval path, the fair-lending check, the audit trail,
 * and "explain this customer" — on the four-customer fixture bank (John and Jane Smith share a
 * household and a mortgage; Jane opted out; Pat is deceased with a closed account; Maria is an
 * employee with no birth date).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleNode } from '../../src-shared/audience';
import { explainCustomer } from '../../src-main/audience/explain';
import {
  approveVersion,
  createAudience,
  getAudience,
  listAudiences,
  retireVersion,
  returnVersion,
  saveDraft,
  submitVersion,
} from '../../src-main/audience/store';
import { openDatabase, type Db } from '../../src-main/db/open';
import { buildSmallBank } from '../helpers/small-bank';
import { useTempDir } from '../helpers/temp-dir';

const iowa: RuleNode = { all: [{ field: 'state', op: '=', value: 'IA' }] };
const AS_OF = '2026-11-01';

describe('saved audiences', () => {
  const tempDir = useTempDir();
  let db: Db;
  beforeEach(async () => {
    db = openDatabase(await buildSmallBank(tempDir()));
  });
  afterEach(() => db.close());

  const auditActions = () =>
    db.prepare("SELECT action FROM audit_log WHERE entity = 'audience' ORDER BY id").pluck().all() as string[];

  it('go draft → submitted → approved → retired; an approved version never changes, an edit makes the next draft', () => {
    const created = createAudience(db, 'Iowa households', { rule: iowa }, 'ann');
    const v1 = created.versions[0]!;
    expect(v1).toMatchObject({ version: 1, status: 'draft', created_by: 'ann' });

    // A draft is edited in place.
    const edited = saveDraft(
      db,
      created.id,
      { rule: { all: [...iowa.all, { field: 'age', op: '>=', value: 18 }] } },
      'ann',
    );
    expect(edited).toMatchObject({ id: v1.id, version: 1, status: 'draft' });

    expect(() => approveVersion(db, v1.id, { approver: 'Carol' }, 'carol')).toThrow(/only a submitted version/);
    expect(submitVersion(db, v1.id, 'ann')).toMatchObject({ status: 'submitted', submitted_by: 'ann' });
    expect(() => approveVersion(db, v1.id, { approver: '  ' }, 'carol')).toThrow(/Say who approves/);
    const approved = approveVersion(db, v1.id, { approver: 'Carol Reyes', comment: 'OK for Q1' }, 'carol');
    expect(approved).toMatchObject({ status: 'approved', approved_by: 'Carol Reyes', approval_comment: 'OK for Q1' });
    expect(approved.approved_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Editing an approved audience leaves version 1 as it was and starts version 2.
    const v2 = saveDraft(db, created.id, { rule: iowa }, 'ann');
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    const both = getAudience(db, created.id).versions;
    expect(both.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    expect(both[1]!.rule).toEqual(edited.rule);

    // A reviewer can send a submission back; retiring takes an approved version out of use.
    submitVersion(db, v2.id, 'ann');
    expect(returnVersion(db, v2.id, 'Use the new branch list', 'carol')).toMatchObject({
      status: 'draft',
      approval_comment: 'Use the new branch list',
    });
    expect(retireVersion(db, v1.id, 'carol').status).toBe('retired');
    expect(() => retireVersion(db, v1.id, 'carol')).toThrow(/is retired/);

    expect(auditActions()).toEqual([
      'audience.create',
      'audience.edit',
      'audience.submit',
      'audience.approve',
      'audience.new_version',
      'audience.submit',
      'audience.return',
      'audience.retire',
    ]);
    const approval = db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'audience.approve'").get() as {
      actor: string;
      detail: string;
    };
    expect(approval.actor).toBe('carol');
    expect(JSON.parse(approval.detail)).toMatchObject({
      before: 'submitted',
      after: 'approved',
      approver: 'Carol Reyes',
    });
    expect(listAudiences(db).map((a) => a.name)).toEqual(['Iowa households']);
  });

  it('refuse a rule, product or suppression this bank does not have, and a second audience of the same name', () => {
    expect(() => createAudience(db, 'Bad', { rule: { field: 'kli:nope', op: '=', value: true } }, 'ann')).toThrow(
      /no KLI "nope"/,
    );
    expect(() => createAudience(db, 'Bad', { rule: iowa, product_code: 'HELOC-X' }, 'ann')).toThrow(
      /No product with the code "HELOC-X"/,
    );
    expect(() => createAudience(db, 'Bad', { rule: iowa, suppressions_off: ['vip'] }, 'ann')).toThrow(
      /No suppression "vip"/,
    );
    createAudience(db, 'Iowa', { rule: iowa }, 'ann');
    expect(() => createAudience(db, 'Iowa', { rule: iowa }, 'ann')).toThrow(/already an audience named "Iowa"/);
    expect(listAudiences(db)).toHaveLength(1);
  });

  it('warn when a credit offer selects on age, sex or geography, and keep the approver’s acknowledgement', () => {
    const rule: RuleNode = {
      all: [
        { field: 'age', op: 'between', value: [25, 40] },
        {
          any: [
            { field: 'zip', op: 'in', value: ['50010', '50014'] },
            { field: 'gender', op: '=', value: 'F' },
          ],
        },
        { field: 'has:checking', op: '=', value: true },
      ],
    };
    const credit = createAudience(db, 'Young Ames borrowers', { rule, product_code: 'MTG-30' }, 'ann');
    const submitted = submitVersion(db, credit.versions[0]!.id, 'ann');
    expect(submitted.fair_lending.map((w) => [w.path, w.field])).toEqual([
      ['rule.all[0]', 'age'],
      ['rule.all[1].any[0]', 'zip'],
      ['rule.all[1].any[1]', 'gender'],
    ]);
    expect(() => approveVersion(db, submitted.id, { approver: 'Carol' }, 'carol')).toThrow(
      /fair-lending check warned \(age, zip, gender\)/,
    );
    const approved = approveVersion(db, submitted.id, { approver: 'Carol', acknowledge_fair_lending: true }, 'carol');
    expect(approved).toMatchObject({ status: 'approved', fair_lending_ack_by: 'Carol' });

    // The same rule for a deposit product does not warn.
    const deposit = createAudience(db, 'Savers', { rule, product_code: 'SAV-REG' }, 'ann');
    expect(submitVersion(db, deposit.versions[0]!.id, 'ann').fair_lending).toEqual([]);
  });

  it('explain which conditions hold for a customer, which suppression removes them, and where the letter goes', () => {
    const rule: RuleNode = {
      all: [{ field: 'has:mortgage', op: '=', value: true }, { not: { field: 'age', op: '<', value: 50 } }],
    };
    // John (born 1970-04-12): owns the mortgage, 56: selected, and his household's letter.
    const john = explainCustomer(db, rule, '0001001', { asOf: AS_OF });
    expect(john).toMatchObject({ customer_number: '0001001', eligible: true, removed_by: null, mailed: true });
    expect(john.rule.children!.map((c) => [c.kind, c.holds])).toEqual([
      ['has:mortgage', true],
      ['not', true],
    ]);
    expect(john.rule.children![1]!.children![0]).toMatchObject({ kind: 'age', holds: false, actual: 56 });
    expect(john.household.letter_to).toBe(john.customer_id);

    // Jane (joint on the mortgage, 54) is selected but opted out: removed at that step.
    const jane = explainCustomer(db, rule, '0001002', { asOf: AS_OF });
    expect(jane).toMatchObject({ eligible: true, removed_by: 'do-not-solicit', mailed: false });
    expect(jane.suppressions.find((s) => s.id === 'do-not-solicit')!.hits).toBe(true);

    // Maria has no birth date: "age < 50" is unknown, so false, and its "not" true; no mortgage.
    const maria = explainCustomer(db, rule, '0001004', { asOf: AS_OF });
    expect(maria.eligible).toBe(false);
    expect(maria.rule.children![0]).toMatchObject({ kind: 'has:mortgage', holds: false, actual: false });
    expect(maria.rule.children![1]!.children![0]).toMatchObject({ kind: 'age', holds: false, actual: null });
    expect(maria.removed_by).toBeNull();

    // Money is shown in dollars; an unknown customer is named.
    const balance = explainCustomer(db, { field: 'balance:savings', op: '>', value: 5000 }, '0001002', { asOf: AS_OF });
    expect(balance.rule).toMatchObject({ holds: true, actual: 10000 });
    expect(() => explainCustomer(db, rule, 'X-404', { asOf: AS_OF })).toThrow(
      /No customer with the number or id "X-404"/,
    );
  });
});
