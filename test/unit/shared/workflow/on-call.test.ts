/** The on-call rule: after hours, the agent on call acts on escalated tickets whatever their tier, and the audit says so. */
import { describe, expect, it } from 'vitest';
import { decide, type Actor, type Decision, type TicketCommand, type TicketFacts } from '../../../../shared/workflow/index.ts';

const escalated: TicketFacts = { id: 7, kind: 'problem', clientId: 1, status: 'new', tier: 'escalation', assignee: null, escalated: true, escalationJustification: 'the line is down for everyone', duplicateOf: null, inOpenOutage: false };
const boris: Actor = { kind: 'agent', id: 10, name: 'Boris', role: 'agent', tiers: ['l1'] };
const borisOnCall: Actor = { ...boris, onCallNow: true };
const sofia: Actor = { kind: 'agent', id: 11, name: 'Sofia', role: 'manager', tiers: ['escalation'] };

const COMMANDS: Record<string, TicketCommand> = {
  take: { type: 'take' },
  reply: { type: 'message', messageType: 'reply', body: 'on it' },
  question: { type: 'message', messageType: 'question', body: 'which line?' },
  resolve: { type: 'resolve', reply: 'fixed: the line is back' },
};
const refusal = (v: Decision): string | null => (v.ok ? null : v.error.kind);
const detail = (v: Decision): string | undefined => (v.ok ? v.change.audit.detail : 'refused');

describe('on call after hours', () => {
  it.each(Object.keys(COMMANDS))('an l1 agent on call may %s an escalated ticket at tier escalation, audited "on call"', (name) => {
    const v = decide(borisOnCall, escalated, COMMANDS[name] as TicketCommand);
    expect(refusal(v)).toBeNull();
    expect(detail(v)).toBe('on call');
  });

  it('and may leave a note (anyone may; the on-call rule is not what allows it)', () => {
    expect(refusal(decide(borisOnCall, escalated, { type: 'message', messageType: 'note', body: 'looking' }))).toBeNull();
  });

  it('a take-over on call says both', () => {
    const v = decide(borisOnCall, { ...escalated, status: 'in_work', assignee: { id: 11, name: 'Sofia' } }, { type: 'take', takeOver: true });
    expect(detail(v)).toBe('from Sofia; on call');
  });

  it('an escalated ticket still at another tier is covered too; the tier rules still hold for open/closed', () => {
    expect(detail(decide(borisOnCall, { ...escalated, tier: 'l3', status: 'in_work' }, { type: 'resolve', reply: 'fixed' }))).toBe('on call');
    expect(refusal(decide(borisOnCall, { ...escalated, status: 'resolved' }, { type: 'resolve', withoutReply: true }))).toBe('conflict');
  });

  it.each(Object.keys(COMMANDS))('not a non-escalated ticket of another tier (%s)', (name) => {
    const v = decide(borisOnCall, { ...escalated, tier: 'l3', escalated: false, escalationJustification: null }, COMMANDS[name] as TicketCommand);
    expect(refusal(v)).toBe('forbidden');
  });

  it.each(Object.keys(COMMANDS))('not when not on call after hours (%s): the ordinary tier rules, and the refusal names the on-call way', (name) => {
    for (const actor of [boris, { ...boris, onCallNow: false }]) {
      const v = decide(actor, escalated, COMMANDS[name] as TicketCommand);
      expect(refusal(v)).toBe('forbidden');
      expect(v.ok ? '' : v.error.message).toBe('only agents of tier escalation (or a manager, or an agent on call after hours) may do this on ticket #7');
    }
  });

  it('no routing, moving or compensation through the rule', () => {
    expect(refusal(decide(borisOnCall, { ...escalated, tier: 'l3' }, { type: 'route', tier: 'l4', reason: 'r', assignee: undefined }))).toBe('forbidden');
    expect(refusal(decide(borisOnCall, escalated, { type: 'compensation', decision: 'refund' }))).toBe('forbidden');
  });

  it.each(Object.keys(COMMANDS))('managers are unchanged, on call or not (%s): allowed, and not audited as on call', (name) => {
    for (const manager of [sofia, { ...sofia, onCallNow: true }, { ...sofia, tiers: [] }]) {
      const v = decide(manager, escalated, COMMANDS[name] as TicketCommand);
      expect(refusal(v)).toBeNull();
      expect(detail(v)).toBeUndefined();
    }
  });

  const outageTicket: TicketFacts = { ...escalated, tier: 'l2-analysts', status: 'in_work', escalated: false, escalationJustification: null, inOpenOutage: true };

  it.each(Object.keys(COMMANDS))('an l1 agent on call may %s a ticket of another tier linked to an open outage (R8, R26), audited "on call"', (name) => {
    const v = decide(borisOnCall, outageTicket, COMMANDS[name] as TicketCommand);
    expect(refusal(v)).toBeNull();
    expect(detail(v)).toBe('on call');
  });

  it.each(Object.keys(COMMANDS))('not once the outage is restored, nor when not on call (%s)', (name) => {
    expect(refusal(decide(borisOnCall, { ...outageTicket, inOpenOutage: false }, COMMANDS[name] as TicketCommand))).toBe('forbidden');
    const v = decide(boris, outageTicket, COMMANDS[name] as TicketCommand);
    expect(v.ok ? '' : v.error.message).toBe('only agents of tier l2-analysts (or a manager, or an agent on call after hours) may do this on ticket #7');
  });

  it('an agent of the ticket’s tier on call is audited as usual', () => {
    expect(detail(decide({ ...borisOnCall, tiers: ['escalation'] }, escalated, { type: 'take' }))).toBeUndefined();
  });
});
