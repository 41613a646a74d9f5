import type { AudienceStatus, AudienceVersion } from '../../src-shared/audience';

export const STATUS_WORDS: Record<AudienceStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  retired: 'Retired',
};

export function formatDay(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-US', { dateStyle: 'medium' });
}

/** "Approved by Carol Reyes on Nov 23, 2026", or '' for a version never approved. */
export function approvalWords(version: AudienceVersion): string {
  if (!version.approved_by) return '';
  return `Approved by ${version.approved_by} on ${formatDay(version.approved_at)}`;
}
