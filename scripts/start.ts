// `npm start`: build, then run the desktop app; where Electron cannot be fetched or started (no
// network for its binary), say so in one line and run the embedded service with the browser console.
// The fallback listens on DUTYDESK_PORT (default 8080) with its data in DUTYDESK_DB (default
// data/dutydesk.sqlite). DUTYDESK_CLOCK (an ISO instant) starts the demo clock there, as it does in
// the desktop app's embedded service (which reads it from the environment it inherits).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
let fellBack = false;
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, stdio: 'inherit' });

const built = run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
if (built.status !== 0) process.exit(built.status ?? 1);

// Resolving `electron` downloads its binary on first use; that fails fast without a network.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' });
const electronPath = probe.status === 0 ? probe.stdout.trim() : null;

const started = Date.now();
if (electronPath !== null) {
  const app = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  app.on('error', (error) => fallback(`Electron did not start (${error.message})`));
  app.on('exit', (code, signal) => {
    // A binary that cannot run on this machine (no display, missing libraries) exits at once.
    if (code !== 0 && signal === null && Date.now() - started < 5000) fallback(`Electron exited with code ${code}`);
    else process.exit(code ?? 0);
  });
} else {
  const detail = probe.stderr.split('\n').find((l) => l.includes('Error'))?.trim();
  fallback(`Electron is not available here: its binary could not be downloaded${detail ? ` (${detail})` : ''}`);
}

function fallback(why: string): void {
  // A binary that fails to spawn may report both 'error' and 'exit'.
  if (fellBack) return;
  fellBack = true;
  console.log(`${why}: starting the embedded ticket service with the browser console instead.`);
  const args = ['--demo', '--console', join(root, 'out/renderer'), '--port', process.env.DUTYDESK_PORT ?? '8080'];
  if (process.env.DUTYDESK_DB !== undefined) args.push('--db', process.env.DUTYDESK_DB);
  if (process.env.DUTYDESK_CLOCK !== undefined) args.push('--clock', process.env.DUTYDESK_CLOCK);
  const server = spawn(process.execPath, [join(root, 'server/cli.ts'), ...args], { cwd: root, stdio: 'inherit' });
  server.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
}
