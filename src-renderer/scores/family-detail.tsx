import type { RuleNode } from '../../src-shared/audience';
import type { ScoreFeature, ScoreModel } from '../../src-shared/scores';
import { openNewWithRule } from '../audiences/audience-store';
import { formatDay } from '../audiences/version-words';
import { formatCount, formatInt } from '../lib/format';
import { navigate } from '../lib/router';
import { DecileChart } from './decile-chart';
import { familyLabel, splitFeatures, TOP_SCORE, traitWords } from './score-words';

function FeatureList({
  idPrefix,
  way,
  title,
  features,
}: {
  idPrefix: string;
  way: 'raises' | 'lowers';
  title: string;
  features: ScoreFeature[];
}) {
  const id = `${idPrefix}-${way}`;
  return (
    <div className="scores-features" data-testid={`scores-${way}`}>
      <h4 id={id}>{title}</h4>
      {features.length > 0 ? (
        <ul aria-labelledby={id}>
          {features.map((f) => (
            <li key={f.key}>{traitWords(f)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing among the strongest.</p>
      )}
    </div>
  );
}

/** The rule of "Build an audience from the top scores": about the top fifth of those scored. */
export const topScoresRule = (model: ScoreModel): RuleNode => ({
  all: [{ field: `score:${model.family}`, op: '>=', value: TOP_SCORE }],
});

function buildAudience(model: ScoreModel): void {
  openNewWithRule(`Likely to open: ${familyLabel(model.family).toLowerCase()}`, topScoresRule(model));
  navigate({ screen: 'stage', stage: 'audiences' });
}

/** One family's model: how its scores sort the holdout, what it reads, and an audience from its top. */
export function FamilyDetail({ model }: { model: ScoreModel }) {
  const label = familyLabel(model.family);
  const { raises, lowers } = splitFeatures(model.features);
  const idPrefix = `scores-${model.family}`;
  return (
    <section className="panel scores-detail" aria-labelledby={`${idPrefix}-heading`} data-testid="scores-detail">
      <div className="panel-head">
        <h2 id={`${idPrefix}-heading`}>{label}</h2>
        <button type="button" onClick={() => buildAudience(model)}>
          Build an audience from the top scores
        </button>
      </div>
      <p className="muted">
        Learned {formatDay(model.trained_at)} by {model.actor} from openings between {model.window_start} and{' '}
        {model.as_of}; checked on {formatCount(model.holdout, 'held-out customer')}, {formatInt(model.holdout_openers)}{' '}
        of whom opened one. The audience button starts a draft of everyone scoring {TOP_SCORE} or more (about the top
        fifth of the {formatInt(model.scored)} scored).
      </p>
      <div className="scores-detail-grid">
        <div>
          <h3>Opening rate by score</h3>
          <DecileChart model={model} />
        </div>
        <div>
          <h3>What the scores read</h3>
          <FeatureList idPrefix={idPrefix} way="raises" title="Raises the chance" features={raises} />
          <FeatureList idPrefix={idPrefix} way="lowers" title="Lowers it" features={lowers} />
          <p className="muted small">
            The strongest of what a customer held, owed and saved, their tenure, age and KLIs at the window’s start.
          </p>
        </div>
      </div>
    </section>
  );
}
