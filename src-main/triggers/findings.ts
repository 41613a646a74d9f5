/** What each trigger type's evaluator works with and hands back. */
import type { IsoDate } from '../../src-shared/domain';
import type { Db } from '../db/open';
import type { MoneyFormat } from './money';

export interface EvalContext {
  db: Db;
  /** Period ends, newest first (calendar.ts). */
  ends: IsoDate[];
  money: MoneyFormat;
}

/** One account (or customer) a rule flags, before it is handed to the account's owners. */
export interface Finding {
  account_id: number | null;
  /** Set when the rule judged a customer rather than an account; else every owner gets the hit. */
  customer_id: number | null;
  /** Orders the hits of a rule, strongest first. */
  score: number;
  evidence: string;
}

/** Accounts a rule looks at: not closed or charged off, of the rule's product families (`a`, `pr`). */
export const ACCOUNT_SCOPE = `a.status NOT IN ('CLOSED', 'CHARGED_OFF')
  AND pr.family IN (SELECT value FROM json_each(@families))`;

/** `@e0`, `@e1`, … for the period ends, as statement parameters. */
export function endParams(ends: IsoDate[], count: number): Record<string, IsoDate> {
  const params: Record<string, IsoDate> = {};
  for (let k = 0; k < count; k++) {
    const end = ends[k];
    if (!end) throw new Error(`The calendar has ${ends.length} period ends, ${count} needed`);
    params[`e${k}`] = end;
  }
  return params;
}
