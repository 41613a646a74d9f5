/** People, roles and four-eyes, as Settings › People and the approval steps use them, through the real API. */
import { describe, expect, it } from 'vitest';
import { machineUser } from '../../src-main/db/audit';
import { callApi as call, useTestServer } from '../helpers/test-server';
import type { WebServer } from '../../src-main/web/server';

async function submittedAudience(s: WebServer, name: string): Promise<number> {
  const audience = await call(s, 'audience:create', { name, draft: { rule: { all: [] } } });
  const version = audience.versions[0]!.id;
  await call(s, 'audience:submit', { version_id: version });
  return version;
}

function actions(s: WebServer): { actor: string; action: string }[] {
  return s.context.requireDb().prepare('SELECT actor, action FROM audit_log ORDER BY id').all() as {
    actor: string;
    action: string;
  }[];
}

describe('people and four-eyes', () => {
  const start = useTestServer();

  it('works as the machine’s account until people are added; the first must be an administrator', async () => {
    const s = await start();
    const empty = await call(s, 'people:list', {});
    expect(empty).toMatchObject({ people: [], signed_in: null, four_eyes: true, four_eyes_in_force: false });
    expect(empty.machine_user).toBe(machineUser());
    // No team yet: one person may submit and approve (nobody else to ask).
    const v = await submittedAudience(s, 'Solo');
    expect(await call(s, 'audience:approve', { version_id: v, approver: 'Carol' })).toMatchObject({
      status: 'approved',
    });

    await expect(call(s, 'people:save', { name: 'Marcus Lee', role: 'marketer' })).rejects.toThrow(
      /first person must be an administrator/,
    );
    const team = await call(s, 'people:save', { name: 'Dana Whitfield', role: 'administrator' });
    expect(team.signed_in).toMatchObject({ name: 'Dana Whitfield', role: 'administrator' });
    expect(team.four_eyes_in_force).toBe(true);
    expect((await call(s, 'app:info', {})).person).toMatchObject({ name: 'Dana Whitfield' });
  });

  it('refuses an approval by the person who prepared it, and by a marketer; a reviewer approves', async () => {
    const s = await start();
    await call(s, 'people:save', { name: 'Dana Whitfield', role: 'administrator' });
    await call(s, 'people:save', { name: 'Marcus Lee', role: 'marketer', pin: '4821' });
    const state = await call(s, 'people:save', { name: 'Priya Shah', role: 'compliance' });
    const [dana, marcus, priya] = ['Dana Whitfield', 'Marcus Lee', 'Priya Shah'].map((name) =>
      state.people.find((p) => p.name === name)!,
    );
    expect(marcus).toMatchObject({ has_pin: true });
    expect(JSON.stringify(s.context.requireDb().prepare('SELECT * FROM people').all())).not.toContain('4821');

    const v = await submittedAudience(s, 'Savers');
    // The typed approver name is not trusted on a team: the signed-in person approves.
    await expect(call(s, 'audience:approve', { version_id: v, approver: 'Someone Else' })).rejects.toThrow(
      /Dana Whitfield prepared this, so someone else must approve this audience \(four-eyes\)/,
    );

    await expect(call(s, 'people:sign-in', { id: marcus!.id })).rejects.toThrow(/has a PIN/);
    await expect(call(s, 'people:sign-in', { id: marcus!.id, pin: '0000' })).rejects.toThrow(/PIN is not right/);
    await call(s, 'people:sign-in', { id: marcus!.id, pin: '4821' });
    await expect(call(s, 'audience:approve', { version_id: v, approver: 'x' })).rejects.toThrow(
      /compliance reviewer or an administrator approves/,
    );
    await expect(call(s, 'people:four-eyes', { on: false })).rejects.toThrow(/Only an administrator/);

    await call(s, 'people:sign-in', { id: priya!.id });
    expect(await call(s, 'audience:approve', { version_id: v, approver: 'x' })).toMatchObject({
      status: 'approved',
      approved_by: 'Priya Shah',
    });

    const log = actions(s);
    expect(log).toContainEqual({ actor: 'Dana Whitfield', action: 'audience.submit' });
    expect(log).toContainEqual({ actor: 'Marcus Lee', action: 'person.sign-in-refused' });
    expect(log).toContainEqual({ actor: 'Priya Shah', action: 'audience.approve' });

    // Drafted by one, submitted by another: the one who drafted it cannot approve it either.
    const drafted = await call(s, 'audience:create', { name: 'Drafted by Priya', draft: { rule: { all: [] } } });
    await call(s, 'people:sign-in', { id: dana!.id });
    await call(s, 'audience:submit', { version_id: drafted.versions[0]!.id });
    await call(s, 'people:sign-in', { id: priya!.id });
    await expect(call(s, 'audience:approve', { version_id: drafted.versions[0]!.id, approver: 'x' })).rejects.toThrow(
      /Priya Shah prepared this/,
    );

    // A one-person team: the administrator turns four-eyes off, and that is audited.
    await call(s, 'people:sign-in', { id: dana!.id });
    const off = await call(s, 'people:four-eyes', { on: false });
    expect(off).toMatchObject({ four_eyes: false, four_eyes_in_force: false });
    expect(actions(s)).toContainEqual({ actor: 'Dana Whitfield', action: 'settings.four-eyes' });
    const mine = await submittedAudience(s, 'Dana’s own');
    expect(await call(s, 'audience:approve', { version_id: mine, approver: 'x' })).toMatchObject({
      status: 'approved',
      approved_by: 'Dana Whitfield',
    });
  });

  it('refuses to finalize a month run by the person who ran it', async () => {
    const s = await start();
    await call(s, 'people:save', { name: 'Dana Whitfield', role: 'administrator' });
    const state = await call(s, 'people:save', { name: 'Priya Shah', role: 'compliance' });
    const db = s.context.requireDb();
    const runId = Number(
      db
        .prepare(
          `INSERT INTO runs (month, status, seed, control_share, drop_date, summary, created_at, created_by)
           VALUES ('2026-12', 'review', 1, 0.1, '2026-12-01', '{}', '2026-11-24', 'Dana Whitfield')`,
        )
        .run().lastInsertRowid,
    );
    await expect(call(s, 'plan:finalize', { run_id: runId })).rejects.toThrow(
      /someone else must finalize this month run \(four-eyes\)/,
    );
    await call(s, 'people:sign-in', { id: state.people.find((p) => p.name === 'Priya Shah')!.id });
    await expect(call(s, 'plan:finalize', { run_id: runId })).resolves.toMatchObject({ status: 'final' });
    expect(db.prepare('SELECT finalized_by FROM runs WHERE id = ?').pluck().get(runId)).toBe('Priya Shah');
  });

  it('keeps an administrator, marks a person removed rather than deleting them, and asks who works when needed', async () => {
    const s = await start();
    const first = await call(s, 'people:save', { name: 'Dana Whitfield', role: 'administrator' });
    const dana = first.signed_in!;
    await expect(call(s, 'people:save', { id: dana.id, name: 'Dana Whitfield', role: 'marketer' })).rejects.toThrow(
      /needs an administrator/,
    );
    const withSam = await call(s, 'people:save', { name: 'Sam Ortiz', role: 'marketer' });
    const sam = withSam.people.find((p) => p.name === 'Sam Ortiz')!;
    await expect(call(s, 'people:save', { name: 'sam ortiz', role: 'marketer' })).rejects.toThrow(/already someone/);
    await call(s, 'people:remove', { id: sam.id });
    expect((await call(s, 'people:list', {})).people.map((p) => p.name)).toEqual(['Dana Whitfield']);
    expect(
      s.context.requireDb().prepare('SELECT removed_at FROM people WHERE id = ?').pluck().get(sam.id),
    ).toBeTruthy();

    // With a PIN on the only administrator, reopening the database asks who is working.
    await call(s, 'people:save', { id: dana.id, name: 'Dana Whitfield', role: 'administrator', pin: '1357' });
    const path = (await call(s, 'app:info', {})).db_path!;
    s.context.open(path);
    expect(await call(s, 'app:info', {})).toMatchObject({ person: null, sign_in_needed: true });
    await expect(call(s, 'home:dashboard', {})).rejects.toThrow(/Choose who is working first/);
    expect((await call(s, 'people:list', {})).people).toHaveLength(1);
    await call(s, 'people:sign-in', { id: dana.id, pin: '1357' });
    expect(await call(s, 'app:info', {})).toMatchObject({ sign_in_needed: false, person: { name: 'Dana Whitfield' } });
    await expect(call(s, 'home:dashboard', {})).resolves.toBeTruthy();
  });
});
