/**
 * The desktop app's entry: one locked-down window, the File menu, and the API wired to IPC.
 * Everything else lives in plain Node modules that tests use without Electron.
 */
import { app, BrowserWindow, ipcMain, Menu, shell, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName, Events } from '../../src-shared/events';
import { dispatch } from '../api/dispatch';
import { AppContext } from '../app/context';
import { buildMenu } from './menu';
import { electronNativeBinding } from './native-binding';
import { createSecureWindow, isAppUrl, isSafeExternalUrl } from './window-options';

app.setName('Mainstreet');
const here = dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;

const appUrl = process.env.ELECTRON_RENDERER_URL ?? `file://${join(here, '../renderer/index.html')}`;

function send<E extends EventName>(event: E, payload: Events[E]): void {
  mainWindow?.webContents.send('api:event', { event, payload });
}

const context = new AppContext({
  dataDir: process.env.MAINSTREET_DATA_DIR ?? app.getPath('userData'),
  mode: 'desktop',
  version: app.getVersion(),
  workerPath: join(here, 'worker.js'),
  nativeBinding: electronNativeBinding(app.getAppPath(), process.resourcesPath),
  emit: send,
});

ipcMain.handle('api:invoke', async (event, channel: unknown, input: unknown) => {
  // Only our own window may call; anything else (another frame, a stray webContents) is ignored.
  if (!mainWindow || BrowserWindow.fromWebContents(event.sender) !== mainWindow) return undefined;
  if (!event.senderFrame || !isAppUrl(event.senderFrame.url, appUrl)) return undefined;
  return dispatch(context, channel, input);
});

function createWindow(): void {
  const window = createSecureWindow(BrowserWindow, join(here, '../preload/index.cjs'));
  mainWindow = window;
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  Menu.setApplicationMenu(buildMenu(window, context));
  void window.loadURL(appUrl);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  // No permission (camera, notifications, geolocation…) is ever granted to the page.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  context.start();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Closing backs the bank up first: the quit waits for it (once).
let closed = false;
app.on('before-quit', (event) => {
  if (closed) return;
  event.preventDefault();
  closed = true;
  void context.close().finally(() => app.quit());
});
