import type { AppInfo } from '../../src-shared/domain';

/** Placeholder while the stage is built (replaced by the Results screens). */
export function ResultsStage({ tab }: { tab: 'dashboard' | 'history'; info: AppInfo; dbPath: string }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Results</h1>
      </header>
      <section className="panel not-built" aria-label="About Results" data-tab={tab}>
        <p>
          <strong>Not built yet in this version.</strong>
        </p>
      </section>
    </div>
  );
}
