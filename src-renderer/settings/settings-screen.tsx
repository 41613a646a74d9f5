import type { AppInfo } from '../../src-shared/domain';
import { AuditLogView } from '../audit/audit-log-view';
import { navigate } from '../lib/router';
import { Tabs } from '../shell/tabs';
import { BackupsPanel } from './backups-panel';
import { BankNamesPanel } from './bank-names';
import { PeoplePanel } from './people-panel';
import { PrivacyPanel } from './privacy-panel';
import { HouseholdRulePanel } from './household-rule';
import { MerchantRulesPanel } from './merchant-rules';

type SettingsTab = 'general' | 'people' | 'backups' | 'privacy' | 'audit-log';

const TABS: { id: SettingsTab; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'people', label: 'People' },
  { id: 'backups', label: 'Backups' },
  { id: 'privacy', label: 'Privacy' },
  { id: 'audit-log', label: 'Audit log' },
];

function TabContent({ tab, info }: { tab: SettingsTab; info: AppInfo }) {
  if (tab === 'general') return <GeneralSettings info={info} />;
  if (!info.db_path) return null;
  if (tab === 'people') return <PeoplePanel />;
  if (tab === 'backups') return <BackupsPanel />;
  if (tab === 'privacy') return <PrivacyPanel />;
  return <AuditLogView />;
}

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
          New database, Open and Rebuild demo bank are in the File menu of the desktop app; Back up and Restore are also
          under Backups. Customer data stays in the files above; Mainstreet makes no network connections.
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
        onChange={(next) => navigate(next === 'general' ? { screen: 'settings' } : { screen: next })}
      />
      <div className="tab-panel" role="tabpanel" id="settings-panel" aria-labelledby={`settings-tab-${tab}`}>
        <TabContent tab={tab} info={info} />
      </div>
    </div>
  );
}
