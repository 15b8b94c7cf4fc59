/** Resolving asks for a closing reply (or an explicit "without reply"); agents of the tier reopen with a reason. */
import { describe, expect, it } from 'vitest';
import { closingOf, decide, type Actor, type Decision, type TicketFacts } from '../../../../shared/workflow/index.ts';

const inWork: TicketFacts = { id: 7, kind: 'problem', clientId: 1, status: 'in_work', tier: 'l1', assignee: { id: 10, name: 'Anna' }, escalated: false, escalationJustification: null, duplicateOf: null, inOpenOutage: false };
const resolved: TicketFacts = { ...inWork, status: 'resolved' };
const anna: Actor = { kind: 'agent', id: 10, name: 'Anna', role: 'agent', tiers: ['l1'] };
const olga: Actor = { kind: 'agent', id: 12, name: 'Olga', role: 'agent', tiers: ['l2-analysts'] };
const sofia: Actor = { kind: 'agent', id: 11, name: 'Sofia', role: 'manager', tiers: ['escalation'] };
const customer: Actor = { kind: 'customer', id: 20, name: 'Alpha', clientId: 1 };
const refusal = (v: Decision) => (v.ok ? null : { kind: v.error.kind, field: v.error.field });
const change = (v: Decision) => {
  if (!v.ok) throw new Error(v.error.message);
  return v.change;
};

describe('closingOf', () => {
  it('takes a closing reply (trimmed) or an explicit withoutReply, exactly one', () => {
    expect(closingOf({ reply: '  Fixed.  ' })).toEqual({ reply: 'Fixed.' });
    expect(closingOf({ withoutReply: true })).toEqual({ reply: null });
    expect(closingOf({})).toMatchObject({ kind: 'bad_request', field: 'reply' });
    expect(closingOf({ reply: '   ' })).toMatchObject({ kind: 'bad_request', field: 'reply' });
    expect(closingOf({ withoutReply: false })).toMatchObject({ kind: 'bad_request', field: 'reply' });
    expect(closingOf({ reply: 'Fixed.', withoutReply: true })).toMatchObject({ kind: 'bad_request', field: 'withoutReply' });
  });
});

describe('resolve', () => {
  it('with a closing reply: the reply is the message, by the agent', () => {
    const c = change(decide(anna, inWork, { type: 'resolve', reply: 'The trunk is back.' }));
    expect(c).toMatchObject({ status: 'resolved', message: { type: 'reply', body: 'The trunk is back.' }, audit: { action: 'resolved' } });
    expect(c.audit.detail).toBeUndefined();
  });

  it('without a reply: the customer still gets a system message, and the audit says so', () => {
    const c = change(decide(anna, inWork, { type: 'resolve', withoutReply: true }));
    expect(c).toMatchObject({ status: 'resolved', message: { type: 'system', body: 'This ticket was resolved. If the problem is still there, reopen it and we will continue.', notice: { code: 'resolved_without_reply' }, system: true }, audit: { action: 'resolved', detail: 'without a closing reply' } });
  });

  it('with neither: a 400 on reply; tier and status are checked first', () => {
    expect(refusal(decide(anna, inWork, { type: 'resolve' }))).toEqual({ kind: 'bad_request', field: 'reply' });
    expect(refusal(decide(olga, inWork, { type: 'resolve' }))?.kind).toBe('forbidden');
    expect(refusal(decide(anna, resolved, { type: 'resolve' }))?.kind).toBe('conflict');
  });
});

describe('reopen', () => {
  it('an agent of the tier reopens with a reason: audited with it, the customer told by a system message', () => {
    const c = change(decide(anna, resolved, { type: 'reopen', reason: ' The customer called: still broken. ' }));
    expect(c).toMatchObject({ status: 'in_work', slaEvent: 'reopened', audit: { action: 'reopened', detail: 'The customer called: still broken.' }, message: { type: 'system', body: 'Support reopened this ticket and continues working on it.', notice: { code: 'reopened_by_support' } } });
  });

  it('a manager may too; without a reason it is a 400; another tier is a 403', () => {
    expect(change(decide(sofia, { ...resolved, assignee: null }, { type: 'reopen', reason: 'wrongly closed' })).status).toBe('new');
    expect(refusal(decide(anna, resolved, { type: 'reopen' }))).toEqual({ kind: 'bad_request', field: 'reason' });
    expect(refusal(decide(anna, resolved, { type: 'reopen', reason: '  ' }))).toEqual({ kind: 'bad_request', field: 'reason' });
    expect(refusal(decide(olga, resolved, { type: 'reopen', reason: 'still broken' }))?.kind).toBe('forbidden');
    expect(refusal(decide(anna, inWork, { type: 'reopen', reason: 'still broken' }))?.kind).toBe('conflict');
  });

  it('the customer still reopens without a reason, and no system message', () => {
    const c = change(decide(customer, resolved, { type: 'reopen' }));
    expect(c).toMatchObject({ status: 'in_work', audit: { action: 'reopened' } });
    expect(c.message).toBeUndefined();
  });
});
