/** The people who use a database, their roles, and who is at the keyboard now. */

export const ROLES = ['marketer', 'compliance', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_WORDS: Record<Role, string> = {
  marketer: 'Marketer',
  compliance: 'Compliance reviewer',
  administrator: 'Administrator',
};

export interface Person {
  id: number;
  name: string;
  role: Role;
  has_pin: boolean;
  created_at: string;
}

export interface PeopleState {
  people: Person[];
  /** Who is signed in; null when the database has people and nobody has chosen yet. */
  signed_in: Person | null;
  /** The machine's account, used as the actor while the database has no people. */
  machine_user: string;
  /** The administrator's setting (on unless turned off for a one-person team). */
  four_eyes: boolean;
  /** Four-eyes applies once the database has people and the setting is on. */
  four_eyes_in_force: boolean;
}
