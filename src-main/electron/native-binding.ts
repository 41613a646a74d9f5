import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from the Node build that tests and
 * the CLI use (see scripts/postinstall.mjs). Packaged apps carry it in resources/.
 */
export function electronNativeBinding(appRoot: string, resourcesPath: string): string | undefined {
  const candidates = [
    join(resourcesPath, 'native', 'better_sqlite3.node'),
    join(appRoot, 'build', 'electron-native', 'better_sqlite3.node'),
  ];
  return candidates.find((path) => existsSync(path));
}
