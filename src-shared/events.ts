/** Push events from the main process to the screens, declared once. */
import type { JobInfo } from './domain';

export interface Events {
  /** A long job moved on, finished, failed or was cancelled. */
  'job:progress': JobInfo;
  /** A different database was opened, or the open one was rebuilt: screens reload. */
  'db:changed': { db_path: string };
}

export type EventName = keyof Events;

export const EVENT_NAMES: EventName[] = ['job:progress', 'db:changed'];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as string[]).includes(value);
}
