/** KLI services the API and CLI call (filled in as the engine lands). */
import type { Db } from '../db/open';
import type { CustomerKli, KliDetail, KliLibrary, KliPreview, KliSummary } from '../../src-shared/kli';
import type { z } from 'zod';
import type { customKliSchema, kliRuleSchema } from '../../src-shared/kli-schema';

type CustomKli = z.output<typeof customKliSchema>;
type Rule = z.output<typeof kliRuleSchema>;

const todo = (): never => {
  throw new Error('KLI engine not built yet');
};
export function kliLibrary(_db: Db): KliLibrary {
  return todo();
}
export function kliDetail(_db: Db, _id: string): KliDetail {
  return todo();
}
export function previewKli(_db: Db, _definition: CustomKli): KliPreview {
  return todo();
}
export function saveCustomKli(_db: Db, _definition: CustomKli, _overwrite: boolean, _actor: string): KliSummary {
  return todo();
}
export function deleteCustomKli(_db: Db, _id: string, _actor: string): boolean {
  return todo();
}
export function tuneKli(_db: Db, _id: string, _rule: Rule | null, _actor: string): KliSummary {
  return todo();
}
export function customerKlis(_db: Db, _customerId: number): CustomerKli[] {
  return todo();
}
