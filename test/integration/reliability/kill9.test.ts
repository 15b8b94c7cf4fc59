import { afterAll, describe, expect, it } from 'vitest';
import { startChildService } from '../../support/child-service.ts';
import { seedPeopleAt } from '../../support/child-service.ts';
import { engines, freshDatabase } from '../../support/service.ts';
import { checkDurability, customerTokens, startWriteLoad, type AckedMessage, type AckedTicket } from '../../support/write-load.ts';

// kill -9 of the real service (a child process) while 50 clients write: every write it
// acknowledged with a 2xx is in the database after the restart, with its event, and `seq` has no gap.
// DUTYDESK_KILLS=9 for a longer run by hand; CI keeps 3 per engine.
const KILLS = Number(process.env.DUTYDESK_KILLS ?? 3);
const CLIENTS = 50;

describe.each(engines())('kill -9 under load (%s)', (engine) => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it(`loses no acknowledged write across ${KILLS} kills`, async () => {
    const { location, drop } = await freshDatabase(engine);
    drops.push(drop);
    await seedPeopleAt(location);
    const tickets: AckedTicket[] = [];
    const messages: AckedMessage[] = [];
    const started = performance.now();
    for (let kill = 0; kill < KILLS; kill++) {
      const service = await startChildService(location);
      const load = startWriteLoad(service.url, await customerTokens(service.url), { clients: CLIENTS });
      // Kill at a different point each time, always with many requests in flight.
      await load.acknowledged(60 + Math.floor(Math.random() * 100));
      await service.kill9();
      await load.stop();
      tickets.push(...load.tickets);
      messages.push(...load.messages);
      const after = await checkDurability(location, tickets, messages);
      expect(after.lost, `after kill ${kill + 1}`).toEqual([]);
      expect(after.gaps, `after kill ${kill + 1}`).toEqual([]);
    }
    // And the service starts again on what the kills left.
    const last = await startChildService(location);
    const health = await fetch(`${last.url}/api/v1/info`);
    await last.stop();
    expect(health.status).toBe(200);
    const final = await checkDurability(location, tickets, messages);
    expect(final.lost).toEqual([]);
    expect(final.gaps).toEqual([]);
    expect(tickets.length).toBeGreaterThan(0);
    expect(messages.length).toBeGreaterThan(0);
    console.info(`[figures] kill9 ${engine}: ${KILLS} kills, ${tickets.length + messages.length} writes acknowledged (${tickets.length} tickets, ${messages.length} messages), ${final.events} events, ${final.lost.length} lost, ${final.gaps.length} gaps, ${Math.round(performance.now() - started)} ms`);
  }, 120_000);
});
