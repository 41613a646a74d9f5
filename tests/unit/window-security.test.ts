import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, secureWindowOptions } from '../../src-main/electron/window-options';
import { FIXTURES } from '../helpers/fixtures';

const root = join(FIXTURES, '..', '..');

describe('the desktop window is locked down', () => {
  const prefs = secureWindowOptions('/app/out/preload/index.cjs').webPreferences ?? {};

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('navigates only within our own renderer', () => {
    const built = 'file:///app/out/renderer/index.html';
    expect(isAppUrl('file:///app/out/renderer/index.html#/customers', built)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl('https://example.com/', built)).toBe(false);
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/#/home', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });

  it('hands only https and mailto links to the system browser', () => {
    expect(isSafeExternalUrl('https://www.fdic.gov/')).toBe(true);
    expect(isSafeExternalUrl('mailto:compliance@bank.example')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', '']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('main wires the guards: navigation, new windows, IPC sender checks, permissions', () => {
    const main = readFileSync(join(root, 'src-main', 'electron', 'main.ts'), 'utf8');
    expect(main).toMatch(/'will-navigate'[\s\S]*preventDefault/);
    expect(main).toMatch(/setWindowOpenHandler[\s\S]*action: 'deny'/);
    expect(main).toMatch(/BrowserWindow\.fromWebContents\(event\.sender\) !== mainWindow/);
    expect(main).toMatch(/setPermissionRequestHandler[\s\S]*callback\(false\)/);
    expect(main).toMatch(/will-attach-webview[\s\S]*preventDefault/);
  });

  it('the preload exposes only invoke and on, for contract names only', () => {
    const preload = readFileSync(join(root, 'src-main', 'electron', 'preload.ts'), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('api'/);
    expect(preload).toMatch(/isChannel\(channel\)/);
    expect(preload).toMatch(/isEventName\(event\)/);
    expect(preload).not.toMatch(/process\.env|require\(/);
  });

  it('the page carries a strict Content-Security-Policy', () => {
    const html = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).not.toMatch(/https?:/);
  });
});
