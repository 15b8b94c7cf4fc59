/** The desktop app's embedded service (no Electron needed): DUTYDESK_CLOCK starts its demo clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedService } from '../../../main/embedded-service.ts';

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
