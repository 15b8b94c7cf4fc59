import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` where Electron cannot run: one clear line, then the service with the browser console.
// ELECTRON_OVERRIDE_DIST_PATH (Electron's own override) points at an empty folder, so on every
// machine, with or without a network, the binary cannot start and nothing is downloaded.
const root = join(import.meta.dirname, '../../..');

describe('npm start', () => {
  it('says in one line that Electron cannot run, then serves the browser console', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-start-'));
    const db = join(dir, 'start.sqlite');
    const child = spawn(process.execPath, [join(root, 'scripts/start.ts')], {
      cwd: root,
      env: { ...process.env, DUTYDESK_PORT: '0', DUTYDESK_DB: db, ELECTRON_OVERRIDE_DIST_PATH: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
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
      const notice = output.split('\n').filter((l) => l.startsWith('Electron'));
      expect(notice).toHaveLength(1);
      expect(notice[0]).toMatch(/^Electron did not start \(.*\): starting the embedded ticket service with the browser console instead\.$/);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>DutyDesk</title>');
      const info = (await (await fetch(`${url}/api/v1/info`)).json()) as { demo: boolean };
      expect(info.demo).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  }, 180_000);
});
