// Takes the docs' screenshots with demo data: the queue in the browser console (README) and the
// customer portal at a phone's width (docs/portal.md).
// Usage: node scripts/screenshot.ts [queue.png [portal.png]]   (needs a built renderer: npm run build)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = process.argv[2] ?? join(root, 'docs/images/queue.png');
const portalOut = process.argv[3] ?? join(root, 'docs/images/portal.png');
const db = join(mkdtempSync(join(tmpdir(), 'dd-shot-')), 'demo.sqlite');
const server = spawn(process.execPath, [join(root, 'server/cli.ts'), '--demo', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => {
    const match = /listening on (\S+)/.exec(chunk.toString());
    if (match?.[1]) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const executablePath = existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium';
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(url);
  await page.getByLabel('Login', { exact: true }).fill(process.env.SHOT_LOGIN ?? 'anna');
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('grid').waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
  // The portal in its own context (a customer's sign-in; the console's token is not shared).
  const phone = await (await browser.newContext({ viewport: { width: 400, height: 860 } })).newPage();
  await phone.goto(`${url}/portal`);
  await phone.getByLabel('Login', { exact: true }).fill('gamma.user');
  await phone.getByLabel('Password', { exact: true }).fill('demo');
  await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
  await phone.getByRole('heading', { name: 'Your tickets' }).waitFor();
  await phone.waitForTimeout(1000);
  await phone.screenshot({ path: portalOut });
  console.log(`wrote ${portalOut}`);
} finally {
  await browser.close();
  server.kill();
}
