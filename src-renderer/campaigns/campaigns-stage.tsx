import type { AppInfo } from '../../src-shared/domain';

/** Placeholder while the stage is built (replaced by the Campaigns screens). */
export function CampaignsStage({ tab }: { tab: 'runs' | 'responses'; info: AppInfo; dbPath: string }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Campaigns</h1>
      </header>
      <section className="panel not-built" aria-label="About Campaigns" data-tab={tab}>
        <p>
          <strong>Not built yet in this version.</strong>
        </p>
      </section>
    </div>
  );
}
