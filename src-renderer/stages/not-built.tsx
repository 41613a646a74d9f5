import type { StageId } from '../lib/router';

/**
 * The stages still to come (built: import/import-screen.tsx, klis/klis-stage.tsx,
 * audiences/audiences-stage.tsx, matrix/matrix-stage.tsx).
 */
export type UnbuiltStage = Exclude<StageId, 'import' | 'klis' | 'audiences' | 'matrix'>;

const STAGE_TEXT: Record<UnbuiltStage, { title: string; what: string }> = {
  campaigns: {
    title: 'Campaigns',
    what: 'Campaigns will run a month: draw the mailing with a random control group, record contact history, and produce letters, the print-vendor file and channel lists.',
  },
  results: {
    title: 'Results',
    what: 'Results will match responses back to recipients and controls and report response, lift with confidence intervals, balances generated and ROMI.',
  },
};

/** A stage that is not built yet says so plainly: no dead buttons, no made-up numbers. */
export function NotBuiltScreen({ stage }: { stage: UnbuiltStage }) {
  const text = STAGE_TEXT[stage];
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{text.title}</h1>
      </header>
      <section className="panel not-built" aria-label={`About ${text.title}`}>
        <p>{text.what}</p>
        <p>
          <strong>Not built yet in this version.</strong>
        </p>
      </section>
    </div>
  );
}
