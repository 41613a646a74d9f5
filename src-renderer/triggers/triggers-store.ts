/**
 * The trigger list being edited, kept outside React (see klis/session.ts): a compute or an
 * import ending remounts the screen, and unsaved rules should survive it.
 */
import type { TriggerRule } from '../../src-shared/kli';
import { onKliSessionReset } from '../klis/session';
import { createStore } from '../lib/store';

export interface RuleRow {
  /** Stable while the id is being typed. */
  key: number;
  rule: TriggerRule;
  /** Not saved yet: its id may still change. */
  isNew: boolean;
}

export interface TriggersState {
  /** Null: nothing changed, the saved list shows. */
  rows: RuleRow[] | null;
  editing: number | null;
  busy: 'save' | 'run' | null;
  /** What the last save or run did, or why it could not. A run changes the database, which
   * remounts every screen: these must outlive the component that asked. */
  message: string | null;
  error: string | null;
}

export const triggersStore = createStore<TriggersState>(() => ({
  rows: null,
  editing: null,
  busy: null,
  message: null,
  error: null,
}));
onKliSessionReset(() => triggersStore.reset());

let nextKey = 1;

export function rowsOf(rules: TriggerRule[]): RuleRow[] {
  return rules.map((rule) => ({ key: nextKey++, rule, isNew: false }));
}

export function newRow(rule: TriggerRule): RuleRow {
  return { key: nextKey++, rule, isNew: true };
}
