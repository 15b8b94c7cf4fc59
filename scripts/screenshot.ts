// Takes the docs' screenshots with demo data on demo clocks, so they come out the same on any day:
// the queue at 11:00 on a working Wednesday and at 02:00 on a Saturday night (README), and the
// customer portal at a phone's width (docs/portal.md).
// Usage: node scripts/screenshot.ts [out-dir]   (default docs/images; needs a built renderer: npm run build)
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = process.argv[2] ?? join(root, 'docs/images');

/** A demo service on a demo clock; its URL and how to stop it. */
async function demoService(clock: string): Promise<{ url: string; stop: () => void }> {
  const db = join(mkdtempSync(join(tmpdir(), 'dd-shot-')), 'demo.sqlite');
  const server = spawn(process.execPath, [join(root, 'server/cli.ts'), '--demo', '--clock', clock, '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => server.kill() };
}

/** Signs `login` in on the page at `url` (the console's or the portal's sign-in). */
async function signIn(browser: Browser, url: string, login: string, viewport: { width: number; height: number }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(url);
  await page.getByLabel('Login', { exact: true }).fill(login);
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  return page;
}

const executablePath = existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium';
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
const shots: readonly { file: string; clock: string; login: string; path: string; wide: boolean }[] = [
  { file: 'queue.png', clock: '2026-11-25T09:00:00Z', login: 'anna', path: '/', wide: true },
  { file: 'queue-night.png', clock: '2026-11-28T00:00:00Z', login: 'boris', path: '/', wide: true },
  { file: 'portal.png', clock: '2026-11-25T09:00:00Z', login: 'gamma.user', path: '/portal', wide: false },
];
try {
  for (const shot of shots) {
    const service = await demoService(shot.clock);
    try {
      const page = await signIn(browser, `${service.url}${shot.path}`, shot.login, shot.wide ? { width: 1440, height: 860 } : { width: 400, height: 860 });
      await (shot.wide ? page.getByRole('grid').waitFor() : page.getByRole('heading', { name: 'Your tickets' }).waitFor());
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(outDir, shot.file) });
      console.log(`wrote ${join(outDir, shot.file)}`);
    } finally {
      service.stop();
    }
  }
} finally {
  await browser.close();
}
