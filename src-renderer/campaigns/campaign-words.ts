/** How runs, response imports and matches read on the Campaigns screens. */
import type { MatchRule, MatchStatus, ResponseImportResult, ResponseRow } from '../../src-shared/measure';
import type { RunSummary } from '../../src-shared/plan';
import type { SavedProfile } from '../../src-shared/imports';
import { formatCount, formatInt, formatShare } from '../lib/format';
import { longMonthLabel, monthLabel, runTotals } from '../matrix/plan-words';

export { runTotals };

/** The response layout: read by the main process itself, so not among the saved profiles. */
export const RESPONSE_PROFILE = 'mainstreet-responses';
export const RESPONSE_PROFILE_TITLE = 'Response layout: new accounts, applications, approvals, keycodes';

/** What `responses:list` answers at most (src-main/measure/responses.ts). */
export const LIST_LIMIT = 5000;

export const RULE_LABEL: Record<MatchRule, string> = {
  customer_number: 'Customer number',
  household: 'Household',
  account_number: 'Account number',
  keycode: 'Keycode',
  name_address: 'Name and address',
};

/** The rules as the summary lists them: a person's own identifiers first, the household's, then the fuzzy one. */
export const RULES: MatchRule[] = ['customer_number', 'account_number', 'keycode', 'household', 'name_address'];

export const STATUS_LABEL: Record<MatchStatus, string> = {
  matched: 'Matched',
  doubtful: 'Waiting for review',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  unmatched: 'Unmatched',
};

export const runStatusLabel = (status: RunSummary['status']): string => (status === 'final' ? 'Final' : 'For review');

/** "Run 5 · Nov 2026 (final)": a run in a select or a table cell. */
export function runLabel(run: Pick<RunSummary, 'run_id' | 'month' | 'status'>): string {
  return `Run ${run.run_id} · ${monthLabel(run.month)} (${runStatusLabel(run.status).toLowerCase()})`;
}

export const runTitle = (run: RunSummary): string => `Run ${run.run_id} · ${longMonthLabel(run.month)}`;

/** A match score (0–1) as a percentage: 0.823 → "82.3%". */
export const scoreWords = (score: number | null): string => (score === null ? '—' : formatShare(score));

/**
 * "312 rows: 40 opened before the drop (not responses); 268 matched, 4 doubtful to review,
 * 0 unmatched; match rate 98.5%". The result's `unmatched` counts the doubtful ones too (they
 * are not matched until confirmed); the words name them once, apart.
 */
export function importResultWords(result: ResponseImportResult): string {
  const unmatched = Math.max(0, result.unmatched - result.doubtful);
  return (
    `${formatCount(result.rows, 'row')}: ${formatInt(result.not_responses)} opened before the drop (not responses); ` +
    `${formatInt(result.matched)} matched, ${formatInt(result.doubtful)} doubtful to review, ` +
    `${formatInt(unmatched)} unmatched; match rate ${formatShare(result.match_rate)}`
  );
}

/** Matched responses by the rule that matched them, in the matcher's order, rules with none left out. */
export function countByRule(rows: ResponseRow[]): { rule: MatchRule; label: string; count: number }[] {
  const counts = new Map<MatchRule, number>();
  for (const row of rows) if (row.match_rule) counts.set(row.match_rule, (counts.get(row.match_rule) ?? 0) + 1);
  return RULES.filter((rule) => counts.has(rule)).map((rule) => ({
    rule,
    label: RULE_LABEL[rule],
    count: counts.get(rule) ?? 0,
  }));
}

/**
 * The profiles a response file can be read through: the response layout first, then every
 * saved profile that maps an accounts file (its accounts are the candidate responses).
 */
export function responseProfiles(saved: SavedProfile[]): { name: string; title: string }[] {
  const withAccounts = saved
    .filter((p) => p.name !== RESPONSE_PROFILE && p.profile.files.some((f) => f.kind === 'accounts'))
    .map((p) => ({ name: p.name, title: p.title || p.name }));
  return [{ name: RESPONSE_PROFILE, title: RESPONSE_PROFILE_TITLE }, ...withAccounts];
}
