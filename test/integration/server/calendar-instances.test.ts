/**
 * Two instances on one PostgreSQL agree on the support calendar (R7, issue 10): a change made
 * through one reaches the other's live calendar when its hub dispatches calendar.changed, and on
 * start; and an instance that has not heard of a change yet never writes a due time counted on the
 * calendar it replaced.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CALENDAR_CONFIG } from '../../../shared/sla/index.ts';
import { fakeClock } from '../../support/clock.ts';
import { freshDatabase, startTestService, type TestService } from '../../support/service.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { at } from '../../support/time.ts';

const TODAY = '2026-11-25';

describe.skipIf(inject('pgBaseUrl') === null)('the support calendar on two instances of one PostgreSQL', () => {
  let a: TestService;
  let b: TestService;
  let proxy: TcpProxy;
  let location: string;
  let drop: () => Promise<void>;
  const clock = fakeClock(at(`${TODAY} 17:30`));
  const started: TestService[] = [];

  beforeAll(async () => {
    const fresh = await freshDatabase('postgres');
    ({ location, drop } = fresh);
    // B hears other instances' commits through this line, which the tests cut.
    const url = new URL(location);
    proxy = await startTcpProxy(url.hostname, Number(url.port));
    url.port = String(proxy.port);
    a = await startTestService('postgres', { clock, location });
    b = await startTestService('postgres', { clock, location, service: { listenUrl: url.toString() } });
    started.push(a, b);
  });
  afterAll(async () => {
    for (const s of started) await s.close();
    await proxy.close();
    await drop();
  });

  const file = async (on: TestService, local: string): Promise<number> => {
    clock.set(at(local));
    const r = await on.request('POST', '/api/v1/tickets', { token: await on.login('alpha.user'), body: { kind: 'problem', subject: local, body: 'x' } });
    expect(r.status).toBe(201);
    return r.body.ticket.id as number;
  };
  const dueOn = async (on: TestService, id: number): Promise<number> => (await on.request('GET', `/api/v1/tickets/${id}`, { token: await on.login('anna') })).body.ticket.sla.dueAt;
  const storedDue = async (id: number): Promise<number> => Number((await a.db.kysely.selectFrom('tickets').select('sla_due_at').where('id', '=', id).executeTakeFirstOrThrow()).sla_due_at);

  it('a change through A reaches B: its clock, its tickets and its customers, once its hub dispatches the event', async () => {
    const id = await file(b, `${TODAY} 17:30`);
    expect(await dueOn(b, id)).toBe(at(`${TODAY} 17:50`));
    const customerOnB = await b.events(await b.login('beta.user'));
    clock.set(at(`${TODAY} 17:40`));
    const r = await a.request('PUT', '/api/v1/admin/calendar', { token: await a.login('admin'), body: { ...DEFAULT_CALENDAR_CONFIG, holidays: [TODAY] } });
    expect(r.status).toBe(200);
    await customerOnB.next((e) => e.type === 'calendar.changed', 'calendar.changed on B');
    // B adopted the calendar before any socket heard of it, so a console refetching now sees it.
    expect((await b.request('GET', '/api/v1/clock')).body).toMatchObject({ isWorkingDay: false, nextOpening: at('2026-11-26 09:00'), calendar: { holidays: [TODAY] } });
    expect(await dueOn(b, id)).toBe(at('2026-11-26 09:10'));
    expect(await dueOn(a, id)).toBe(at('2026-11-26 09:10'));
  });

  it('an instance that has not heard of a change yet adopts it inside its next command, so it never stores a due time of the old calendar', async () => {
    clock.set(at('2026-11-26 17:00'));
    proxy.cut();
    try {
      // Thursday becomes a holiday too, through A; B's line is cut, so no NOTIFY reaches it.
      const r = await a.request('PUT', '/api/v1/admin/calendar', { token: await a.login('admin'), body: { ...DEFAULT_CALENDAR_CONFIG, holidays: [TODAY, '2026-11-26'] } });
      expect(r.status).toBe(200);
      // A customer files through B at 17:10: B's transaction finds the newer calendar first, so the ticket is due Friday 09:20, not 17:30 today.
      const id = await file(b, '2026-11-26 17:10');
      expect(await storedDue(id)).toBe(at('2026-11-27 09:20'));
      expect(await dueOn(b, id)).toBe(at('2026-11-27 09:20'));
      expect((await b.request('GET', '/api/v1/clock')).body.calendar.holidays).toEqual([TODAY, '2026-11-26']);
    } finally {
      proxy.restore();
    }
  });

  it('an instance started later reads the stored calendar and its history', async () => {
    const c = await startTestService('postgres', { clock, location });
    started.push(c);
    expect((await c.request('GET', '/api/v1/clock')).body.calendar.holidays).toEqual([TODAY, '2026-11-26']);
    // The first ticket's clock, counted on the calendar's history: 10 minutes on Wednesday before it became a holiday at
    // 17:40, 10 on Thursday morning, long before Thursday became one too (at 17:00).
    const first = (await c.request('GET', '/api/v1/tickets?view=all', { token: await c.login('anna') })).body.tickets.find((x: { subject: string }) => x.subject === `${TODAY} 17:30`);
    expect(first.sla.clocks[0].dueAt).toBe(at('2026-11-26 09:10'));
  });
});
