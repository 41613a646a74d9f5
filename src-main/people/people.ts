/**
 * Local people and roles. A database without people is worked by the machine's account, as
 * before; once people are added, each audit entry names the person signed in, approvals need
 * a second person (four-eyes) unless an administrator turns that off, and some steps need a
 * role. PINs are kept as salted scrypt hashes.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Person, PeopleState, Role } from '../../src-shared/people';
import { ROLE_WORDS } from '../../src-shared/people';
import { AppError } from '../app/errors';
import { getSetting, setSetting } from '../bank/stats';
import { audit, machineUser } from '../db/audit';
import type { Db } from '../db/open';

interface PersonRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string | null;
  created_at: string;
}

const COLUMNS = 'id, name, role, pin_hash, created_at';

function toPerson(row: PersonRow): Person {
  return { id: row.id, name: row.name, role: row.role, has_pin: row.pin_hash !== null, created_at: row.created_at };
}

export function listPeople(db: Db): Person[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM people WHERE removed_at IS NULL ORDER BY name`).all() as PersonRow[]).map(
    toPerson,
  );
}

function personRow(db: Db, id: number): PersonRow {
  const row = db.prepare(`SELECT ${COLUMNS} FROM people WHERE id = ? AND removed_at IS NULL`).get(id) as
    PersonRow | undefined;
  if (!row) throw new AppError('not_found', `No person ${id}: they may have been removed. Reload Settings › People.`);
  return row;
}

export function getPerson(db: Db, id: number): Person {
  return toPerson(personRow(db, id));
}

export function hasPeople(db: Db): boolean {
  return db.prepare('SELECT 1 FROM people WHERE removed_at IS NULL LIMIT 1').get() !== undefined;
}

export function fourEyesSetting(db: Db): boolean {
  return getSetting(db, 'four_eyes') !== 'off';
}

/** Four-eyes holds once the database has people, unless an administrator turned it off. */
export function fourEyesInForce(db: Db): boolean {
  return fourEyesSetting(db) && hasPeople(db);
}

export function peopleState(db: Db, signedIn: Person | null): PeopleState {
  return {
    people: listPeople(db),
    signed_in: signedIn,
    machine_user: machineUser(),
    four_eyes: fourEyesSetting(db),
    four_eyes_in_force: fourEyesInForce(db),
  };
}

const PIN = /^\d{4,8}$/;

function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

