import type { KliPreview } from '../../src-shared/kli';
import { formatInt } from '../lib/format';
import { EvidenceTable } from './evidence-table';

/** What the draft would flag, computed on the spot over the lookback; nothing is saved. */
export function KliPreviewPanel({ preview, current }: { preview: KliPreview; current: boolean }) {
  return (
    <section
      className={current ? 'panel kli-preview' : 'panel kli-preview outdated'}
      aria-labelledby="kli-preview-heading"
      data-testid="kli-preview"
    >
      <h2 id="kli-preview-heading">Preview{current ? '' : ' (for an earlier version of the form)'}</h2>
      <dl className="preview-figures">
        <div>
          <dt>Customers</dt>
          <dd data-testid="preview-customers">{formatInt(preview.customers)}</dd>
        </div>
        <div>
          <dt>Households</dt>
          <dd data-testid="preview-households">{formatInt(preview.households)}</dd>
        </div>
        <div>
          <dt>Matching transactions</dt>
          <dd data-testid="preview-transactions">{formatInt(preview.matching_transactions)}</dd>
        </div>
      </dl>
      {preview.sample_transactions.length === 0 ? (
        <p className="muted">No transaction matches: check the categories and patterns.</p>
      ) : (
        <>
          <h3>Some matching transactions</h3>
          <EvidenceTable
            label="Matching transactions in the preview"
            rows={preview.sample_transactions}
            showCategory
            testId="preview-transaction"
          />
        </>
      )}
    </section>
  );
}
