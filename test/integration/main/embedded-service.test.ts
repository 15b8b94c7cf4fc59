/** The desktop app's embedded service (no Electron needed): DUTYDESK_CLOCK starts its demo clock; the demo and the own workspace. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedService, workspaceFile } from '../../../main/embedded-service.ts';

const dirs: string[] = [];
const userData = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-embedded-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const get = async (url: string): Promise<any> => (await fetch(url)).json(); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('embedded service clock', () => {
  it('runs on the demo clock given (DUTYDESK_CLOCK) and says so', async () => {
    const service = await startEmbeddedService(userData(), '2025-03-01T00:00:00Z');
    try {
      const start = Date.parse('2025-03-01T00:00:00Z');
      const clock = await get(`${service.url}/api/v1/clock`);
      expect(clock.now).toBeGreaterThanOrEqual(start);
      expect(clock.now).toBeLessThan(start + 3600_000);
      expect(await get(`${service.url}/api/v1/info`)).toMatchObject({ demo: true, clock: 'demo' });
    } finally {
      await service.close();
    }
  }, 120_000);

  it('runs on the real clock without it', async () => {
    const service = await startEmbeddedService(userData(), undefined);
    try {
      expect(await get(`${service.url}/api/v1/info`)).toMatchObject({ demo: true, clock: 'real' });
    } finally {
      await service.close();
    }
  }, 120_000);

  it('refuses an invalid instant before creating anything', async () => {
    await expect(startEmbeddedService(userData(), 'saturday night')).rejects.toThrow('is not an ISO 8601 instant with an offset');
  });
});

describe('embedded workspaces', () => {
  it('the own workspace is a second SQLite file that starts empty and waits for setup, while the demo file stays as it was', async () => {
    const dir = userData();
    const demo = await startEmbeddedService(dir, undefined, 'demo');
    await demo.close();
    const demoBytes = readFileSync(workspaceFile(dir, 'demo'));

    const own = await startEmbeddedService(dir, '2025-03-01T00:00:00Z', 'own');
    try {
      expect(own.workspace).toBe('own');
      expect(own.demoLogins).toEqual([]);
      expect(own.setupCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      // No demo data and the real clock: a demo clock is for demo data.
      expect(await get(`${own.url}/api/v1/info`)).toMatchObject({ demo: false, clock: 'real', setup: true, demoLogins: [] });
      const setup = await fetch(`${own.url}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: own.setupCode, organization: 'Acme Telecom', admin: { login: 'olena', name: 'Olena Shevchenko', password: 'long enough secret' } }),
      });
      expect(setup.status).toBe(201);
    } finally {
      await own.close();
    }
    expect(existsSync(workspaceFile(dir, 'own'))).toBe(true);
    expect(readFileSync(workspaceFile(dir, 'demo')).equals(demoBytes)).toBe(true);

    // Back and forth: each keeps what it had.
    const again = await startEmbeddedService(dir, undefined, 'own');
    try {
      expect(again.setupCode).toBeNull();
      expect(await get(`${again.url}/api/v1/info`)).toMatchObject({ setup: false, organization: 'Acme Telecom' });
    } finally {
      await again.close();
    }
    const back = await startEmbeddedService(dir, undefined, 'demo');
    try {
      expect(back.setupCode).toBeNull();
      const info = await get(`${back.url}/api/v1/info`);
      expect(info).toMatchObject({ demo: true, setup: false });
      expect(info.demoLogins.length).toBeGreaterThan(5);
      expect((await fetch(`${back.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'anna', password: 'demo' }) })).status).toBe(200);
    } finally {
      await back.close();
    }
  }, 180_000);

  it('each start of an own workspace not yet set up makes a new code', async () => {
    const dir = userData();
    const first = await startEmbeddedService(dir, undefined, 'own');
    await first.close();
    const second = await startEmbeddedService(dir, undefined, 'own');
    try {
      expect(second.setupCode).not.toBeNull();
      expect(second.setupCode).not.toBe(first.setupCode);
    } finally {
      await second.close();
    }
  }, 60_000);
});
