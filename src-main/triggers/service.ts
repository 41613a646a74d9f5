/** Trigger services the API and CLI call (filled in as triggers land). */
import type { Db } from '../db/open';
import type { DownloadFile } from '../../src-shared/imports';
import type { TriggerHitsPage, TriggerRule } from '../../src-shared/kli';

const todo = (): never => {
  throw new Error('Triggers not built yet');
};
export function listTriggers(_db: Db): TriggerRule[] {
  return todo();
}
export function saveTriggers(_db: Db, _rules: TriggerRule[], _actor: string): TriggerRule[] {
  return todo();
}
export function runTriggers(_db: Db, _actor: string): TriggerHitsPage {
  return todo();
}
export function triggerHits(_db: Db, _page: number, _pageSize: number): TriggerHitsPage {
  return todo();
}
export function exportTriggerHits(_db: Db, _format: 'csv' | 'xlsx'): Promise<DownloadFile> {
  return todo();
}
