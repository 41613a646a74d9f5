// `npm run web`: build the renderer, then serve it with the real API on 127.0.0.1 and print
// the URL. Pass --no-build to reuse the last build; other flags go to the server
// (--data-dir DIR, --db FILE, --port N, --demo-customers N).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const serverArgs = args.filter((a) => a !== '--no-build');
if (!skipBuild) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/web/main.ts', ...serverArgs], {
  stdio: 'inherit',
});
process.exit(server.status ?? 1);
