/**
 * The on-call rule over real HTTP on both engines: the service asks its `onCall` dependency (the
 * roster, once wired) and the support calendar; after hours the agent on call works escalated
 * tickets whatever their tier, and the audit trail says "on call". Everyone else keeps the tier rules.
 */
import { describe, expect, it } from 'vitest';
import { SATURDAY_3AM, WORKING_HOURS } from '../../support/clock.ts';
import { changedTables, digestDatabase } from '../../support/db-digest.ts';
import { engines, useTestService } from '../../support/service.ts';

const JUSTIFICATION = 'all our inbound lines are down since midnight';

describe.each(engines())('on call after hours (%s)', (engine) => {
  // The roster's stand-in: boris (l1) is on call, whenever asked. The calendar decides "after hours".
  const onCallIds = new Set<number>();
  const asked: { agentId: number; at: number }[] = [];
  const t = useTestService(engine, {
    service: {
      onCall: async (agentId, at) => {
        asked.push({ agentId, at });
        return onCallIds.has(agentId);
      },
    },
  });
  const id = (login: string): number => t.people.users.get(login) as number;

  /** alpha.user files a ticket and escalates it (R12): tier escalation. */
  async function escalatedTicket(): Promise<number> {
    const customer = await t.login('alpha.user');
    const filed = await t.request('POST', '/api/v1/tickets', { token: customer, body: { kind: 'problem', subject: 'Lines down', body: 'No calls come in.' } });
    expect(filed.status).toBe(201);
    const escalated = await t.request('POST', `/api/v1/tickets/${filed.body.ticket.id}/escalate`, { token: customer, body: { justification: JUSTIFICATION } });
    expect(escalated.body.ticket).toMatchObject({ tier: 'escalation', escalated: true });
    return filed.body.ticket.id as number;
  }
  const act = async (login: string, ticket: number, action: string, body: unknown = {}) =>
    t.request('POST', `/api/v1/tickets/${ticket}/${action}`, { token: await t.login(login), body });

  it('the agent on call takes, replies to, asks on and resolves an escalated ticket; the audit says "on call"', async () => {
    onCallIds.clear();
    onCallIds.add(id('boris'));
    t.clock.set(SATURDAY_3AM);
    const ticket = await escalatedTicket();
    asked.length = 0;
    expect((await act('boris', ticket, 'take')).status).toBe(200);
    expect(asked).toEqual([{ agentId: id('boris'), at: SATURDAY_3AM }]);
    expect((await act('boris', ticket, 'messages', { type: 'reply', body: 'Looking at it now.' })).status).toBe(201);
    expect((await act('boris', ticket, 'messages', { type: 'question', body: 'Does it affect outbound calls too?' })).status).toBe(201);
    expect((await act('boris', ticket, 'messages', { type: 'note', body: 'Carrier incident suspected.' })).status).toBe(201);
    const resolved = await act('boris', ticket, 'resolve', { reply: 'The carrier fixed it; calls go through again.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.ticket).toMatchObject({ status: 'resolved', escalated: false });
    const audit = (resolved.body.audit as { action: string; actor: { name: string } | null; detail: string | null }[]).map((a) => [a.action, a.actor?.name ?? null, a.detail]);
    expect(audit).toEqual([
      ['created', 'Алексей Смирнов', null],
      ['escalated', 'Алексей Смирнов', JUSTIFICATION],
      // An escalation after hours pages (docs/oncall.md); this suite's roster stand-in names nobody for paging, so the managers.
      ['paged', null, 'escalated: managers, pass 1: Sofia Tkachenko'],
      ['taken', 'Boris Ivanov', 'on call'],
      ['replied', 'Boris Ivanov', 'on call'],
      ['asked', 'Boris Ivanov', 'on call'],
      ['noted', 'Boris Ivanov', null],
      ['resolved', 'Boris Ivanov', 'on call'],
    ]);
  });

  it('another l1 agent, not on call, gets 403 and changes nothing', async () => {
    onCallIds.clear();
    onCallIds.add(id('boris'));
    t.clock.set(SATURDAY_3AM);
    const ticket = await escalatedTicket();
    await t.login('anna');
    const before = await digestDatabase(t.db);
    for (const [action, body] of [['take', {}], ['messages', { type: 'reply', body: 'x' }], ['resolve', { withoutReply: true }]] as const) {
      const refused = await act('anna', ticket, action, body);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe(`only agents of tier escalation (or a manager, or an agent on call after hours) may do this on ticket #${ticket}`);
    }
    expect(changedTables(before, await digestDatabase(t.db))).toEqual([]);
  });

  it('in working hours the agent on call has only the tier rules: 403', async () => {
    onCallIds.clear();
    onCallIds.add(id('boris'));
    t.clock.set(WORKING_HOURS);
    const ticket = await escalatedTicket();
    expect((await act('boris', ticket, 'take')).status).toBe(403);
    expect((await act('boris', ticket, 'resolve', { withoutReply: true })).status).toBe(403);
  });

  it('after hours, the agent on call still may not act on a non-escalated ticket of another tier', async () => {
    onCallIds.clear();
    onCallIds.add(id('boris'));
    t.clock.set(SATURDAY_3AM);
    const customer = await t.login('alpha.user');
    const filed = await t.request('POST', '/api/v1/tickets', { token: customer, body: { kind: 'problem', subject: 'Reports slow', body: 'The report page is slow.' } });
    const ticket = filed.body.ticket.id as number;
    expect((await act('anna', ticket, 'route', { tier: 'l2-analysts', reason: 'needs analysis' })).status).toBe(200);
    expect((await act('boris', ticket, 'take')).status).toBe(403);
    expect((await act('boris', ticket, 'resolve', { withoutReply: true })).status).toBe(403);
  });
});
