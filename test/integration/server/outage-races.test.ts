/**
 * Outage commands racing each other, on both engines: locks in one order (the outage row, then
 * the ticket row) keep the start the earliest receipt and a ticket in one outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKING_HOURS } from '../../support/clock.ts';
import { isUniqueViolation } from '../../../server/db/unique.ts';
import { insertOutageTicket } from '../../../server/store/outages.ts';
import { engines, startTestService, type TestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('outage races on %s', (engine) => {
  let t: TestService & { drop: () => Promise<void> };
  // Every call moves time on by 1 ms, as in take-races.test.ts; receipts are spaced by hand below.
  let tick = WORKING_HOURS;
  beforeAll(async () => {
    t = await startTestService(engine, { service: { now: () => tick++ } });
    for (const login of ['anna', 'boris', 'alpha.user']) await t.login(login);
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  /** A ticket received at `at`. */
  const file = async (at: number) => {
    tick = at;
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login('alpha.user'), body: { kind: 'problem', subject: 'Down', body: 'x' } });
    expect(r.status).toBe(201);
    return { id: r.body.ticket.id as number, at: r.body.ticket.createdAt as number };
  };
  const declare = async (ticketId: number) => {
    const r = await t.request('POST', '/api/v1/outages', { token: await t.login('anna'), body: { groups: ['inbound'], summary: 'race', ticketId } });
    expect(r.status).toBe(201);
    return r.body.outage.id as number;
  };
  const link = async (login: string, id: number, ticketId: number) => t.request('POST', `/api/v1/outages/${id}/tickets`, { token: await t.login(login), body: { ticketId } });

  it('two agents linking two earlier tickets at once: both linked, the start is the earliest receipt (30 races)', async () => {
    for (let i = 0; i < 30; i++) {
      const base = WORKING_HOURS + i * 60 * MIN;
      const earliest = await file(base);
      const middle = await file(base + 10 * MIN);
      const declaring = await file(base + 20 * MIN);
      const id = await declare(declaring.id);
      // Alternate which link carries the earliest receipt, so whichever commits last would win without the lock.
      const [first, second] = i % 2 === 0 ? [earliest, middle] : [middle, earliest];
      const replies = await Promise.all([link('anna', id, first.id), link('boris', id, second.id)]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      const outage = (await t.request('GET', `/api/v1/outages/${id}`, { token: await t.login('anna') })).body;
      expect({ i, startedAt: outage.outage.startedAt, count: outage.outage.ticketCount }).toEqual({ i, startedAt: earliest.at, count: 3 });
    }
  }, 60_000);

  it('one ticket linked to two outages at once: one 200, one 409 naming the winner; one link, one audit entry (30 races)', async () => {
    for (let i = 0; i < 30; i++) {
      const base = WORKING_HOURS + 40 * 60 * MIN + i * 60 * MIN;
      const a = await declare((await file(base)).id);
      const b = await declare((await file(base + MIN)).id);
      const contested = await file(base + 2 * MIN);
      const replies = await Promise.all([link('anna', a, contested.id), link('boris', b, contested.id)]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = replies[0]?.status === 200 ? a : b;
      expect(replies.find((r) => r.status === 409)?.body.message).toBe(`ticket #${contested.id} is already in outage #${winner}`);
      const ticket = (await t.request('GET', `/api/v1/tickets/${contested.id}`, { token: await t.login('anna') })).body;
      expect(ticket.ticket.outage?.id).toBe(winner);
      expect(ticket.audit.filter((x: { action: string }) => x.action === 'outage_linked').map((x: { detail: string }) => x.detail)).toEqual([`outage #${winner}`]);
    }
  }, 60_000);

  it('the primary key is the last line: a second link of a ticket is a unique violation, told apart from other failures', async () => {
    const ticket = await file(WORKING_HOURS + 100 * 60 * MIN);
    const id = await declare(ticket.id);
    const anna = t.people.users.get('anna') ?? 0;
    const failure = async (work: () => Promise<unknown>) => work().then(() => null, (error: unknown) => error);
    const duplicate = await failure(() => insertOutageTicket(t.db.kysely, id, ticket.id, tick, anna));
    expect(duplicate).toBeInstanceOf(Error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    // A missing outage breaks the foreign key, not the key.
    const missing = await failure(async () => insertOutageTicket(t.db.kysely, 999_999, (await file(tick)).id, tick, anna));
    expect(missing).toBeInstanceOf(Error);
    expect(isUniqueViolation(missing)).toBe(false);
  });
});
