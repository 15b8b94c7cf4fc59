/** The roster drives the on-call rule: whoever GET /api/v1/oncall names may work escalated tickets, and tickets of an open outage, after hours, whatever their tier. */
import { describe, expect, it } from 'vitest';
import { SATURDAY_3AM } from '../../support/clock.ts';
import { engines, useTestService } from '../../support/service.ts';

describe.each(engines())('the roster and the on-call rule (%s)', (engine) => {
  const t = useTestService(engine);
  const id = (login: string): number => t.people.users.get(login) as number;
  const rotation = (agent: number) => ({ agents: [agent], start: '2026-11-01', handovers: [{ weekday: 1, time: '09:00' }], rotateAt: { weekday: 1, time: '09:00' } });

  it('boris on the roster takes and resolves an escalated ticket at 03:00 on Saturday, audited "on call"; anna, off the roster, may not', async () => {
    t.clock.set(SATURDAY_3AM);
    const schedule = await t.request('PUT', '/api/v1/oncall/schedule', { token: await t.login('sofia'), body: { primary: rotation(id('boris')), secondary: rotation(id('olga')) } });
    expect(schedule.status).toBe(200);
    const now = await t.request('GET', '/api/v1/oncall', { token: await t.login('anna') });
    expect(now.body).toMatchObject({ afterHours: true, primary: id('boris'), secondary: id('olga') });

    const customer = await t.login('alpha.user');
    const filed = await t.request('POST', '/api/v1/tickets', { token: customer, body: { kind: 'problem', subject: 'Lines down', body: 'No calls come in.' } });
    const ticket = filed.body.ticket.id as number;
    await t.request('POST', `/api/v1/tickets/${ticket}/escalate`, { token: customer, body: { justification: 'all our inbound lines are down since midnight' } });

    const anna = await t.request('POST', `/api/v1/tickets/${ticket}/take`, { token: await t.login('anna') });
    expect(anna.status).toBe(403);
    const taken = await t.request('POST', `/api/v1/tickets/${ticket}/take`, { token: await t.login('boris') });
    expect(taken.status).toBe(200);
    const resolved = await t.request('POST', `/api/v1/tickets/${ticket}/resolve`, { token: await t.login('boris'), body: { reply: 'The trunk is back; calls go through again.' } });
    expect(resolved.status).toBe(200);
    const audit = (resolved.body.audit as { action: string; detail: string | null; actor: { id: number } | null }[]).filter((a) => a.actor?.id === id('boris'));
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ['taken', 'on call'],
      ['resolved', 'on call'],
    ]);
  });

  it('boris on call replies to an l2 ticket linked to an open outage at 03:00 (R8, R26); once the outage is restored the tier rules apply again', async () => {
    t.clock.set(SATURDAY_3AM);
    const sofia = await t.login('sofia');
    await t.request('PUT', '/api/v1/oncall/schedule', { token: sofia, body: { primary: rotation(id('boris')), secondary: rotation(id('olga')) } });
    const customer = await t.login('beta.user');
    const filed = await t.request('POST', '/api/v1/tickets', { token: customer, body: { kind: 'problem', subject: 'Autodialer silent', body: 'No calls go out.' } });
    const ticket = filed.body.ticket.id as number;
    // Routed to the analysts before the outage was known; nobody of l2 is on call.
    await t.request('POST', `/api/v1/tickets/${ticket}/route`, { token: sofia, body: { tier: 'l2-analysts', reason: 'trunk logs needed' } });
    const boris = await t.login('boris');
    const reply = (body: string) => t.request('POST', `/api/v1/tickets/${ticket}/messages`, { token: boris, body: { type: 'reply', body } });
    expect((await reply('Looking into it')).status).toBe(403);

    const declared = await t.request('POST', '/api/v1/outages', { token: boris, body: { groups: ['autodialer'], summary: 'Trunk provider down', ticketId: ticket } });
    expect(declared.status).toBe(201);
    const answered = await reply('We know: the autodialer is down for everyone, restoring now.');
    expect(answered.status).toBe(201);
    expect(answered.body.ticket.outage).toEqual({ id: declared.body.outage.id, open: true });
    expect((answered.body.audit as { action: string; detail: string | null }[]).filter((a) => a.action === 'replied').map((a) => a.detail)).toEqual(['on call']);

    expect((await t.request('POST', `/api/v1/outages/${declared.body.outage.id}/restore`, { token: boris })).status).toBe(200);
    const after = await reply('Restored.');
    expect(after.status).toBe(403);
    expect(after.body.message).toBe(`only agents of tier l2-analysts (or a manager) may do this on ticket #${ticket}`);
  });
});
