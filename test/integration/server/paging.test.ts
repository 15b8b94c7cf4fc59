/**
 * Paging over real HTTP on both engines (docs/oncall.md, "Paging"): the triggers after hours, the
 * ladder driven by the scheduler, acknowledgement, closing on resolve, nothing in working hours,
 * and a page that came due while the service was down. The roster is a stand-in passed as
 * `whoIsOnCall`; two instances on one PostgreSQL are in multi-instance.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../../shared/model/index.ts';
import { SATURDAY_3AM, WORKING_HOURS, fakeClock } from '../../support/clock.ts';
import { engines, freshDatabase, startTestService, useTestService, type TestService } from '../../support/service.ts';

const MIN = 60_000;
const PAGE_EVENTS = ['page.triggered', 'page.acknowledged', 'page.escalated', 'page.closed'] as const;
const JUSTIFICATION = 'all our inbound lines are down since midnight';
/** Friday 2026-11-27 17:45 in Kyiv: the desk is still open for a quarter of an hour. */
const FRIDAY_1745 = Date.parse('2026-11-27T15:45:00Z');

type PageEvent = Extract<ServiceEvent, { type: `page.${string}` }>;

describe.each(engines())('paging (%s)', (engine) => {
  // The roster's stand-in: boris primary, olga secondary, unless a test says otherwise.
  const roster: { primary: number | null; secondary: number | null } = { primary: null, secondary: null };
  const asked: number[] = [];
  let rosterFails = false;
  const t = useTestService(engine, {
    service: {
      whoIsOnCall: async (at) => {
        asked.push(at);
        if (rosterFails) throw new Error('the roster is broken');
        return { ...roster };
      },
    },
  });
  const id = (login: string): number => t.people.users.get(login) as number;
  const token = (login: string) => t.login(login);
  const onDuty = () => {
    roster.primary = id('boris');
    roster.secondary = id('olga');
  };

  async function fileTicket(): Promise<number> {
    const filed = await t.request('POST', '/api/v1/tickets', { token: await token('alpha.user'), body: { kind: 'problem', subject: 'Lines down', body: 'No calls come in.' } });
    expect(filed.status).toBe(201);
    return filed.body.ticket.id as number;
  }
  async function escalate(ticket: number): Promise<void> {
    const r = await t.request('POST', `/api/v1/tickets/${ticket}/escalate`, { token: await token('alpha.user'), body: { justification: JUSTIFICATION } });
    expect(r.status).toBe(200);
  }
  const pagesOf = async (ticket: number, state: 'open' | 'all' = 'all') =>
    ((await t.request('GET', `/api/v1/pages?state=${state}`, { token: await token('sofia') })).body.pages as { id: number; ticketId: number }[]).filter((p) => p.ticketId === ticket);
  const pageEvents = async (ticket: number) => {
    const rows = await t.db.kysely.selectFrom('events').select(['type', 'payload']).where('ticket_id', '=', ticket).where('type', 'in', PAGE_EVENTS).orderBy('seq').execute();
    return rows.map((r) => {
      const data = (JSON.parse(r.payload) as { data: PageEvent['data'] }).data;
      return [r.type, data.page.level, data.page.attempt, data.page.paged, ...('reminder' in data ? [data.reminder] : []), ...('by' in data ? [data.by.id] : [])];
    });
  };
  const auditOf = async (ticket: number) =>
    ((await t.request('GET', `/api/v1/tickets/${ticket}`, { token: await token('sofia') })).body.audit as { action: string; actor: { name: string } | null; detail: string | null }[])
      .filter((a) => a.action.startsWith('page'))
      .map((a) => [a.action, a.actor?.name ?? null, a.detail]);
  const ack = async (page: number, login: string) => t.request('POST', `/api/v1/pages/${page}/ack`, { token: await token(login) });

  it('an escalation at night pages the primary: the page, its event on the stream, its audit entry', async () => {
    onDuty();
    t.clock.set(SATURDAY_3AM);
    const socket = await t.events(await token('boris'));
    const ticket = await fileTicket();
    asked.length = 0;
    await escalate(ticket);
    expect(asked).toEqual([SATURDAY_3AM]);
    const event = await socket.next((e) => e.type === 'page.triggered' && e.ticketId === ticket, 'page.triggered');
    expect(event.data).toEqual({ page: { id: expect.any(Number), level: 'primary', attempt: 1, paged: [id('boris')], reason: 'escalated' }, reminder: false });
    const open = await t.request('GET', '/api/v1/pages', { token: await token('boris') });
    expect(open.status).toBe(200);
    expect(open.body.pages.filter((p: { ticketId: number }) => p.ticketId === ticket)).toEqual([
      {
        id: expect.any(Number), ticketId: ticket, state: 'open', level: 'primary', attempt: 1, paged: [id('boris')], notified: [id('boris')], reason: 'escalated',
        nextAt: SATURDAY_3AM + 5 * MIN, acknowledgedBy: null, acknowledgedAt: null, createdAt: SATURDAY_3AM, closedAt: null,
      },
    ]);
    expect(await auditOf(ticket)).toEqual([['paged', null, 'escalated: primary, pass 1: Boris Ivanov']]);
  });

  it('pages are for agents: customers get 403 and hear no page events', async () => {
    onDuty();
    t.clock.set(SATURDAY_3AM);
    const customer = await t.events(await token('alpha.user'));
    const ticket = await fileTicket();
    await escalate(ticket);
    expect((await t.request('GET', '/api/v1/pages', { token: await token('alpha.user') })).status).toBe(403);
    const [page] = await pagesOf(ticket);
    expect((await ack(page?.id ?? 0, 'alpha.user')).status).toBe(403);
    // The escalation is on the customer's stream; its page is not.
    await customer.next((e) => e.type === 'ticket.escalated' && e.ticketId === ticket, 'ticket.escalated');
    await t.request('POST', `/api/v1/tickets/${ticket}/messages`, { token: await token('alpha.user'), body: { type: 'reply', body: 'Any news?' } });
    await customer.next((e) => e.type === 'message.added' && e.ticketId === ticket, 'message.added');
    expect(customer.received.filter((e) => e.type.startsWith('page.'))).toEqual([]);
  });

  it('without an acknowledgement: the secondary after ackTimeout, then the managers, then the primary again', async () => {
    onDuty();
    t.clock.set(SATURDAY_3AM);
    const ticket = await fileTicket();
    await escalate(ticket);
    t.clock.advance(5 * MIN - 1);
    await t.service.scheduler.runDue();
    expect(await pageEvents(ticket)).toEqual([['page.triggered', 'primary', 1, [id('boris')], false]]);
    t.clock.advance(1);
    await t.service.scheduler.runDue();
    t.clock.advance(5 * MIN);
    await t.service.scheduler.runDue();
    t.clock.advance(5 * MIN);
    await t.service.scheduler.runDue();
    expect(await pageEvents(ticket)).toEqual([
      ['page.triggered', 'primary', 1, [id('boris')], false],
      ['page.escalated', 'secondary', 1, [id('olga')]],
      ['page.escalated', 'managers', 1, [id('sofia')]],
      ['page.escalated', 'primary', 2, [id('boris')]],
    ]);
    expect((await auditOf(ticket)).map((a) => a[2])).toEqual([
      'escalated: primary, pass 1: Boris Ivanov',
      'no acknowledgement: secondary, pass 1: Olga Shevchenko',
      'no acknowledgement: managers, pass 1: Sofia Tkachenko',
      'no acknowledgement: primary, pass 2: Boris Ivanov',
    ]);
    const [page] = await pagesOf(ticket);
    expect(page).toMatchObject({ state: 'open', level: 'primary', attempt: 2, notified: [id('boris'), id('olga'), id('sofia')] });
  });

  it('an empty secondary layer is skipped', async () => {
    roster.primary = id('boris');
    roster.secondary = null;
    t.clock.set(SATURDAY_3AM);
    const ticket = await fileTicket();
    await escalate(ticket);
    t.clock.advance(5 * MIN);
    await t.service.scheduler.runDue();
    expect((await pageEvents(ticket)).map((e) => e.slice(0, 3))).toEqual([['page.triggered', 'primary', 1], ['page.escalated', 'managers', 1]]);
  });

  it('the paged agent acknowledges: no more escalation, a reminder after remindAfter; a second ack is 409', async () => {
    onDuty();
    t.clock.set(SATURDAY_3AM);
    const ticket = await fileTicket();
    await escalate(ticket);
    const [page] = await pagesOf(ticket);
    const pageId = page?.id ?? 0;
    t.clock.advance(2 * MIN);
    // Someone the page was not sent to may not acknowledge it, and nothing changes.
    const stranger = await ack(pageId, 'anna');
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toBe('forbidden');
    const acked = await ack(pageId, 'boris');
    expect(acked.status).toBe(200);
    expect(acked.body.page).toMatchObject({ state: 'acknowledged', acknowledgedBy: { id: id('boris'), name: 'Boris Ivanov' }, acknowledgedAt: SATURDAY_3AM + 2 * MIN, nextAt: SATURDAY_3AM + 17 * MIN });
    const again = await ack(pageId, 'boris');
    expect(again.status).toBe(409);
    expect((await ack(pageId, 'sofia')).status).toBe(409);
    t.clock.advance(10 * MIN);
    await t.service.scheduler.runDue();
    expect(await pageEvents(ticket)).toEqual([
      ['page.triggered', 'primary', 1, [id('boris')], false],
      ['page.acknowledged', 'primary', 1, [id('boris')], id('boris')],
    ]);
    t.clock.advance(5 * MIN);
    await t.service.scheduler.runDue();
    expect((await pageEvents(ticket)).at(-1)).toEqual(['page.triggered', 'primary', 1, [id('boris')], true]);
    expect(await auditOf(ticket)).toEqual([
      ['paged', null, 'escalated: primary, pass 1: Boris Ivanov'],
      ['page_acknowledged', 'Boris Ivanov', 'primary, pass 1'],
      ['paged', null, 'reminder: Boris Ivanov'],
    ]);
  });

  it('a manager may acknowledge any page; an unknown page is 404, a malformed id 400', async () => {
    onDuty();
    t.clock.set(SATURDAY_3AM);
    const ticket = await fileTicket();
    await escalate(ticket);
    const [page] = await pagesOf(ticket);
    expect((await ack(page?.id ?? 0, 'sofia')).body.page).toMatchObject({ state: 'acknowledged', acknowledgedBy: { name: 'Sofia Tkachenko' } });
    expect((await ack(999_999, 'sofia')).status).toBe(404);
    expect((await ack(0, 'sofia')).status).toBe(400);
    expect((await t.request('GET', '/api/v1/pages?state=closed', { token: await token('sofia') })).status).toBe(400);
  });

  it('resolving the ticket closes its page: gone from the open list, page.closed, a later ack is 409, nothing more fires', async () => {
    onDuty();
    t.clock.set(SATURDAY_3AM);
    const ticket = await fileTicket();
    await escalate(ticket);
    const [page] = await pagesOf(ticket);
    t.clock.advance(MIN);
    expect((await t.request('POST', `/api/v1/tickets/${ticket}/resolve`, { token: await token('sofia'), body: { withoutReply: true } })).status).toBe(200);
    expect(await pagesOf(ticket, 'open')).toEqual([]);
    expect(await pagesOf(ticket, 'all')).toEqual([expect.objectContaining({ id: page?.id, state: 'closed', nextAt: null, closedAt: SATURDAY_3AM + MIN })]);
    expect((await ack(page?.id ?? 0, 'boris')).status).toBe(409);
    t.clock.advance(60 * MIN);
    await t.service.scheduler.runDue();
    expect((await pageEvents(ticket)).map((e) => e[0])).toEqual(['page.triggered', 'page.closed']);
  });

  it('a customer message on an escalated ticket pages after hours, once while its page is open', async () => {
    onDuty();
    t.clock.set(WORKING_HOURS);
    const ticket = await fileTicket();
    await escalate(ticket);
    t.clock.set(SATURDAY_3AM);
    const reply = async (body: string) => t.request('POST', `/api/v1/tickets/${ticket}/messages`, { token: await token('alpha.user'), body: { type: 'reply', body } });
    expect((await reply('Still down at night.')).status).toBe(201);
    expect((await reply('And now?')).status).toBe(201);
    const pages = await pagesOf(ticket);
    expect(pages).toEqual([expect.objectContaining({ state: 'open', reason: 'customer_message', level: 'primary' })]);
    expect((await pageEvents(ticket)).map((e) => e[0])).toEqual(['page.triggered']);
  });

  it('an escalation clock reaching its warning after hours pages; the same warning in working hours does not', async () => {
    onDuty();
    t.clock.set(FRIDAY_1745);
    const ticket = await fileTicket();
    t.clock.advance(5 * MIN);
    await escalate(ticket); // 17:50: the desk is open, no page
    expect(await pagesOf(ticket)).toEqual([]);
    const clocks = (await t.request('GET', `/api/v1/tickets/${ticket}`, { token: await token('sofia') })).body.ticket.sla.clocks as { target: string; warnAt: number }[];
    const warnAt = clocks.find((c) => c.target === 'escalation')?.warnAt ?? 0;
    expect(t.service.calendar.isWorkingTime(warnAt)).toBe(false); // 18:05
    t.clock.set(warnAt);
    await t.service.scheduler.runDue();
    expect(await pagesOf(ticket)).toEqual([expect.objectContaining({ state: 'open', reason: 'sla_warning', paged: [id('boris')] })]);

    // In working hours the same warning only warns.
    t.clock.set(WORKING_HOURS);
    const day = await fileTicket();
    await escalate(day);
    t.clock.advance(15 * MIN);
    await t.service.scheduler.runDue();
    const warned = await t.db.kysely.selectFrom('events').select('payload').where('ticket_id', '=', day).where('type', '=', 'sla.warning').execute();
    expect(warned.map((w) => (JSON.parse(w.payload) as { data: { clock: { target: string } } }).data.clock.target)).toContain('escalation');
    expect(await pagesOf(day)).toEqual([]);
  });

  it('a failing roster does not fail the escalation: the managers are paged', async () => {
    onDuty();
    t.clock.set(SATURDAY_3AM);
    const ticket = await fileTicket();
    rosterFails = true;
    try {
      await escalate(ticket);
    } finally {
      rosterFails = false;
    }
    expect(await pagesOf(ticket)).toEqual([expect.objectContaining({ state: 'open', level: 'managers', paged: [id('sofia')] })]);
  });

  it('nothing pages in working hours: escalation and customer messages', async () => {
    onDuty();
    t.clock.set(WORKING_HOURS);
    const ticket = await fileTicket();
    asked.length = 0;
    await escalate(ticket);
    await t.request('POST', `/api/v1/tickets/${ticket}/messages`, { token: await token('alpha.user'), body: { type: 'reply', body: 'Please hurry.' } });
    expect(asked).toEqual([]);
    expect(await pagesOf(ticket)).toEqual([]);
    expect(await pageEvents(ticket)).toEqual([]);
  });
});

