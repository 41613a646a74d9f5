import type { StageId } from '../lib/router';

const STAGE_TEXT: Record<StageId, { title: string; what: string }> = {
  import: {
    title: 'Import',
    what: 'Import your core system’s monthly exports (CSV, XLSX, fixed width) with saved mapping profiles, validation before anything is written, and an import history you can roll back.',
  },
  klis: {
    title: 'Key Lifestyle Indicators',
    what: 'Read transactions and balances as signals a marketer can act on: direct deposit elsewhere, a mortgage paid to another lender, regular saving, low balances, and more.',
  },
  audiences: {
    title: 'Audiences',
    what: 'Build governed audiences with live counts, suppressions with a waterfall, compliance approval and next-product scores.',
  },
  matrix: {
    title: 'Cross-sell matrix',
    what: 'Lay offers out as approved audiences × months, one letter per household a month, with projected volume, cost and return.',
  },
  campaigns: {
    title: 'Campaigns',
    what: 'Run a month: draw the mailing with a random control group, produce print-ready letters and vendor, email, online-banking and branch files.',
  },
  results: {
    title: 'Results',
    what: 'Import response files, match them back to recipients and controls, and report response, lift with confidence intervals, balances generated and ROMI.',
  },
};

/** A stage that is not built yet says so plainly: no dead buttons, no made-up numbers. */
export function NotBuiltScreen({ stage }: { stage: StageId }) {
  const text = STAGE_TEXT[stage];
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{text.title}</h1>
      </header>
      <section className="panel not-built">
        <p>{text.what}</p>
        <p>
          <strong>Not built yet in this version.</strong> Until it is, the demo bank and the Customers screen show the
          data this stage will work from.
        </p>
      </section>
    </div>
  );
}
