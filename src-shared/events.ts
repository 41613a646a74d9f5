/** Push events from the main process to the screens, declared once. */
import type { EventName } from './channels';
import type { JobInfo } from './domain';

export interface Events {
  /** A long job moved on, finished, failed or was cancelled. */
  'job:progress': JobInfo;
  /** A different database was opened, or the open one was rebuilt: screens reload. */
  'db:changed': { db_path: string };
}

export type { EventName } from './channels';
export { EVENT_NAMES, isEventName } from './channels';
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _eventsMatch: Exactly<keyof Events, EventName> = true;
void _eventsMatch;
