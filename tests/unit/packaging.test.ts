/**
 * The packaging config (electron-builder.yml), checked without building (Electron's binary is
 * not on this machine): electron-builder reads it and validates it against its own schema,
 * and it targets Windows and macOS with the fuses that shut Node-style doors in the binary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures';

const root = join(FIXTURES, '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: (string | { filter: string[] })[];
  asar?: boolean;
  asarUnpack?: string[];
  extraResources?: { from: string; to?: string }[];
  electronFuses?: Record<string, boolean>;
  win?: { target: { target: string }[] };
  mac?: { target: { target: string }[]; hardenedRuntime?: boolean; category?: string };
  directories?: { output?: string };
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, options: null) => Promise<BuilderConfig>;
  validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('packaging', () => {
  it('electron-builder reads and validates the config', async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'org.mainstreet.desktop', productName: 'Mainstreet', asar: true });
    expect(config.directories?.output).toBe('dist');
    // The validator is a real check: a misspelt fuse is refused.
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('targets Windows (NSIS) and macOS (a hardened-runtime dmg)', async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    expect(config.win?.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac?.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, category: 'public.app-category.business' });
  });

  it('sets the fuses: no running as Node, no NODE_OPTIONS or --inspect, the app only from its checked ASAR', async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app, its fonts and the Electron build of SQLite, and none of the sources or tests', async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    const files = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(['out/**', 'package.json', '!**/*.map']);
    for (const pattern of files) expect(pattern).not.toMatch(/src-|tests|docs|shared|\.sqlite/);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // Without a `to`, into the packaged app's resources folder itself.
    expect(config.extraResources?.map((r) => [r.from, r.to ?? ''])).toEqual([
      ['resources', ''],
      ['build/electron-native', 'native'],
    ]);
    // Where the app looks for them once packaged.
    expect(readFileSync(join(root, 'src-main', 'electron', 'native-binding.ts'), 'utf8')).toContain(
      "join(resourcesPath, 'native', 'better_sqlite3.node')",
    );
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --win --mac --config electron-builder.yml');
  });
});
