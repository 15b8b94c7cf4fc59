import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index.ts';
import { createService, type Service } from '../../../server/service.ts';
import { CONSOLE_CSP } from '../../../shared/csp.ts';

// The browser console and the login screen's demo logins, on a real service over HTTP.
let running: { service: Service; close: () => Promise<void> } | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: { demo: boolean; consoleRoot: string | null }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-console-'));
  const db = await openDatabase(join(dir, 'db.sqlite'));
  const service = await createService({ db, schedulerIntervalMs: 0, ...options });
  const url = await service.listen(0, '127.0.0.1');
  running = { service, close: async () => { await service.close(); await db.close(); } };
  return url;
}

/** A secret beside the console root, which no request may read. */
const SECRET = 'secret-beside-the-console-root';

function builtConsole(): string {
  const parent = mkdtempSync(join(tmpdir(), 'dd-renderer-'));
  writeFileSync(join(parent, 'secret.txt'), SECRET);
  const root = join(parent, 'console');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>DutyDesk</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(root, 'assets/app.js'), 'console.log("console")');
  writeFileSync(join(root, 'portal.html'), '<!doctype html><title>DutyDesk portal</title><script type="module" src="./assets/portal.js"></script>');
  return root;
}

/** GET `path` exactly as written, over a raw TCP socket; the status and the whole response. */
function rawGet(url: string, path: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
}

describe('browser console', () => {
  it('serves the built renderer at / with a strict CSP', async () => {
    const url = await start({ demo: false, consoleRoot: builtConsole() });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(await page.text()).toContain('<title>DutyDesk</title>');
    const script = await fetch(`${url}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves the customer portal at /portal, with the same CSP and its assets beside the console\'s', async () => {
    const url = await start({ demo: false, consoleRoot: builtConsole() });
    const page = await fetch(`${url}/portal`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(await page.text()).toContain('<title>DutyDesk portal</title>');
    // Its relative asset paths resolve from /portal to /assets/.
    expect(new URL('./assets/portal.js', `${url}/portal`).pathname).toBe('/assets/portal.js');
    // Without the built renderer there is no portal either.
    await running?.close();
    const bare = await start({ demo: false, consoleRoot: null });
    expect((await fetch(`${bare}/portal`)).status).toBe(404);
  });

  it('serves nothing outside the console root, however the path is spelled', async () => {
    const url = await start({ demo: false, consoleRoot: builtConsole() });
    // fetch (and every browser) resolves `/../` before sending: a raw socket sends the path as written.
    const ok = await rawGet(url, '/assets/app.js');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('console.log("console")');
    const attacks = [
      '/../secret.txt',
      '/../../../../../../etc/passwd',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/..;/secret.txt',
    ];
    for (const path of attacks) {
      const r = await rawGet(url, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.text, path).not.toContain(SECRET);
      expect(r.text, path).not.toMatch(/root:.*:0:0:/);
    }
  });

  it('serves no console without a built renderer, while the API works', async () => {
    const url = await start({ demo: false, consoleRoot: null });
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/api/v1/clock`)).status).toBe(200);
  });
});

describe('GET /api/v1/info', () => {
  it('lists the demo logins only when the service runs with demo data', async () => {
    const url = await start({ demo: true, consoleRoot: null });
    const info = (await (await fetch(`${url}/api/v1/info`)).json()) as { demo: boolean; demoLogins: { login: string; role: string }[] };
    expect(info.demo).toBe(true);
    expect(info.demoLogins).toEqual(expect.arrayContaining([
      expect.objectContaining({ login: 'anna', role: 'agent' }),
      expect.objectContaining({ login: 'sofia', role: 'manager' }),
      expect.objectContaining({ login: 'alpha.user', role: 'customer' }),
    ]));
    await running?.close();
    running = undefined;
    const plain = await start({ demo: false, consoleRoot: null });
    expect(await (await fetch(`${plain}/api/v1/info`)).json()).toMatchObject({ name: 'DutyDesk', demo: false, demoLogins: [] });
  });
});
