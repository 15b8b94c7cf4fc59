/** The pure rules: tier paths (R5), out-of-turn moves (R6), and who may do what. */
import { describe, expect, it } from 'vitest';
import { allowedRoutes, isPathMove } from '../../../../shared/model/index.ts';
import type { Actor } from '../../../../shared/workflow/index.ts';
import { decide, type TicketFacts } from '../../../../shared/workflow/index.ts';

const ticket: TicketFacts = { id: 1, kind: 'problem', clientId: 1, status: 'new', tier: 'l1', assignee: null, escalated: false, escalationJustification: null, duplicateOf: null, inOpenOutage: false };
const anna: Actor = { kind: 'agent', id: 10, name: 'Anna', role: 'agent', tiers: ['l1'] };
const sofia: Actor = { kind: 'agent', id: 11, name: 'Sofia', role: 'manager', tiers: ['escalation'] };
const customer: Actor = { kind: 'customer', id: 20, name: 'C', clientId: 1 };
const stranger: Actor = { kind: 'customer', id: 21, name: 'S', clientId: 2 };

describe('tier paths', () => {
  it('technical kinds climb l1 > l2-analysts > l3 > l4; questions l1 > l2-methodologists', () => {
    expect(allowedRoutes('problem', 'l1')).toEqual(['l2-analysts']);
    expect(allowedRoutes('bug', 'l3')).toEqual(['l4', 'l2-analysts']);
    expect(allowedRoutes('suggestion', 'l1')).toEqual(['l2-analysts']);
    expect(allowedRoutes('question', 'l1')).toEqual(['l2-methodologists']);
    expect(allowedRoutes('question', 'l2-methodologists')).toEqual(['l1']);
    expect(allowedRoutes('problem', 'escalation')).toEqual([]);
    expect(isPathMove('problem', 'l1', 'l3')).toBe(false);
    expect(isPathMove('question', 'l1', 'l2-analysts')).toBe(false);
  });
});

describe('decide', () => {
  it('hides other clients’ tickets as not found', () => {
    const v = decide(stranger, ticket, { type: 'take' });
    expect(v.ok ? null : v.error.kind).toBe('not_found');
  });
  it('out-of-turn moves are managers only', () => {
    const route = { type: 'route', tier: 'l4', reason: 'r', assignee: undefined } as const;
    const refused = decide(anna, ticket, route);
    expect(refused.ok ? null : refused.error.kind).toBe('forbidden');
    const allowed = decide(sofia, ticket, route);
    expect(allowed.ok && allowed.change.event?.outOfTurn).toBe(true);
  });
  it('a customer reply ends the wait (R13) and restarts the clock', () => {
    const v = decide(customer, { ...ticket, status: 'awaiting_customer' }, { type: 'message', messageType: 'reply', body: 'x' });
    expect(v.ok && v.change).toMatchObject({ status: 'in_work', slaEvent: 'customer_replied' });
  });
  it('escalation moves to the desk and is refused twice', () => {
    const v = decide(customer, ticket, { type: 'escalate', justification: 'a long enough justification' });
    expect(v.ok && v.change).toMatchObject({ tier: 'escalation', escalated: true, slaEvent: 'escalated' });
    const again = decide(customer, { ...ticket, escalated: true }, { type: 'escalate', justification: 'again' });
    expect(again.ok ? null : again.error.kind).toBe('conflict');
  });
});
