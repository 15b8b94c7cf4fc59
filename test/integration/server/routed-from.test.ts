/** A routed ticket says who sent it and why, to agents only (issue 12): list, detail, and never to its customer. */
import { describe, expect, it } from 'vitest';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('routedFrom on %s', (engine) => {
  const t = useTestService(engine);

  const file = async (login: string, subject: string, kind = 'problem') => {
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login(login), body: { kind, subject, body: 'It does not work.' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket as { id: number; routedFrom: unknown };
  };
  const post = async (login: string, id: number, action: string, body?: unknown) => {
    const r = await t.request('POST', `/api/v1/tickets/${id}/${action}`, { token: await t.login(login), body });
    expect(r.status, JSON.stringify(r.body)).toBe(action === 'messages' ? 201 : 200);
    return r.body;
  };
  const detail = async (login: string, id: number) => (await t.request('GET', `/api/v1/tickets/${id}`, { token: await t.login(login) })).body.ticket;
  const inList = async (login: string, id: number) => {
    const r = await t.request('GET', '/api/v1/tickets?view=all', { token: await t.login(login) });
    expect(r.status).toBe(200);
    return (r.body.tickets as { id: number; routedFrom: unknown }[]).find((x) => x.id === id);
  };

  it("an agent's list and detail show who routed the ticket, from where and why; a fresh ticket shows none", async () => {
    const ticket = await file('alpha.user', 'Exports fail');
    expect(ticket.routedFrom).toBeNull();
    expect((await detail('anna', ticket.id)).routedFrom).toBeNull();
    t.clock.advance(MIN);
    const at = t.clock.now();
    const routed = await post('anna', ticket.id, 'route', { tier: 'l2-analysts', reason: 'needs the server logs' });
    const expected = { fromTier: 'l1', by: { id: t.people.users.get('anna'), name: 'Anna Kovalenko' }, reason: 'needs the server logs', at, outOfTurn: false };
    expect(routed.ticket.routedFrom).toEqual(expected);
    expect((await detail('olga', ticket.id)).routedFrom).toEqual(expected);
    expect((await inList('olga', ticket.id))?.routedFrom).toEqual(expected);
  });

  it('a ticket routed L1 -> L2 -> L1 shows the latest routing; a manager\'s move off the path is out of turn', async () => {
    const ticket = await file('beta.user', 'Report totals wrong');
    await post('anna', ticket.id, 'route', { tier: 'l2-analysts', reason: 'looks like a data issue' });
    t.clock.advance(MIN);
    await post('olga', ticket.id, 'route', { tier: 'l1', reason: 'data is fine, a settings question' });
    expect((await inList('anna', ticket.id))?.routedFrom).toMatchObject({ fromTier: 'l2-analysts', by: { name: 'Olga Shevchenko' }, reason: 'data is fine, a settings question', outOfTurn: false });
    t.clock.advance(MIN);
    await post('sofia', ticket.id, 'route', { tier: 'l4', reason: 'straight to the developers' });
    expect((await detail('ivan', ticket.id)).routedFrom).toMatchObject({ fromTier: 'l1', by: { name: 'Sofia Tkachenko' }, reason: 'straight to the developers', outOfTurn: true });
  });

  it('an escalated ticket is no longer "routed": it arrived by escalation', async () => {
    const ticket = await file('gamma.user', 'Everything is down');
    await post('anna', ticket.id, 'route', { tier: 'l2-analysts', reason: 'server side' });
    await post('gamma.user', ticket.id, 'escalate', { justification: 'we are losing orders' });
    expect((await detail('sofia', ticket.id)).routedFrom).toBeNull();
  });

  it("the customer's list, detail, command replies and events never carry the routing (null, no reason text)", async () => {
    const token = await t.login('alpha.user');
    const socket = await t.events(token);
    try {
      const ticket = await file('alpha.user', 'Invoices missing');
      await post('anna', ticket.id, 'route', { tier: 'l2-analysts', reason: 'secret internal reason' });
      expect((await detail('alpha.user', ticket.id)).routedFrom).toBeNull();
      expect((await inList('alpha.user', ticket.id))?.routedFrom).toBeNull();
      const replied = await post('alpha.user', ticket.id, 'messages', { type: 'reply', body: 'Any news?' });
      expect(replied.ticket.routedFrom).toBeNull();
      expect(replied.ticket.ola).toBeNull();
      await socket.next((e) => e.type === 'message.added' && e.ticketId === ticket.id && JSON.stringify(e).includes('Any news?'), 'the customer\'s own message');
      expect(JSON.stringify(socket.received)).not.toContain('secret internal reason');
    } finally {
      socket.close();
    }
  });
});
