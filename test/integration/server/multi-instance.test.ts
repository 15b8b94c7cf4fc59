/** Two service instances on one PostgreSQL: events cross via LISTEN/NOTIFY; scheduler jobs run once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { fakeClock, SATURDAY_3AM, WORKING_HOURS } from '../../support/clock.ts';
import { freshDatabase, startTestService, type TestService } from '../../support/service.ts';

const MIN = 60_000;
const PAGE_EVENTS = ['page.triggered', 'page.acknowledged', 'page.escalated', 'page.closed'] as const;

describe.skipIf(inject('pgBaseUrl') === null)('two instances on one PostgreSQL', () => {
  let a: TestService;
  let b: TestService;
  let drop: () => Promise<void>;
  const clock = fakeClock(WORKING_HOURS);
  beforeAll(async () => {
    const fresh = await freshDatabase('postgres');
    drop = fresh.drop;
    a = await startTestService('postgres', { clock, location: fresh.location });
    b = await startTestService('postgres', { clock, location: fresh.location });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await drop();
  });

  it('an event committed through instance A reaches a WebSocket on instance B', async () => {
    const onB = await b.events(await b.login('anna'));
    const r = await a.request('POST', '/api/v1/tickets', { token: await a.login('alpha.user'), body: { kind: 'bug', subject: 'via A', body: 'x' } });
    expect(r.status).toBe(201);
    const e = await onB.next((x) => x.type === 'ticket.created' && x.ticketId === r.body.ticket.id, 'ticket.created from A');
    expect(e.ticket?.subject).toBe('via A');
  });

  it('sla.breached for one clock is emitted exactly once across both schedulers', async () => {
    clock.set(WORKING_HOURS);
    const r = await a.request('POST', '/api/v1/tickets', { token: await a.login('beta.user'), body: { kind: 'problem', subject: 'race', body: 'x' } });
    clock.set(WORKING_HOURS + 25 * MIN);
    const total = async () => Number((await a.db.kysely.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('type', 'in', ['sla.warning', 'sla.breached']).executeTakeFirstOrThrow()).n);
    const before = await total();
    const counts = await Promise.all([a.service.scheduler.runDue(), b.service.scheduler.runDue()]);
    const rows = await a.db.kysely.selectFrom('events').select('type').where('ticket_id', '=', r.body.ticket.id).where('type', 'in', ['sla.warning', 'sla.breached']).execute();
    expect(rows.map((x) => x.type)).toEqual(['sla.breached']);
    // Each event written was claimed by exactly one of the two.
    expect(counts.reduce((s, n) => s + n, 0)).toBe((await total()) - before);
  });

  it('outage.warning and outage.overlong of each outage are emitted exactly once across both schedulers', async () => {
    const start = WORKING_HOURS + 2 * 60 * MIN;
    clock.set(start);
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      const filed = await a.request('POST', '/api/v1/tickets', { token: await a.login('alpha.user'), body: { kind: 'problem', subject: `outage race ${i}`, body: 'x' } });
      const declared = await (i % 2 === 0 ? a : b).request('POST', '/api/v1/outages', { token: await (i % 2 === 0 ? a : b).login('anna'), body: { groups: ['autodialer'], summary: 'race', ticketId: filed.body.ticket.id } });
      expect(declared.status).toBe(201);
      ids.push(declared.body.outage.id as number);
    }
    const alarms = async () =>
      (await a.db.kysely.selectFrom('events').select(['type', 'payload']).where('type', 'in', ['outage.warning', 'outage.overlong']).orderBy('seq').execute())
        .map((e) => `${(JSON.parse(e.payload) as { data: { outage: { id: number } } }).data.outage.id} ${e.type}`)
        .filter((e) => ids.includes(Number(e.split(' ')[0])));
    const total = async () => Number((await a.db.kysely.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await total();
    let written = 0;
    for (const at of [start + 20 * MIN, start + 30 * MIN]) {
      clock.set(at);
      written += (await Promise.all([a.service.scheduler.runDue(), b.service.scheduler.runDue()])).reduce((s, n) => s + n, 0);
    }
    expect((await alarms()).sort()).toEqual(ids.flatMap((id) => [`${id} outage.overlong`, `${id} outage.warning`]).sort());
    // Each event written (the tickets' SLA events too) was claimed by exactly one of the two.
    expect(written).toBe((await total()) - before);
  });

  it('each step of a page (escalations, a reminder) fires exactly once across both schedulers', async () => {
    clock.set(SATURDAY_3AM);
    const customer = await a.login('alpha.user');
    const r = await a.request('POST', '/api/v1/tickets', { token: customer, body: { kind: 'problem', subject: 'night race', body: 'x' } });
    const ticket = r.body.ticket.id as number;
    // Nobody on the roster in this suite: the page goes to the managers, pass after pass.
    await b.request('POST', `/api/v1/tickets/${ticket}/escalate`, { token: customer, body: { justification: 'all our inbound lines are down since midnight' } });
    const pageEvents = async () =>
      (await a.db.kysely.selectFrom('events').select(['type', 'payload']).where('ticket_id', '=', ticket).where('type', 'in', PAGE_EVENTS).orderBy('seq').execute()).map(
        (e) => [e.type, (JSON.parse(e.payload) as { data: { page: { attempt: number } } }).data.page.attempt],
      );
    for (let step = 0; step < 3; step++) {
      clock.advance(5 * MIN);
      await Promise.all([a.service.scheduler.runDue(), b.service.scheduler.runDue()]);
    }
    expect(await pageEvents()).toEqual([['page.triggered', 1], ['page.escalated', 2], ['page.escalated', 3]]);
    const [page] = (await b.request('GET', '/api/v1/pages', { token: await b.login('sofia') })).body.pages.filter((p: { ticketId: number }) => p.ticketId === ticket);
    // Both instances acknowledge at once: one wins, the other is told 409.
    const acks = await Promise.all([a.request('POST', `/api/v1/pages/${page.id}/ack`, { token: await a.login('sofia') }), b.request('POST', `/api/v1/pages/${page.id}/ack`, { token: await b.login('sofia') })]);
    expect(acks.map((x) => x.status).sort()).toEqual([200, 409]);
    clock.advance(15 * MIN);
    await Promise.all([a.service.scheduler.runDue(), b.service.scheduler.runDue()]);
    expect((await pageEvents()).slice(3)).toEqual([['page.acknowledged', 3], ['page.triggered', 3]]);
  });
});
