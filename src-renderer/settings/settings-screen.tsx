import type { AppInfo } from '../../src-shared/domain';
import { AuditLogView } from '../audit/audit-log-view';
import { navigate } from '../lib/router';
import { Tabs } from '../shell/tabs';
import { BankNamesPanel } from './bank-names';
import { HouseholdRulePanel } from './household-rule';
import { MerchantRulesPanel } from './merchant-rules';

type SettingsTab = 'general' | 'audit-log';

const TABS: { id: SettingsTab; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'audit-log', label: 'Audit log' },
];

function GeneralSettings({ info }: { info: AppInfo }) {
  return (
    <>
      <section className="panel" aria-label="About this installation">
        <dl className="fields wide">
          <dt>Version</dt>
          <dd data-testid="settings-version">{info.version}</dd>
          <dt>Mode</dt>
          <dd>{info.mode === 'desktop' ? 'Desktop app' : 'Browser mode (this computer only, 127.0.0.1)'}</dd>
          <dt>Data folder</dt>
          <dd className="path">{info.data_dir}</dd>
          <dt>Open database</dt>
          <dd className="path">{info.db_path ?? 'None'}</dd>
        </dl>
        <p className="muted">
          New database, Open, Rebuild demo bank and Back up are in the File menu of the desktop app. Customer data stays
          in the files above; Mainstreet makes no network connections.
        </p>
      </section>
      {info.db_path && <BankNamesPanel />}
      {info.db_path && <HouseholdRulePanel />}
      {info.db_path && <MerchantRulesPanel />}
    </>
  );
}

/** Settings: this installation and the bank's rules, and the audit log of every change people made. */
export function SettingsScreen({ tab, info }: { tab: SettingsTab; info: AppInfo }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Settings</h1>
      </header>
      <Tabs
        label="Settings"
        idPrefix="settings"
        tabs={TABS}
        value={tab}
        onChange={(next) => navigate(next === 'general' ? { screen: 'settings' } : { screen: 'audit-log' })}
      />
      <div className="tab-panel" role="tabpanel" id="settings-panel" aria-labelledby={`settings-tab-${tab}`}>
        {tab === 'general' ? <GeneralSettings info={info} /> : info.db_path ? <AuditLogView /> : null}
      </div>
    </div>
  );
}
