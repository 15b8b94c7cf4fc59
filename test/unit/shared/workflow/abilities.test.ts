/**
 * The console offers exactly what the service accepts: for every role x tiers x on call (after
 * hours) or not x ticket tier x status x kind x holder x escalation, and every command, the console's ability and the shared
 * decision the service enforces agree. Pure and exhaustive.
 */
import { describe, expect, it } from 'vitest';
import { allowedRoutes, ROLES, TICKET_STATUSES, TIERS, type Agent, type Ticket, type Tier } from '../../../../shared/model/index.ts';
import { TICKET_KINDS } from '../../../../shared/sla/index.ts';
import { decide, decideMergeFrom, type TicketCommand } from '../../../../shared/workflow/index.ts';
import { abilitiesOf, actorOf, factsOf } from '../../../../renderer/features/ticket/permissions.ts';

const ME = 7;
const agents: Agent[] = ROLES.flatMap((role) =>
  [[], ...TIERS.map((t) => [t]), ['l1', 'l3']].map((tiers) => ({ kind: 'agent' as const, id: ME, login: 'me', name: 'Me', role, tiers: tiers as Tier[], language: 'en' as const })),
);
const holders = [null, { id: ME, name: 'Me' }, { id: 8, name: 'Anna Kovalenko' }];

function ticketsOf(): Ticket[] {
  const out: Ticket[] = [];
  for (const kind of TICKET_KINDS)
    for (const tier of TIERS)
      for (const status of TICKET_STATUSES)
        for (const assignee of holders)
          for (const escalated of [false, true])
            out.push({
              id: 12, number: 12, kind, subject: 's', body: 'b', language: 'en',
              client: { id: 1, name: 'Alpha', primaryGroup: 'telephony' as never, language: 'en' },
              author: { id: 20, name: 'C' }, status, tier, assignee, escalated,
              escalationJustification: escalated ? 'the line is down for everyone' : null,
              compensation: null, duplicateOf: null, outage: null, createdAt: 0, updatedAt: 0,
              sla: { state: 'idle', dueAt: null, warnAt: null, calendar: null, remainingMs: null, ticking: false, resumesAt: null, escalated, clocks: [] },
              routedFrom: null,
              ola: null,
            });
  return out;
}

describe('console abilities agree with the service verdicts', () => {
  const tickets = ticketsOf();

  it('for every role, tiers, ticket and command', () => {
    let cells = 0;
    const disagreements: string[] = [];
    for (const me of agents) for (const onCallNow of [false, true]) {
      const actor = actorOf(me, onCallNow);
      for (const ticket of tickets) {
        const facts = factsOf(ticket);
        const can = abilitiesOf(me, ticket, onCallNow);
        const service = (command: TicketCommand): boolean => decide(actor, facts, command).ok;
        const check = (ability: string, offered: boolean, accepted: boolean): void => {
          cells++;
          if (offered !== accepted) disagreements.push(`${me.role}[${me.tiers.join(',')}]${onCallNow ? ' on call' : ''} ${ability} on ${ticket.kind}/${ticket.tier}/${ticket.status} held by ${ticket.assignee?.name ?? 'nobody'}: console ${offered}, service ${accepted}`);
        };
        check('take', can.take, service({ type: 'take' }));
        check('takeOver', can.takeOver, !service({ type: 'take' }) && service({ type: 'take', takeOver: true }));
        check('reply', can.reply, service({ type: 'message', messageType: 'reply', body: 'x' }));
        check('question', can.question, service({ type: 'message', messageType: 'question', body: 'x' }));
        check('note', can.note, service({ type: 'message', messageType: 'note', body: 'x' }));
        check('resolve', can.resolve, service({ type: 'resolve', withoutReply: true }));
        check('reopen', can.reopen, service({ type: 'reopen', reason: 'the customer says it is back' }));
        check('escalate', can.escalate, service({ type: 'escalate', justification: 'the customer asked for it today' }));
        check('compensation', can.compensation, service({ type: 'compensation', decision: 'refund one month' }));
        check('merge', can.merge, decideMergeFrom(actor, facts) === null);
        // The route dialog offers the path's tiers: offered iff the service accepts at least one.
        check('route', can.route, allowedRoutes(ticket.kind, ticket.tier).some((tier) => service({ type: 'route', tier, reason: 'r', assignee: undefined })));
        check('move', can.move, TIERS.some((tier) => service({ type: 'route', tier, reason: 'r', assignee: { id: 9, tiers: [tier] } })));
      }
    }
    expect(disagreements).toEqual([]);
    expect(cells).toBe(agents.length * 2 * tickets.length * 12);
  });

  it('spot checks: the abilities say what the rules say', () => {
    const anna = agents.find((a) => a.role === 'agent' && a.tiers.length === 1 && a.tiers[0] === 'l1') as Agent;
    const sofia = agents.find((a) => a.role === 'manager' && a.tiers.length === 1 && a.tiers[0] === 'escalation') as Agent;
    const find = (p: Partial<Ticket>, holder: number | null) =>
      tickets.find((t) => Object.entries(p).every(([k, v]) => t[k as keyof Ticket] === v) && (t.assignee?.id ?? null) === holder && !t.escalated) as Ticket;
    const heldByOther = find({ kind: 'problem', tier: 'l1', status: 'in_work' }, 8);
    expect(abilitiesOf(anna, heldByOther)).toMatchObject({ take: false, takeOver: true, reply: true, move: false });
    expect(abilitiesOf(anna, find({ kind: 'problem', tier: 'l1', status: 'new' }, null))).toMatchObject({ take: true, takeOver: false, route: true });
    expect(abilitiesOf(anna, find({ kind: 'problem', tier: 'l1', status: 'in_work' }, ME))).toMatchObject({ take: false, takeOver: false });
    expect(abilitiesOf(anna, find({ kind: 'problem', tier: 'l3', status: 'new' }, null))).toMatchObject({ take: false, takeOver: false, reply: false, note: true });
    expect(abilitiesOf(anna, find({ kind: 'problem', tier: 'l1', status: 'resolved' }, null))).toMatchObject({ take: false, resolve: false, escalate: false, merge: false });
    expect(abilitiesOf(sofia, find({ kind: 'problem', tier: 'l3', status: 'new' }, 8))).toMatchObject({ take: false, takeOver: true, move: true, resolve: true });
    // On call after hours, an l1 agent works the escalation desk's escalated tickets; nothing else changes.
    const escalated = tickets.find((t) => t.kind === 'problem' && t.tier === 'escalation' && t.status === 'new' && t.assignee === null && t.escalated) as Ticket;
    expect(abilitiesOf(anna, escalated, true)).toMatchObject({ take: true, reply: true, question: true, note: true, resolve: true, route: false, move: false, compensation: false, merge: false });
    expect(abilitiesOf(anna, escalated, false)).toMatchObject({ take: false, reply: false, question: false, resolve: false });
    expect(abilitiesOf(anna, find({ kind: 'problem', tier: 'l3', status: 'new' }, null), true)).toMatchObject({ take: false, reply: false, resolve: false });
  });
});
