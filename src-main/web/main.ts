/** `npm run web`: serve the built renderer and the real API on loopback, print the URL. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, packageVersion, projectRoot, sourceWorkerPath } from '../app/paths';
import { startWebServer } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    db: { type: 'string' },
    port: { type: 'string' },
    'demo-customers': { type: 'string' },
  },
});

const staticDir = join(projectRoot(), 'out', 'renderer');
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error(`The renderer is not built (${staticDir} is missing). Run: npm run build`);
  process.exit(1);
}

const port = values.port ? Number(values.port) : 0;
const demoCustomers = values['demo-customers'] ? Number(values['demo-customers']) : undefined;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}
if (demoCustomers !== undefined && (!Number.isInteger(demoCustomers) || demoCustomers < 100)) {
  console.error(`--demo-customers must be a whole number of at least 100, got "${values['demo-customers']}"`);
  process.exit(2);
}

const server = await startWebServer({
  dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
  staticDir,
  port,
  version: packageVersion(),
  workerPath: sourceWorkerPath(),
  ...(values.db ? { dbPath: resolve(values.db) } : {}),
  ...(demoCustomers ? { demoCustomers } : {}),
});

console.log(`Mainstreet (browser mode) is running at ${server.url}`);
console.log('Only this machine can reach it. Press Ctrl+C to stop.');

const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
