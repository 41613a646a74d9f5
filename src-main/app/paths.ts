import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The same folder Electron's app.getPath('userData') gives for an app named Mainstreet. */
export function defaultDataDir(): string {
  const env = process.env;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Mainstreet');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Mainstreet');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Mainstreet');
}

/** The project root when running from source (tsx): src-main/app/ is two levels down. */
export function projectRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function sourceWorkerPath(): string {
  return join(projectRoot(), 'src-main', 'jobs', 'worker-from-source.mjs');
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** A file under resources/ (fonts, the demo's parameters): beside the source, or in a packaged app's resources. */
export function resourcePath(...parts: string[]): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [join(projectRoot(), 'resources', ...parts), ...(packaged ? [join(packaged, ...parts)] : [])];
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}
