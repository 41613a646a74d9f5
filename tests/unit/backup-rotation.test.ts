/** Which automatic backups rotation keeps: the newest ten, and the newest of each of twelve months. */
import { describe, expect, it } from 'vitest';
import { toRotate } from '../../src-main/backup/auto';

const name = (iso: string, reason = 'before-import') => `bank-${iso.replace(/[:.]/g, '-')}-${reason}.msbackup`;

describe('backup rotation', () => {
  it('keeps the newest ten and the newest of each of the last twelve months, and leaves other files alone', () => {
    const now = new Date('2026-11-23T12:00:00.000Z');
    // Fifteen backups this month, and two a month for the sixteen months before.
    const thisMonth = Array.from({ length: 15 }, (_, i) =>
      name(`2026-11-${String(i + 1).padStart(2, '0')}T08:00:00.000Z`),
    );
    const earlier = Array.from({ length: 16 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 9 - i, 1));
      const month = d.toISOString().slice(0, 7);
      return [name(`${month}-05T08:00:00.000Z`), name(`${month}-20T08:00:00.000Z`, 'on-close')];
    }).flat();
    const all = [...thisMonth, ...earlier, 'notes.txt'];
    const gone = new Set(toRotate(all, now));
    const kept = all.filter((n) => !gone.has(n));
    expect(gone.has('notes.txt')).toBe(false);
    // The newest ten of November, and one for each of Dec 2025 … Oct 2026 (the 20th: the later one).
    expect(kept.filter((n) => n.includes('2026-11-'))).toHaveLength(10);
    const monthly = kept.filter((n) => !n.includes('2026-11-') && n.endsWith('.msbackup'));
    expect(monthly).toHaveLength(11);
    expect(monthly.every((n) => n.includes('-20T'))).toBe(true);
    expect(monthly.some((n) => n.includes('2025-11-'))).toBe(false);
    expect(kept.some((n) => n.includes('2025-12-20'))).toBe(true);
  });
});
