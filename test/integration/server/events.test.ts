/** The WebSocket event stream and the SLA scheduler, on SQLite and PostgreSQL. */
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { WORKING_HOURS } from '../../support/clock.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('events and scheduler on %s', (engine) => {
  const t = useTestService(engine);
  const file = async (login: string, kind = 'problem') => {
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login(login), body: { kind, subject: 'Queue frozen', body: 'No calls since 9:00.' } });
    return r.body.ticket as { id: number };
  };
  const post = async (login: string, id: number, action: string, body?: unknown) => t.request('POST', `/api/v1/tickets/${id}/${action}`, { token: await t.login(login), body });

  it('refuses an unauthenticated socket with 401', async () => {
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/v1/events?token=forged`);
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });

  it('agents get every event; customers only their client’s, never internal notes or routing (only that their row changed)', async () => {
    const agent = await t.events(await t.login('anna'));
    const alpha = await t.events(await t.login('alpha.user'));
    const beta = await t.events(await t.login('beta.user'));
    const ticket = await file('alpha.user');
    const created = await agent.next((e) => e.type === 'ticket.created' && e.ticketId === ticket.id);
    expect(created.ticket).toMatchObject({ id: ticket.id, tier: 'l1', status: 'new', sla: { state: 'running' } });
    await alpha.next((e) => e.type === 'ticket.created' && e.ticketId === ticket.id);
    await post('anna', ticket.id, 'messages', { type: 'note', body: 'internal' });
    await post('anna', ticket.id, 'route', { tier: 'l2-analysts', reason: 'analysis' });
    await post('olga', ticket.id, 'messages', { type: 'reply', body: 'Looking into it' });
    const routed = await agent.next((e) => e.type === 'ticket.routed' && e.ticketId === ticket.id);
    expect(routed.data).toMatchObject({ fromTier: 'l1', toTier: 'l2-analysts', reason: 'analysis', outOfTurn: false });
    const reply = await alpha.next((e) => e.type === 'message.added' && e.data.message.type === 'reply');
    // The reply came after the note and the route: the customer heard of each only that the row changed.
    const toAlpha = alpha.received.filter((e) => e.ticketId === ticket.id);
    expect(toAlpha.map((e) => e.type)).toEqual(['ticket.created', 'message.added', 'ticket.updated', 'ticket.updated', 'message.added']);
    for (const e of toAlpha.filter((x) => x.type === 'ticket.updated')) {
      expect(e.data).toEqual({});
      expect(e.ticket).toMatchObject({ id: ticket.id, routedFrom: null, ola: null });
    }
    expect(toAlpha.at(3)?.ticket).toMatchObject({ tier: 'l2-analysts' });
    expect(JSON.stringify(alpha.received)).not.toMatch(/internal|analysis/);
    expect(reply.type === 'message.added' && reply.data.message.body).toBe('Looking into it');
    expect(agent.received.some((e) => e.type === 'message.added' && e.data.message.type === 'note')).toBe(true);
    await post('beta.user', (await file('beta.user')).id, 'messages', { type: 'reply', body: 'sync' });
    await beta.next((e) => e.type === 'message.added' && e.data.message.body === 'sync');
    expect(beta.received.some((e) => e.ticketId === ticket.id)).toBe(false);
    const seqs = agent.received.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('?since=N replays every event after N from the database, then continues live, without gaps or duplicates', async () => {
    const first = await t.events(await t.login('boris'));
    const ticket = await file('gamma.user');
    await post('boris', ticket.id, 'take');
    const taken = await first.next((e) => e.ticketId === ticket.id && e.type === 'ticket.changed' && e.data.action === 'taken');
    first.close();
    // While "away": more events.
    await post('boris', ticket.id, 'messages', { type: 'question', body: 'Which number?' });
    await post('gamma.user', ticket.id, 'messages', { type: 'reply', body: '+380 44 000 00 00' });
    const again = await t.events(await t.login('boris'), taken.seq);
    await post('boris', ticket.id, 'resolve', { withoutReply: true });
    await again.next((e) => e.ticketId === ticket.id && e.type === 'ticket.changed' && e.data.action === 'resolved');
    const all = await t.db.kysely.selectFrom('events').select('seq').where('seq', '>', taken.seq).orderBy('seq').execute();
    expect(again.received.map((e) => e.seq)).toEqual(all.map((r) => r.seq));
    expect(again.received[0]?.type).toBe('message.added');
  });

  it('sla.warning at warnAt and sla.breached at dueAt, once per clock; the queue shows it breached', async () => {
    t.clock.set(WORKING_HOURS);
    const agent = await t.events(await t.login('sofia'));
    const customer = await t.events(await t.login('alpha.user'));
    const ticket = await file('alpha.user');
    t.clock.set(WORKING_HOURS + 14 * MIN);
    await t.service.scheduler.runDue();
    expect(agent.received.filter((e) => e.ticketId === ticket.id && e.type.startsWith('sla.'))).toEqual([]);
    t.clock.set(WORKING_HOURS + 15 * MIN); // 20-minute clock: 25 % = 5 min left (R21, policy.warning)
    expect(await t.service.scheduler.runDue()).toBeGreaterThanOrEqual(1);
    const warning = await agent.next((e) => e.ticketId === ticket.id && e.type === 'sla.warning');
    expect(warning.type === 'sla.warning' && warning.data.clock).toMatchObject({ index: 0, target: 'reaction', dueAt: WORKING_HOURS + 20 * MIN, warnAt: WORKING_HOURS + 15 * MIN });
    await t.service.scheduler.runDue();
    t.clock.set(WORKING_HOURS + 20 * MIN);
    await t.service.scheduler.runDue();
    await t.service.scheduler.runDue();
    const breached = await agent.next((e) => e.ticketId === ticket.id && e.type === 'sla.breached');
    expect(breached.ticket?.sla.state).toBe('breached');
    const stored = await t.db.kysely.selectFrom('events').select(['type']).where('ticket_id', '=', ticket.id).where('type', 'in', ['sla.warning', 'sla.breached']).orderBy('seq').execute();
    expect(stored.map((r) => r.type)).toEqual(['sla.warning', 'sla.breached']);
    const row = await t.db.kysely.selectFrom('tickets').select(['sla_state']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.sla_state).toBe('breached');
    // Taking it late stops the clock but does not breach it twice.
    await post('anna', ticket.id, 'take');
    expect((await t.db.kysely.selectFrom('events').select('type').where('ticket_id', '=', ticket.id).where('type', '=', 'sla.breached').execute()).length).toBe(1);
    // Customers never see SLA timers: the take reaches the customer after the warning and the
    // breach (one ordered stream), and nothing about the SLA came before it.
    await customer.next((e) => e.ticketId === ticket.id && e.type === 'ticket.changed' && e.data.action === 'taken', 'the take, on the customer\'s socket');
    expect(customer.received.some((e) => e.type.startsWith('sla.'))).toBe(false);
    t.clock.set(WORKING_HOURS);
  });

  it('a clock stopped in time never warns or breaches', async () => {
    t.clock.set(WORKING_HOURS);
    const ticket = await file('alpha.user');
    await post('anna', ticket.id, 'take');
    t.clock.set(WORKING_HOURS + 60 * MIN);
    await t.service.scheduler.runDue();
    const stored = await t.db.kysely.selectFrom('events').select('type').where('ticket_id', '=', ticket.id).where('type', 'in', ['sla.warning', 'sla.breached']).execute();
    expect(stored).toEqual([]);
    t.clock.set(WORKING_HOURS);
  });
});