describe.each(engines())('paging across a restart (%s)', (engine) => {
  it('a page due while the service was down fires at the next run, once', async () => {
    const fresh = await freshDatabase(engine);
    const clock = fakeClock(SATURDAY_3AM);
    let boris = 0;
    const options = { clock, location: fresh.location, service: { whoIsOnCall: async () => ({ primary: boris, secondary: null }) } };
    let first: TestService | undefined;
    let second: TestService | undefined;
    try {
      first = await startTestService(engine, options);
      boris = first.people.users.get('boris') as number;
      const customer = await first.login('alpha.user');
      const filed = await first.request('POST', '/api/v1/tickets', { token: customer, body: { kind: 'problem', subject: 'Down', body: 'x' } });
      const ticket = filed.body.ticket.id as number;
      await first.request('POST', `/api/v1/tickets/${ticket}/escalate`, { token: customer, body: { justification: JUSTIFICATION } });
      await first.close();
      first = undefined;
      // Down for 20 minutes; the page was due after 5.
      clock.advance(20 * MIN);
      second = await startTestService(engine, options);
      const db = () => (second as TestService).db;
      const types = async () => (await db().kysely.selectFrom('events').select('type').where('ticket_id', '=', ticket).where('type', 'in', PAGE_EVENTS).orderBy('seq').execute()).map((r) => r.type);
      expect(await types()).toEqual(['page.triggered']);
      await second.service.scheduler.runDue();
      await second.service.scheduler.runDue();
      expect(await types()).toEqual(['page.triggered', 'page.escalated']);
      const page = await second.db.kysely.selectFrom('pages').selectAll().where('ticket_id', '=', ticket).executeTakeFirstOrThrow();
      expect(page).toMatchObject({ level: 'managers', attempt: 1, next_at: SATURDAY_3AM + 25 * MIN });
    } finally {
      await first?.close();
      await second?.close();
      await fresh.drop();
    }
  });
});