function pinMatches(stored: string, pin: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(pin, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

/**
 * Only an administrator manages people and the team's settings; while a database has no people,
 * the machine's account may add the first one, who must be an administrator.
 */
export function requireAdministrator(db: Db, signedIn: Person | null, what: string): void {
  if (!hasPeople(db)) return;
  if (signedIn?.role !== 'administrator') {
    throw new AppError('forbidden', `Only an administrator can ${what}. Sign in as one (the name at the top right).`);
  }
}

export interface PersonInput {
  id?: number | undefined;
  name: string;
  role: Role;
  /** A new PIN; null removes the PIN; undefined keeps it. */
  pin?: string | null | undefined;
}

export function savePerson(db: Db, input: PersonInput, signedIn: Person | null, actor: string): Person {
  requireAdministrator(db, signedIn, 'add or change people');
  const name = input.name.trim();
  if (!name) throw new AppError('invalid_input', 'Give the person a name.');
  if (input.pin !== undefined && input.pin !== null && !PIN.test(input.pin)) {
    throw new AppError('invalid_input', 'A PIN is 4 to 8 digits.');
  }
  return db.transaction(() => {
    if (!hasPeople(db) && input.role !== 'administrator') {
      throw new AppError(
        'invalid_input',
        'The first person must be an administrator: they manage the team and its settings.',
      );
    }
    const clash = db
      .prepare('SELECT id FROM people WHERE name = ? AND removed_at IS NULL AND id IS NOT ?')
      .pluck()
      .get(name, input.id ?? null);
    if (clash !== undefined) throw new AppError('invalid_input', `There is already someone called ${name}.`);
    let id: number;
    if (input.id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO people (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)')
          .run(name, input.role, input.pin ? hashPin(input.pin) : null, new Date().toISOString()).lastInsertRowid,
      );
      audit(db, { actor, action: 'person.add', entity: 'person', entity_id: String(id), detail: { role: input.role } });
    } else {
      const before = personRow(db, input.id);
      id = before.id;
      if (before.role === 'administrator' && input.role !== 'administrator') keepOneAdministrator(db, id);
      db.prepare('UPDATE people SET name = ?, role = ? WHERE id = ?').run(name, input.role, id);
      if (input.pin !== undefined) {
        db.prepare('UPDATE people SET pin_hash = ? WHERE id = ?').run(input.pin ? hashPin(input.pin) : null, id);
      }
      audit(db, {
        actor,
        action: 'person.change',
        entity: 'person',
        entity_id: String(id),
        detail: {
          role: { before: before.role, after: input.role },
          renamed: before.name !== name,
          pin: input.pin === undefined ? 'kept' : input.pin ? 'set' : 'removed',
        },
      });
    }
    return getPerson(db, id);
  })();
}

function keepOneAdministrator(db: Db, leaving: number): void {
  const others = db
    .prepare("SELECT COUNT(*) FROM people WHERE role = 'administrator' AND removed_at IS NULL AND id != ?")
    .pluck()
    .get(leaving) as number;
  if (others === 0) {
    throw new AppError('invalid_input', 'The team needs an administrator: make someone else one first.');
  }
}

/** A person who leaves is marked removed; their name stays in the audit log. */
export function removePerson(db: Db, id: number, signedIn: Person | null, actor: string): void {
  requireAdministrator(db, signedIn, 'remove people');
  db.transaction(() => {
    const row = personRow(db, id);
    if (signedIn?.id === id)
      throw new AppError('invalid_input', 'You cannot remove yourself; another administrator can.');
    if (row.role === 'administrator') keepOneAdministrator(db, id);
    db.prepare('UPDATE people SET removed_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    audit(db, { actor, action: 'person.remove', entity: 'person', entity_id: String(id), detail: { role: row.role } });
  })();
}

/** Checks the PIN (when the person has one) and records the sign-in; a wrong PIN is recorded too. */
export function signIn(db: Db, id: number, pin: string | undefined): Person {
  const row = personRow(db, id);
  if (row.pin_hash !== null && !(pin && pinMatches(row.pin_hash, pin))) {
    audit(db, { actor: row.name, action: 'person.sign-in-refused', entity: 'person', entity_id: String(id) });
    throw new AppError('forbidden', pin ? 'That PIN is not right. Try again.' : `${row.name} has a PIN: enter it.`);
  }
  audit(db, { actor: row.name, action: 'person.sign-in', entity: 'person', entity_id: String(id) });
  return toPerson(row);
}

/** Turning four-eyes off (a one-person team) or back on is the administrator's, and audited. */
export function setFourEyes(db: Db, on: boolean, signedIn: Person | null, actor: string): void {
  requireAdministrator(db, signedIn, 'change the four-eyes rule');
  const before = fourEyesSetting(db);
  setSetting(db, 'four_eyes', on ? 'on' : 'off');
  audit(db, { actor, action: 'settings.four-eyes', entity: 'settings', detail: { before, after: on } });
}

/**
 * The four-eyes rule: a step that approves work cannot be taken by the person who prepared it.
 * `what` names the step ("approve this audience") and `author` who prepared it.
 */
export function checkFourEyes(db: Db, author: string | null, approver: string, what: string): void {
  if (!fourEyesInForce(db) || !author) return;
  if (author.trim().toLowerCase() === approver.trim().toLowerCase()) {
    throw new AppError(
      'forbidden',
      `${approver} prepared this, so someone else must ${what} (four-eyes). Sign in as another person, or an administrator can turn four-eyes off for a one-person team in Settings › People.`,
    );
  }
}

/** Approving audiences is for compliance reviewers and administrators, once the team has people. */
export function checkCanApprove(db: Db, signedIn: Person | null): void {
  if (!hasPeople(db) || !signedIn) return;
  if (signedIn.role === 'marketer') {
    throw new AppError(
      'forbidden',
      `${signedIn.name} is a ${ROLE_WORDS.marketer.toLowerCase()}: a compliance reviewer or an administrator approves audiences.`,
    );
  }
}
