import { describe, expect, it } from 'vitest';
import type { Agent, TicketSummary } from '../../../../shared/model/index.ts';
import { attentionCounts } from '../../../../shared/notifications/attention.ts';
import { aRow } from '../../../support/rows.ts';

const anna: Agent = { kind: 'agent', id: 1, login: 'anna', name: 'Anna', role: 'agent', tiers: ['l1'], language: 'en' };
const NOW = 1_000_000;

const ticket = (id: number, o: { tier?: TicketSummary['tier']; assignee?: number | null; dueAt: number | null; warnAt?: number; state?: TicketSummary['sla']['state'] }): TicketSummary =>
  aRow({
    id,
    tier: o.tier ?? 'l1',
    assignee: o.assignee === undefined || o.assignee === null ? null : { id: o.assignee, name: 'x' },
    sla: { state: o.state ?? 'running', dueAt: o.dueAt, warnAt: o.dueAt === null ? null : (o.warnAt ?? o.dueAt - 10), calendar: o.dueAt === null ? null : 'business' },
  });

describe('attentionCounts', () => {
  it('counts breached and at-risk tickets in the agent scope only', () => {
    const tickets = [
      ticket(1, { dueAt: NOW - 1 }), // breached, unassigned in my tier
      ticket(2, { dueAt: NOW + 100, warnAt: NOW - 5 }), // past its warning point
      ticket(3, { dueAt: NOW + 100, warnAt: NOW + 50 }), // fine
      ticket(4, { dueAt: NOW - 1, assignee: 99 }), // a colleague's
      ticket(5, { dueAt: NOW - 1, tier: 'l3' }), // another tier
      ticket(6, { dueAt: NOW - 1, tier: 'l3', assignee: anna.id }), // mine wherever it is
      ticket(7, { dueAt: null, state: 'paused' }),
    ];
    expect(attentionCounts(tickets, anna, NOW)).toEqual({ breached: 2, atRisk: 1 });
  });
});
