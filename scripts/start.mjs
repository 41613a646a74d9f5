// `npm start`: build and open the desktop app. Where Electron's binary is missing (an offline
// install), say so and point to browser mode instead of failing with a stack trace.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

if (!electronBinary(join(dirname(fileURLToPath(import.meta.url)), '..'))) {
  console.error('Mainstreet: the Electron binary is not installed on this machine, so the desktop');
  console.error('window cannot open. Run `node node_modules/electron/install.js` when online, or use');
  console.error('browser mode, which runs the same app on 127.0.0.1:  npm run web');
  process.exit(1);
}
const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
