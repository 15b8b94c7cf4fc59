/**
 * An outage declared outside working time pages the agent on call (docs/availability.md, "Paging"),
 * with the real roster (set through PUT /api/v1/oncall/schedule) and the real paging ladder, on both engines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SATURDAY_3AM, WORKING_HOURS } from '../../support/clock.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('outage paging (%s)', (engine) => {
  const t = useTestService(engine);
  const id = (login: string): number => t.people.users.get(login) as number;
  beforeAll(async () => {
    // Boris is primary and Olga secondary every week, from before the tests' dates.
    const rotation = (agents: number[]) => ({ agents, start: '2026-11-23', handovers: [{ weekday: 1, time: '09:00' }], rotateAt: { weekday: 1, time: '09:00' } });
    const r = await t.request('PUT', '/api/v1/oncall/schedule', { token: await t.login('sofia'), body: { primary: rotation([id('boris')]), secondary: rotation([id('olga')]) } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  async function file(): Promise<number> {
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login('alpha.user'), body: { kind: 'problem', subject: 'Dialer down', body: 'Nothing dials.' } });
    expect(r.status).toBe(201);
    return r.body.ticket.id as number;
  }
  const declare = async (ticketId: number) => t.request('POST', '/api/v1/outages', { token: await t.login('anna'), body: { groups: ['autodialer'], summary: 'Dialer down', ticketId } });
  const pagesOf = async (ticket: number) =>
    ((await t.request('GET', '/api/v1/pages?state=all', { token: await t.login('sofia') })).body.pages as { ticketId: number }[]).filter((p) => p.ticketId === ticket);

  it('declared at 03:00 on a Saturday: the primary on call is paged on the declaring ticket, with its event and audit entry', async () => {
    t.clock.set(SATURDAY_3AM);
    const boris = await t.events(await t.login('boris'));
    const ticket = await file();
    t.clock.advance(2 * MIN);
    expect((await declare(ticket)).status).toBe(201);
    expect(await pagesOf(ticket)).toEqual([expect.objectContaining({ state: 'open', level: 'primary', attempt: 1, paged: [id('boris')], reason: 'outage', createdAt: SATURDAY_3AM + 2 * MIN })]);
    const event = await boris.next((e) => e.type === 'page.triggered' && e.ticketId === ticket, 'page.triggered');
    expect(event.data).toMatchObject({ page: { reason: 'outage', paged: [id('boris')] }, reminder: false });
    const audit = (await t.request('GET', `/api/v1/tickets/${ticket}`, { token: await t.login('sofia') })).body.audit as { action: string; detail: string }[];
    expect(audit.filter((a) => a.action === 'paged').map((a) => a.detail)).toEqual(['outage: primary, pass 1: Boris Ivanov']);
    // Unacknowledged, it climbs the ladder like any page.
    t.clock.advance(5 * MIN);
    await t.service.scheduler.runDue();
    expect(await pagesOf(ticket)).toEqual([expect.objectContaining({ level: 'secondary', paged: [id('olga')] })]);
  });

  it('linking more tickets at night pages nobody again', async () => {
    t.clock.set(SATURDAY_3AM + 60 * MIN);
    const first = await file();
    const outage = (await declare(first)).body.outage.id as number;
    const second = await file();
    expect((await t.request('POST', `/api/v1/outages/${outage}/tickets`, { token: await t.login('anna'), body: { ticketId: second } })).status).toBe(200);
    expect(await pagesOf(first)).toHaveLength(1);
    expect(await pagesOf(second)).toEqual([]);
  });

  it('restoring the outage closes its page; a page raised for another reason on that ticket stays', async () => {
    t.clock.set(SATURDAY_3AM + 120 * MIN);
    const ticket = await file();
    const outage = (await declare(ticket)).body.outage.id as number;
    const anna = await t.login('anna');
    expect((await t.request('POST', `/api/v1/outages/${outage}/restore`, { token: anna })).status).toBe(200);
    expect(await pagesOf(ticket)).toEqual([expect.objectContaining({ reason: 'outage', state: 'closed', closedAt: SATURDAY_3AM + 120 * MIN })]);

    // An escalation's page is not the outage's to close.
    const escalated = await file();
    const customer = await t.login('alpha.user');
    await t.request('POST', `/api/v1/tickets/${escalated}/escalate`, { token: customer, body: { justification: 'every campaign has stopped dialing tonight' } });
    const second = (await declare(escalated)).body.outage.id as number;
    expect((await t.request('POST', `/api/v1/outages/${second}/restore`, { token: anna })).status).toBe(200);
    expect(await pagesOf(escalated)).toEqual([expect.objectContaining({ reason: 'escalated', state: 'open' })]);
  });

  it('declared in working time: nobody is paged', async () => {
    t.clock.set(WORKING_HOURS);
    const ticket = await file();
    expect((await declare(ticket)).status).toBe(201);
    expect(await pagesOf(ticket)).toEqual([]);
  });
});
