import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

function builtConsole(): string {
  const root = mkdtempSync(join(tmpdir(), 'dd-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>DutyDesk</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(root, 'assets/app.js'), 'console.log("console")');
  return root;
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
    expect((await fetch(`${url}/../../etc/passwd`)).status).toBe(404);
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
