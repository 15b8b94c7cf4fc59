import { allowedRoutes, OPEN_STATUSES, TIERS, type Agent, type Tier, type TicketSummary } from '../../../shared/model/index.ts';
import { actsOnTier, decide, decideMergeFrom, type Actor, type TicketCommand, type TicketFacts } from '../../../shared/workflow/index.ts';

/** The actions the console offers on a ticket: only what the service would accept (it checks again). */
export interface TicketAbilities {
  readonly take: boolean;
  /** Take a ticket another agent holds: an explicit, confirmed take-over. */
  readonly takeOver: boolean;
  readonly reply: boolean;
  readonly question: boolean;
  readonly note: boolean;
  readonly route: boolean;
  readonly resolve: boolean;
  /** Agents of the ticket's tier and managers, on a resolved ticket, with a reason. */
  readonly reopen: boolean;
  readonly merge: boolean;
  /** Managers: any tier and assignee (R6b). */
  readonly move: boolean;
  /** Managers, on tickets that were escalated (R6c). */
  readonly compensation: boolean;
  /** Any agent, on the customer's recorded request, while not escalated (R12). */
  readonly escalate: boolean;
}

/**
 * The rules' view of the signed-in agent. `onCallNow`: on call after hours, the same fact the service
 * computes from the roster (the console will take it from the roster API; until then false).
 */
export function actorOf(me: Agent, onCallNow = false): Actor {
  return { kind: 'agent', id: me.id, name: me.name, role: me.role, tiers: me.tiers, onCallNow };
}

/** A whole ticket, or a queue row: a row does not carry the escalation's justification, which only compensation reads. */
export type RuledTicket = TicketSummary & { readonly escalationJustification?: string | null };

/** The rules' view of a ticket. */
export function factsOf(ticket: RuledTicket): TicketFacts {
  return {
    id: ticket.id,
    kind: ticket.kind,
    clientId: ticket.client.id,
    status: ticket.status,
    tier: ticket.tier,
    assignee: ticket.assignee,
    escalated: ticket.escalated,
    escalationJustification: ticket.escalationJustification ?? null,
    duplicateOf: ticket.duplicateOf,
    inOpenOutage: ticket.outage?.open === true,
  };
}

/**
 * What `me` may do to `ticket` now: each ability is the service's own decision (shared/workflow)
 * asked with a representative command, so the console never offers what the service refuses.
 */
export function abilitiesOf(me: Agent, ticket: RuledTicket, onCallNow = false): TicketAbilities {
  const actor = actorOf(me, onCallNow);
  const facts = factsOf(ticket);
  const allows = (command: TicketCommand): boolean => decide(actor, facts, command).ok;
  const text = 'x';
  const take = allows({ type: 'take' });
  return {
    take,
    takeOver: !take && allows({ type: 'take', takeOver: true }),
    reply: allows({ type: 'message', messageType: 'reply', body: text }),
    question: allows({ type: 'message', messageType: 'question', body: text }),
    note: allows({ type: 'message', messageType: 'note', body: text }),
    route: allowedRoutes(ticket.kind, ticket.tier).some((tier) => allows({ type: 'route', tier, reason: text, assignee: undefined })),
    resolve: allows({ type: 'resolve', withoutReply: true }),
    reopen: allows({ type: 'reopen', reason: text }),
    merge: decideMergeFrom(actor, facts) === null,
    // Choosing the assignee is what only managers may; any tier that agent works at will do.
    move: TIERS.some((tier) => allows({ type: 'route', tier, reason: text, assignee: { id: me.id, tiers: [tier] } })),
    compensation: allows({ type: 'compensation', decision: text }),
    escalate: allows({ type: 'escalate', justification: text }),
  };
}

/** Why the agent cannot act on a ticket: it waits at another tier, it is closed, or it is otherwise out of reach. */
export type NotActionable = { readonly reason: 'tier'; readonly tier: Tier } | { readonly reason: 'closed' } | { readonly reason: 'other' };

/**
 * Why `me` can do nothing that moves `ticket` on (take, take over, reply, resolve), from the same
 * rules the service applies; null when they can. Notes, allowed to anyone, do not count.
 */
export function whyNotActionable(me: Agent, ticket: RuledTicket, onCallNow = false): NotActionable | null {
  const can = abilitiesOf(me, ticket, onCallNow);
  if (can.take || can.takeOver || can.reply || can.resolve) return null;
  if (!OPEN_STATUSES.includes(ticket.status)) return { reason: 'closed' };
  if (!actsOnTier(actorOf(me, onCallNow), ticket.tier)) return { reason: 'tier', tier: ticket.tier };
  return { reason: 'other' };
}
