/**
 * The desktop window's security settings and navigation rules, kept free of runtime electron
 * imports so a plain unit test can assert them.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Makes the desktop window, its security settings written out where it is constructed (so
 * Electronegativity, which reads the call, sees each one). The constructor is passed in: main
 * gives Electron's BrowserWindow, the unit test a stand-in that keeps the options.
 */
export function createSecureWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  preloadPath: string,
): W {
  return new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: 'Mainstreet',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A middle click must not open a link in a new window (Electronegativity's AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      // Chromium's PDF viewer, for the letter preview (a PDF the app made, in a blob: frame).
      plugins: true,
    },
  });
}

/** The options createSecureWindow gives Electron, for the unit test. */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  class Keep {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  return createSecureWindow(Keep, preloadPath).options;
}

/** The window may only ever show our own renderer: the built file or the dev server. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** Links that may open in the user's browser: https and mailto only. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return ['https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
