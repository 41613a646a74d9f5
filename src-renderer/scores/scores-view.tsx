import { useState } from 'react';
import { PRODUCT_FAMILIES, type ProductFamily } from '../../src-shared/domain';
import type { ScoreModel } from '../../src-shared/scores';
import { useStore } from '../lib/store';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { FamilyDetail } from './family-detail';
import { ModelTable } from './model-table';
import { familyLabel } from './score-words';
import { TrainPanel } from './train-panel';
import { trainStore } from './train-store';
import './scores.css';

function Intro({ models }: { models: ScoreModel[] }) {
  const first = models[0];
  if (!first)
    return (
      <p data-testid="scores-empty">
        Next-product scores rank every customer from 1 to 100 by how likely they are to open each product they do not
        have yet. They are learned from the bank’s own openings over the last 6 months, and checked on a holdout of one
        customer in four that the learning never sees.
      </p>
    );
  return (
    <p className="muted">
      Who is likely to open each product next, ranked 1–100 among those without it: learned from the bank’s openings
      between {first.window_start} and {first.as_of}, checked on one customer in four kept out of the learning. Train
      again after an import to learn from the newest months.
    </p>
  );
}

function Families({
  models,
  open,
  onOpen,
}: {
  models: ScoreModel[];
  open: ProductFamily | null;
  onOpen: (family: ProductFamily) => void;
}) {
  const scored = new Set(models.map((m) => m.family));
  // Right after a run its summary names them, with why.
  const justTrained = useStore(trainStore).result !== null;
  const notScored = justTrained ? [] : PRODUCT_FAMILIES.filter((f) => !scored.has(f));
  return (
    <section className="panel" aria-labelledby="scores-families-heading">
      <h2 id="scores-families-heading">Families scored</h2>
      <p className="muted small scores-explain" data-testid="scores-explain">
        <strong>Holdout AUC</strong>: how well the scores rank those who opened above those who did not, on customers
        the learning never saw (0.5 is a coin toss, 1 is perfect). <strong>Top tenth</strong>: how many times more often
        the tenth with the highest scores opened than the average, and the share of all openers found in it.
      </p>
      <div className="table-scroll">
        <ModelTable models={models} openFamily={open} onOpen={onOpen} />
      </div>
      {notScored.length > 0 ? (
        <p className="muted small" data-testid="scores-not-scored">
          Not scored (too few openings in the window to learn from): {notScored.map(familyLabel).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}

/**
 * Next-product scores: train them (a job with progress), see how well each family's model
 * sorts the customers it never saw, what it reads, and start an audience from its top scores.
 */
export function ScoresView() {
  const models = useCall('scores:models', {});
  const [open, setOpen] = useState<ProductFamily | null>(null);
  if (models.error && !models.data)
    return <ErrorPanel message={`The scores could not be loaded: ${models.error}`} onRetry={models.reload} />;
  if (!models.data) return <Loading slow={models.slow} text="Loading the scores…" />;
  const list = models.data;
  const opened = list.find((m) => m.family === open) ?? null;
  return (
    <>
      <section className="panel scores-intro" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Next-product scores</h2>
        <Intro models={list} />
        <TrainPanel trained={list.length > 0} />
      </section>
      {list.length > 0 ? <Families models={list} open={opened?.family ?? null} onOpen={setOpen} /> : null}
      {opened ? (
        <FamilyDetail key={opened.family} model={opened} />
      ) : list.length > 0 ? (
        <p className="panel muted" data-testid="scores-hint">
          Open a family (click it, or press Enter on it) to see how its scores sort the holdout, what they read, and to
          build an audience from its top scores.
        </p>
      ) : null}
    </>
  );
}
