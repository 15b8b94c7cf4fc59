/** `npm run serve -- --demo --clock <instant>`: the real CLI as a child process, its clock as callers see it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index.ts';
import { seedPeople } from '../../../server/demo/people.ts';
import { startChildService } from '../../support/child-service.ts';
import { changedTables, digestDatabase } from '../../support/db-digest.ts';

const CLI = join(import.meta.dirname, '../../../server/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'dd-demo-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = async (url: string): Promise<any> => (await fetch(url)).json(); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the demo clock', () => {
  it('--demo --clock starts the service at that instant, running forward; info says clock "demo"; the demo data is seeded around it', async () => {
    const service = await startChildService(join(dir, 'demo.sqlite'), { args: ['--demo', '--clock', '2025-03-01T00:00:00Z'] });
    try {
      const start = Date.parse('2025-03-01T00:00:00Z');
      const clock = await get(`${service.url}/api/v1/clock`);
      // Forward from the instant, at normal speed: well under an hour after it, never before it.
      expect(clock.now).toBeGreaterThanOrEqual(start);
      expect(clock.now).toBeLessThan(start + 3600_000);
      // 02:00 on a Saturday in Kyiv: not working time.
      expect(clock).toMatchObject({ zone: 'Europe/Kyiv', isWorkingTime: false, isWorkingDay: false });
      const later = await get(`${service.url}/api/v1/clock`);
      expect(later.now).toBeGreaterThanOrEqual(clock.now);
      expect(await get(`${service.url}/api/v1/info`)).toMatchObject({ demo: true, clock: 'demo' });

      const token = ((await (await fetch(`${service.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'sofia', password: 'demo' }) })).json()) as { token: string }).token;
      const list = ((await (await fetch(`${service.url}/api/v1/tickets?view=all`, { headers: { authorization: `Bearer ${token}` } })).json()) as { tickets: { createdAt: number }[] }).tickets;
      expect(list.length).toBeGreaterThan(0);
      // Seeded relative to the demo instant: nothing lies in its future, and the newest are minutes old to it.
      const newest = Math.max(...list.map((t) => t.createdAt));
      expect(newest).toBeLessThanOrEqual(start);
      expect(newest).toBeGreaterThan(start - 40 * 60_000);
    } finally {
      await service.stop();
    }
  }, 120_000);

  it('without --clock the clock is the real one and info says so', async () => {
    const service = await startChildService(join(dir, 'real.sqlite'), { args: [] });
    try {
      const before = Date.now();
      const clock = await get(`${service.url}/api/v1/clock`);
      expect(clock.now).toBeGreaterThanOrEqual(before);
      expect(await get(`${service.url}/api/v1/info`)).toMatchObject({ demo: false, clock: 'real' });
    } finally {
      await service.stop();
    }
  }, 60_000);

  it('--clock on a database without accounts (a trial of the first start) runs on that clock and prints the setup code', async () => {
    const service = await startChildService(join(dir, 'trial.sqlite'), { args: ['--clock', '2026-11-30T08:00:00Z'] });
    try {
      const clock = await get(`${service.url}/api/v1/clock`);
      expect(clock.now).toBeGreaterThanOrEqual(Date.parse('2026-11-30T08:00:00Z'));
      expect(clock.now).toBeLessThan(Date.parse('2026-11-30T09:00:00Z'));
      expect(await get(`${service.url}/api/v1/info`)).toMatchObject({ demo: false, clock: 'demo', setup: true });
    } finally {
      await service.stop();
    }
  }, 60_000);

  it('refuses --clock without --demo on a database with accounts, and changes nothing in it', async () => {
    const location = join(dir, 'desk.sqlite');
    const db = await openDatabase(location);
    await seedPeople(db.kysely, 'hash', 1000);
    const before = await digestDatabase(db);
    await db.close();
    const run = spawnSync(process.execPath, [CLI, '--db', location, '--port', '0', '--clock', '2025-03-01T00:00:00Z'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--clock is only allowed with --demo (demo data) or on a database without accounts (a trial)');
    expect(run.stdout).not.toContain('listening on');
    const reopened = await openDatabase(location);
    try {
      expect(changedTables(before, await digestDatabase(reopened))).toEqual([]);
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it.each([
    { args: ['--demo', '--clock', '2026-11-28 02:00'], message: 'is not an ISO 8601 instant with an offset' },
    { args: ['--demo', '--clock', '2026-02-30T00:00:00Z'], message: 'is not an ISO 8601 instant with an offset' },
  ])('refuses $args with a clear message, exits non-zero and creates no database', ({ args, message }) => {
    const db = join(dir, `refused-${Math.random().toString(36).slice(2)}.sqlite`);
    const run = spawnSync(process.execPath, [CLI, '--db', db, '--port', '0', ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stdout).not.toContain('listening on');
    expect(existsSync(db)).toBe(false);
  }, 60_000);
});
