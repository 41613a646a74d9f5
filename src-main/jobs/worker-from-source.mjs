// The worker entry when running from TypeScript source (CLI, browser mode, tests): register
// tsx in this thread, then run the real worker. The desktop app uses the bundled worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
