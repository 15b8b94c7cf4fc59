import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPgBinDir, startPgCluster, type PgCluster } from '../../support/pg-cluster.ts';
import { seedPeopleAt, startChildService, type ChildService } from '../../support/child-service.ts';
import { checkDurability, customerTokens, startWriteLoad } from '../../support/write-load.ts';

// PostgreSQL restarts (pg_ctl restart -m fast) while 50 clients write to the real service. A
// private cluster, so the shared one other suites use never stops. The service is not restarted.
const bin = findPgBinDir();

describe.skipIf(bin === null)('PostgreSQL restart under load', () => {
  let cluster: PgCluster;
  let service: ChildService;
  let location: string;
  beforeAll(async () => {
    cluster = await startPgCluster(bin as string);
    const admin = new pg.Client({ connectionString: `${cluster.baseUrl}/postgres` });
    await admin.connect();
    await admin.query('create database dutydesk');
    await admin.end();
    location = `${cluster.baseUrl}/dutydesk`;
    await seedPeopleAt(location);
    service = await startChildService(location);
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    cluster.destroy();
  });

  it('the service reconnects by itself, answers 503 meanwhile, and loses no acknowledged write', async () => {
    const load = startWriteLoad(service.url, await customerTokens(service.url), { clients: 50, pauseMs: 50 });
    await load.acknowledged(100);
    const before = load.tickets.length + load.messages.length;
    const restartStarted = performance.now();
    await cluster.restart('fast');
    const restartMs = performance.now() - restartStarted;
    const failedDuringRestart = load.failures.length;
    // Writes are acknowledged again without restarting the service.
    const recovered = await Promise.race([load.acknowledged(before + 150).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 20_000))]);
    await load.stop();
    expect(recovered, `no write acknowledged after the restart; failures: ${JSON.stringify(load.failures.slice(-3))}\n${service.stderr()}`).toBe(true);
    expect(service.process.exitCode).toBeNull();

    // Every refusal was a prompt, clear 503, never a hang, a dropped connection or a bare 500.
    const statuses = [...new Set(load.failures.map((f) => `${f.status} ${f.message ?? ''}`))];
    expect(statuses.filter((s) => !s.startsWith('503 unavailable: '))).toEqual([]);
    const durability = await checkDurability(location, load.tickets, load.messages);
    expect(durability.lost).toEqual([]);
    expect(durability.gaps).toEqual([]);
    console.info(`[figures] pg-restart: restart took ${Math.round(restartMs)} ms; ${load.tickets.length + load.messages.length} writes acknowledged (${before} before it), ${load.failures.length} answered 503 (${failedDuringRestart} while restarting, slowest ${Math.round(Math.max(0, ...load.failures.map((f) => f.ms)))} ms), ${durability.lost.length} lost, ${durability.gaps.length} gaps`);
  }, 90_000);
});
