import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { existsSync, rmSync } from 'node:fs';
import type { AppContext } from '../app/context';

const SQLITE_FILTERS = [{ name: 'Mainstreet database', extensions: ['sqlite', 'db'] }];

async function report(window: BrowserWindow, work: () => Promise<void> | void): Promise<void> {
  try {
    await work();
  } catch (error) {
    await dialog.showMessageBox(window, {
      type: 'error',
      message: 'That did not work.',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

export function buildMenu(window: BrowserWindow, context: AppContext): Menu {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        label: 'New database…',
        accelerator: 'CmdOrCtrl+N',
        click: () =>
          void report(window, async () => {
            const { canceled, filePath } = await dialog.showSaveDialog(window, {
              title: 'New Mainstreet database',
              defaultPath: 'bank.sqlite',
              filters: SQLITE_FILTERS,
            });
            if (canceled || !filePath) return;
            if (existsSync(filePath)) rmSync(filePath);
            context.open(filePath);
          }),
      },
      {
        label: 'Open…',
        accelerator: 'CmdOrCtrl+O',
        click: () =>
          void report(window, async () => {
            const { canceled, filePaths } = await dialog.showOpenDialog(window, {
              title: 'Open a Mainstreet database',
              properties: ['openFile'],
              filters: SQLITE_FILTERS,
            });
            const [path] = filePaths;
            if (!canceled && path) context.open(path);
          }),
      },
      {
        label: 'Rebuild demo bank',
        click: () =>
          void report(window, async () => {
            const { response } = await dialog.showMessageBox(window, {
              type: 'question',
              buttons: ['Rebuild', 'Cancel'],
              defaultId: 1,
              cancelId: 1,
              message: 'Rebuild the demo bank?',
              detail: 'The demo database is built again from generated files. Your own databases are not touched.',
            });
            if (response === 0) context.rebuildDemo({});
          }),
      },
      { type: 'separator' },
      {
        label: 'Back up…',
        accelerator: 'CmdOrCtrl+B',
        click: () =>
          void report(window, async () => {
            const stamp = new Date().toISOString().slice(0, 10);
            const { canceled, filePath } = await dialog.showSaveDialog(window, {
              title: 'Back up the open database',
              defaultPath: `mainstreet-backup-${stamp}.msbackup`,
              filters: [{ name: 'Mainstreet backup', extensions: ['msbackup'] }],
            });
            if (canceled || !filePath) return;
            await context.backup(filePath);
            await dialog.showMessageBox(window, {
              type: 'info',
              message: 'Encrypted backup saved.',
              detail: `${filePath}\n\nIt opens only with this computer's backup key (backup.key in the data folder) or your backup passphrase: keep a copy of the key somewhere safe.`,
            });
          }),
      },
      {
        label: 'Restore…',
        click: () =>
          void report(window, async () => {
            const { canceled, filePaths } = await dialog.showOpenDialog(window, {
              title: 'Restore a backup over the open database',
              properties: ['openFile'],
              filters: [{ name: 'Mainstreet backup', extensions: ['msbackup'] }],
            });
            const file = filePaths[0];
            if (canceled || !file) return;
            const held = context.previewBackup(file);
            const c = held.counts;
            const answer = await dialog.showMessageBox(window, {
              type: 'warning',
              buttons: ['Cancel', 'Restore'],
              defaultId: 0,
              cancelId: 0,
              message: `Restore the backup made ${new Date(held.created_at).toLocaleString()}?`,
              detail: `${file}\n\nIt holds ${c.customers} customers, ${c.accounts} accounts, ${c.audiences} audiences, ${c.runs} month runs and ${c.responses} responses.\n\nEverything done since it was made is replaced. The open database is backed up first (Settings › Backups), and the audit log keeps its entries.`,
            });
            if (answer.response !== 1) return;
            const outcome = await context.restore(file);
            await dialog.showMessageBox(window, {
              type: 'info',
              message: 'Backup restored.',
              detail: `Made ${outcome.created_at}: ${outcome.counts.customers} customers, ${outcome.counts.audiences} audiences, ${outcome.counts.runs} month runs.${outcome.previous ? `\n\nWhat it replaced: ${outcome.previous}` : ''}`,
            });
          }),
      },
      { type: 'separator' },
      { role: 'quit', label: 'Quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
