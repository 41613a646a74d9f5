// After `npm install`: make the desktop app runnable where it can be.
// 1. Electron's binary: npm (11.19+) only runs dependency install scripts listed in
//    package.json's allowScripts, and electron's is left out on purpose: its download fails
//    offline and would fail the whole install. We run it here and tolerate failure.
// 2. better-sqlite3 for Electron's ABI: node_modules keeps the Node build (tests, CLI, browser
//    mode); a second copy compiled against Electron's headers goes to build/electron-native/,
//    and the app loads it through better-sqlite3's `nativeBinding` option.
// Neither step is needed for `npm test`, the CLI or `npm run web`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary as findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => console.log(`[mainstreet] ${line}`);

const electronBinary = () => findElectronBinary(root);

function installElectron() {
  if (process.env.MAINSTREET_SKIP_ELECTRON === '1') return;
  if (electronBinary()) return;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return;
  say('Downloading the Electron binary for the desktop app…');
  const result = spawnSync(process.execPath, [installer], { cwd: dirname(installer), stdio: 'pipe', timeout: 300_000 });
  if (result.status !== 0 || !electronBinary()) {
    say('The Electron binary could not be downloaded (offline?). The desktop window needs it;');
    say('tests, the CLI and browser mode (npm run web) work without it.');
  }
}

function buildElectronSqlite() {
  const binary = electronBinary();
  const out = join(root, 'build', 'electron-native', 'better_sqlite3.node');
  if (!binary) return;
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const stamp = join(root, 'build', 'electron-native', `electron-${electronVersion}`);
  if (existsSync(out) && existsSync(stamp)) return;
  say(`Compiling better-sqlite3 for Electron ${electronVersion} (a few minutes, once)…`);
  const work = join(root, 'build', 'electron-native', 'src');
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`),
  });
  // npm hands its own node-gyp to lifecycle scripts; outside one, npx fetches it.
  const gyp = process.env.npm_config_node_gyp;
  const [command, prefix] = gyp ? [process.execPath, [gyp]] : ['npx', ['--yes', 'node-gyp']];
  const result = spawnSync(
    command,
    [
      ...prefix,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    say('Could not compile better-sqlite3 for Electron; the desktop app will not open a database.');
    return;
  }
  mkdirSync(dirname(out), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), out);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  rmSync(work, { recursive: true, force: true });
  say(`Electron build of better-sqlite3 ready: ${out}`);
}

installElectron();
buildElectronSqlite();
