import type { ReactNode } from 'react';

/** One headline number. The test id sits on the number alone so tests read it exactly. */
export function StatCard({
  label,
  testId,
  value,
  detail,
}: {
  label: string;
  testId: string;
  value: string;
  detail?: ReactNode;
}) {
  return (
    <section className="stat" aria-label={label}>
      <h2 className="stat-label">{label}</h2>
      <div className="stat-value" data-testid={testId}>
        {value}
      </div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
    </section>
  );
}
