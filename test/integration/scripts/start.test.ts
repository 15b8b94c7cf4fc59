import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` where Electron cannot run: one clear line, then the service with the browser console.
const root = join(import.meta.dirname, '../../..');
const electronInstalled = existsSync(join(root, 'node_modules/electron/dist'));

/** Runs scripts/start.ts until it prints the console's URL; returns the URL and the output. */
async function start(env: Record<string, string>): Promise<{ url: string; output: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-start-'));
  const child = spawn(process.execPath, [join(root, 'scripts/start.ts')], {
    cwd: root,
    env: { ...process.env, DUTYDESK_PORT: '0', DUTYDESK_DB: join(dir, 'start.sqlite'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /browser console: (http:\/\/\S+?)\/?$/m.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return { url, output, stop: () => child.kill('SIGTERM') };
}

async function expectConsole(url: string): Promise<void> {
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>DutyDesk</title>');
  expect(((await (await fetch(`${url}/api/v1/info`)).json()) as { demo: boolean }).demo).toBe(true);
}

const electronLines = (output: string) => output.split('\n').filter((l) => l.startsWith('Electron'));

describe('npm start', () => {
  // A closed mirror and an empty cache: the download fails at once on any machine.
  it.skipIf(electronInstalled)('says in one line that the Electron binary cannot be downloaded, then serves the browser console', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'dd-electron-cache-'));
    const run = await start({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache });
    try {
      expect(electronLines(run.output)).toEqual([expect.stringMatching(/^Electron is not available here: its binary could not be downloaded.*: starting the embedded ticket service with the browser console instead\.$/)]);
      await expectConsole(run.url);
    } finally {
      run.stop();
    }
  }, 180_000);

  // Electron's own override pointing at an empty folder: a binary that cannot start, anywhere.
  it('says in one line that Electron did not start, then serves the browser console', async () => {
    const run = await start({ ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'dd-no-electron-')) });
    try {
      expect(electronLines(run.output)).toEqual([expect.stringMatching(/^Electron did not start \(.*\): starting the embedded ticket service with the browser console instead\.$/)]);
      await expectConsole(run.url);
    } finally {
      run.stop();
    }
  }, 180_000);
});
