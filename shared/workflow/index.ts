/**
 * The ticket state machine and permission rules, as pure functions shared by the service (which
 * enforces them) and the console (which offers only what they allow): given the actor, the ticket
 * and a command, the change to make or the reason to refuse. Refusals are plain values; the
 * service turns them into HTTP errors in one place. Cited rules are in docs/sla.md.
 */
import { isPathMove, OPEN_STATUSES } from '../model/index.ts';
import type { AuditAction, MessageType, Role, Tier, TicketStatus } from '../model/index.ts';
import type { SlaEventType, TicketKind } from '../sla/index.ts';
import { assertNever } from '../assert-never.ts';
import { systemMessage, type SystemNotice } from '../tickets/notices.ts';

/**
 * Who is acting, as the rules need them. `onCallNow`: the agent is on call (the roster) AND it is
 * after hours (the support calendar), as the caller found it at the command's instant; absent is false.
 */
export type Actor =
  | { readonly kind: 'agent'; readonly id: number; readonly name: string; readonly role: Role; readonly tiers: readonly Tier[]; readonly onCallNow?: boolean }
  | { readonly kind: 'customer'; readonly id: number; readonly name: string; readonly clientId: number };

/** Why a command is refused: the kind decides the HTTP status, `field` names bad input. */
export interface Refusal {
  readonly kind: 'bad_request' | 'forbidden' | 'not_found' | 'conflict';
  readonly message: string;
  readonly field?: string;
}

const badRequest = (field: string, message: string): Refusal => ({ kind: 'bad_request', message, field });
const forbidden = (message: string): Refusal => ({ kind: 'forbidden', message });
const notFound = (message: string): Refusal => ({ kind: 'not_found', message });
const conflict = (message: string): Refusal => ({ kind: 'conflict', message });

/** What the rules read of a ticket. */
export interface TicketFacts {
  readonly id: number;
  readonly kind: TicketKind;
  readonly clientId: number;
  readonly status: TicketStatus;
  readonly tier: Tier;
  /** Who holds the ticket, by id and name (the name goes into refusals), or null. */
  readonly assignee: { readonly id: number; readonly name: string } | null;
  readonly escalated: boolean;
  readonly escalationJustification: string | null;
  readonly duplicateOf: number | null;
  /** Linked to an outage not yet restored: worked around the clock (R8, R26). */
  readonly inOpenOutage: boolean;
}

/** A command on one existing ticket (merge is decided by `decideMerge`). */
export type TicketCommand =
  | { readonly type: 'take'; readonly takeOver?: boolean }
  | { readonly type: 'message'; readonly messageType: 'reply' | 'question' | 'note'; readonly body: string }
  | { readonly type: 'route'; readonly tier: Tier; readonly reason: string; readonly assignee: { readonly id: number; readonly tiers: readonly Tier[] } | null | undefined }
  | { readonly type: 'escalate'; readonly justification: string }
  | { readonly type: 'resolve'; readonly reply?: string | undefined; readonly withoutReply?: boolean | undefined }
  | { readonly type: 'reopen'; readonly reason?: string | undefined }
  | { readonly type: 'compensation'; readonly decision: string };

/** What a command changes; fields left undefined stay as they are. */
export interface TicketChange {
  readonly status?: TicketStatus;
  readonly tier?: Tier;
  readonly assigneeId?: number | null;
  readonly escalated?: boolean;
  readonly escalationJustification?: string;
  readonly compensation?: string;
  readonly duplicateOf?: number;
  readonly slaEvent?: SlaEventType;
  readonly message?: { readonly type: MessageType; readonly body: string; readonly system?: boolean; readonly notice?: SystemNotice };
  readonly audit: { readonly action: AuditAction; readonly fromTier?: Tier; readonly toTier?: Tier; readonly detail?: string };
  /** The ticket-level event; messages add their own message.added. */
  readonly event?: { readonly type: 'ticket.changed' | 'ticket.routed' | 'ticket.escalated'; readonly agentsOnly: boolean; readonly outOfTurn?: boolean; readonly reason?: string; readonly mergedFrom?: number };
}

/** The verdict on a command. */
export type Decision = { readonly ok: true; readonly change: TicketChange } | { readonly ok: false; readonly error: Refusal };

const ok = (change: TicketChange): Decision => ({ ok: true, change });
const no = (error: Refusal): Decision => ({ ok: false, error });

/** Whether `actor` may see `ticket` at all; customers see only their client's tickets (404 otherwise). */
export function canSee(actor: Actor, ticket: Pick<TicketFacts, 'clientId'>): boolean {
  return actor.kind === 'agent' || actor.clientId === ticket.clientId;
}

/** Whether an agent works at the ticket's tier, or is a manager (escalation-authorized, R6) who may act anywhere. */
export function actsOnTier(actor: Actor, tier: Tier): boolean {
  return actor.kind === 'agent' && (actor.role === 'manager' || actor.tiers.includes(tier));
}

/**
 * Whether the on-call rule lets `actor` act on `ticket` whatever their tier: an agent on call after
 * hours may take, reply, ask, note and resolve escalated tickets (R25) and tickets linked to an
 * outage still open (R8, R26). Outside that window the ordinary tier rules apply.
 */
export function actsOnCall(actor: Actor, ticket: Pick<TicketFacts, 'escalated' | 'inOpenOutage'>): boolean {
  return actor.kind === 'agent' && actor.onCallNow === true && (ticket.escalated || ticket.inOpenOutage);
}

/** How `actor` may act on `ticket`'s tier: by tier (or as a manager), by the on-call rule, or not at all. */
function tierAccess(actor: Actor, ticket: TicketFacts): 'tier' | 'on call' | null {
  if (actsOnTier(actor, ticket.tier)) return 'tier';
  return actsOnCall(actor, ticket) ? 'on call' : null;
}

/** The audit entry of a command, saying "on call" when that rule is what allowed it. */
function audited(audit: TicketChange['audit'], access: 'tier' | 'on call'): TicketChange['audit'] {
  if (access === 'tier') return audit;
  return { ...audit, detail: audit.detail === undefined ? 'on call' : `${audit.detail}; on call` };
}

const notOpen = (t: TicketFacts): Refusal => conflict(`ticket #${t.id} is ${t.status.replace('_', ' ')}`);
const needTier = (t: TicketFacts): Refusal =>
  forbidden(`only agents of tier ${t.tier} (or a manager${t.escalated || t.inOpenOutage ? ', or an agent on call after hours' : ''}) may do this on ticket #${t.id}`);

/** Decides a command on a visible ticket. */
export function decide(actor: Actor, ticket: TicketFacts, command: TicketCommand): Decision {
  if (!canSee(actor, ticket)) return no(notFound(`ticket #${ticket.id} not found`));
  const open = OPEN_STATUSES.includes(ticket.status);
  switch (command.type) {
    case 'take': {
      if (actor.kind !== 'agent') return no(forbidden('customers cannot take tickets'));
      const access = tierAccess(actor, ticket);
      if (access === null) return no(needTier(ticket));
      if (!open) return no(notOpen(ticket));
      const holder = ticket.assignee;
      if (holder?.id === actor.id) return no(conflict(`ticket #${ticket.id} is already yours`));
      // Someone else's ticket moves only on an explicit take-over, audited as such.
      if (holder !== null && command.takeOver !== true) return no(conflict(`ticket #${ticket.id} is taken by ${holder.name}`));
      // Taking is the reaction of R21/R24; a ticket waiting for the customer keeps waiting (R13).
      return ok({
        status: ticket.status === 'new' ? 'in_work' : ticket.status,
        assigneeId: actor.id,
        slaEvent: 'taken',
        audit: audited(holder === null ? { action: 'taken' } : { action: 'taken_over', detail: `from ${holder.name}` }, access),
        event: { type: 'ticket.changed', agentsOnly: false },
      });
    }
    case 'message': {
      if (actor.kind === 'customer') {
        if (command.messageType !== 'reply') return no(forbidden(`customers may only reply, not send a ${command.messageType}`));
        if (ticket.status === 'merged') return no(conflict(`ticket #${ticket.id} was merged into #${ticket.duplicateOf ?? '?'}; write there`));
        if (ticket.status === 'resolved') return no(conflict(`ticket #${ticket.id} is resolved; reopen it to write`));
        // R13, R21: the customer's answer puts the ticket back in work and starts a new clock.
        return ok({
          status: ticket.status === 'awaiting_customer' ? 'in_work' : ticket.status,
          slaEvent: 'customer_replied',
          message: { type: 'customer', body: command.body },
          audit: { action: 'customer_replied' },
        });
      }
      if (command.messageType === 'note') {
        // Notes change nothing in the workflow, so any agent may leave one, at any tier and status
        // (the on-call rule is not what allows it, so the audit does not say so).
        return ok({ message: { type: 'note', body: command.body }, audit: { action: 'noted' } });
      }
      const access = tierAccess(actor, ticket);
      if (access === null) return no(needTier(ticket));
      if (!open) return no(notOpen(ticket));
      if (command.messageType === 'question') {
        // R13: the ball is on the customer's side.
        return ok({ status: 'awaiting_customer', slaEvent: 'question_asked', message: { type: 'question', body: command.body }, audit: audited({ action: 'asked' }, access) });
      }
      return ok({
        status: ticket.status === 'new' ? 'in_work' : ticket.status,
        slaEvent: 'agent_replied',
        message: { type: 'reply', body: command.body },
        audit: audited({ action: 'replied' }, access),
      });
    }
    case 'route': {
      if (actor.kind !== 'agent') return no(forbidden('customers cannot route tickets'));
      if (!open) return no(notOpen(ticket));
      if (command.tier === ticket.tier) return no(conflict(`ticket #${ticket.id} is already at ${ticket.tier}`));
      const onPath = isPathMove(ticket.kind, ticket.tier, command.tier);
      const manager = actor.role === 'manager';
      if (!manager && !actor.tiers.includes(ticket.tier)) return no(needTier(ticket));
      // R5 paths for everyone; anything else is "out of turn" and needs escalation authority (R6b).
      if (!onPath && !manager) return no(forbidden(`moving a ${ticket.kind} ticket from ${ticket.tier} to ${command.tier} is out of turn: managers only (R6)`));
      if (command.assignee !== undefined && !manager) return no(forbidden('only managers choose the assignee when routing (R6)'));
      if (command.assignee === null) return no(badRequest('assigneeId', 'no such agent'));
      if (command.assignee !== undefined && !command.assignee.tiers.includes(command.tier)) {
        return no(badRequest('assigneeId', `agent ${command.assignee.id} does not work at ${command.tier}`));
      }
      return ok({
        tier: command.tier,
        assigneeId: command.assignee?.id ?? null,
        // It waits as new in its tier until someone there takes it (a manager's chosen assignee holds it at once);
        // a question to the customer stays open across the move.
        status: ticket.status === 'awaiting_customer' ? 'awaiting_customer' : command.assignee !== undefined ? 'in_work' : 'new',
        audit: { action: 'routed', fromTier: ticket.tier, toTier: command.tier, detail: command.reason },
        event: { type: 'ticket.routed', agentsOnly: true, outOfTurn: !onPath, reason: command.reason },
      });
    }
    case 'escalate': {
      // R12: the customer escalates, or an agent does on the customer's recorded request.
      if (!open) return no(notOpen(ticket));
      if (ticket.escalated) return no(conflict(`ticket #${ticket.id} is already escalated`));
      return ok({
        tier: 'escalation',
        assigneeId: null,
        escalated: true,
        escalationJustification: command.justification,
        slaEvent: 'escalated',
        message: systemMessage({ code: 'escalated', justification: command.justification }),
        audit: {
          action: 'escalated',
          fromTier: ticket.tier,
          toTier: 'escalation',
          detail: actor.kind === 'agent' ? `on the customer's request: ${command.justification}` : command.justification,
        },
        event: { type: 'ticket.escalated', agentsOnly: false },
      });
    }
    case 'resolve': {
      if (actor.kind !== 'agent') return no(forbidden('customers cannot resolve tickets'));
      const access = tierAccess(actor, ticket);
      if (access === null) return no(needTier(ticket));
      if (!open) return no(notOpen(ticket));
      const closing = closingOf(command);
      if ('kind' in closing) return no(closing);
      // The customer is told either way: the closing reply, or a system message saying it is resolved.
      return ok({
        status: 'resolved',
        escalated: false,
        slaEvent: 'resolved',
        message: closing.reply === null ? systemMessage({ code: 'resolved_without_reply' }) : { type: 'reply', body: closing.reply },
        audit: audited({ action: 'resolved', ...(closing.reply === null ? { detail: 'without a closing reply' } : {}) }, access),
        event: { type: 'ticket.changed', agentsOnly: false },
      });
    }
    case 'reopen': {
      const notResolved = conflict(`only a resolved ticket can be reopened; #${ticket.id} is ${ticket.status.replace('_', ' ')}`);
      const status = ticket.assignee === null ? 'new' : 'in_work';
      if (actor.kind === 'customer') {
        if (ticket.status !== 'resolved') return no(notResolved);
        return ok({ status, slaEvent: 'reopened', audit: { action: 'reopened' }, event: { type: 'ticket.changed', agentsOnly: false } });
      }
      // An agent reopens with a reason, audited with who and why: the ticket's tier's agents and managers only.
      if (!actsOnTier(actor, ticket.tier)) return no(forbidden(`only agents of tier ${ticket.tier} (or a manager) may reopen ticket #${ticket.id}`));
      if (ticket.status !== 'resolved') return no(notResolved);
      const reason = command.reason?.trim() ?? '';
      if (reason === '') return no(badRequest('reason', 'an agent reopens a ticket with a reason (it goes into the audit trail)'));
      return ok({
        status,
        slaEvent: 'reopened',
        message: systemMessage({ code: 'reopened_by_support' }),
        audit: { action: 'reopened', detail: reason },
        event: { type: 'ticket.changed', agentsOnly: false },
      });
    }
    case 'compensation': {
      if (!mayDecideCompensation(actor)) return no(forbidden('only managers decide on compensation (R6c)'));
      if (ticket.escalationJustification === null) return no(conflict(`ticket #${ticket.id} was never escalated; compensation is decided on escalated tickets (R6c)`));
      return ok({ compensation: command.decision, audit: { action: 'compensation', detail: command.decision }, event: { type: 'ticket.changed', agentsOnly: false } });
    }
    default:
      return assertNever(command, 'command');
  }
}

/**
 * How a resolve closes the conversation: a closing reply, or explicitly none. Exactly one of the
 * two, on every resolve, so a ticket is never closed on the customer by one stray key. The console
 * asks the same question before it offers "Resolve".
 */
export function closingOf(input: { readonly reply?: string | undefined; readonly withoutReply?: boolean | undefined }): { readonly reply: string | null } | Refusal {
  const reply = input.reply?.trim() ?? '';
  const without = input.withoutReply === true;
  if (reply !== '' && without) return badRequest('withoutReply', 'give a closing reply or withoutReply: true, not both');
  if (without) return { reply: null };
  if (reply === '') return badRequest('reply', 'resolving needs a closing reply to the customer, or withoutReply: true to resolve without one');
  return { reply };
}

/** Whether `actor` may decide on compensation (R6c): managers only, on a ticket and on an outage alike. */
export function mayDecideCompensation(actor: Actor): boolean {
  return actor.kind === 'agent' && actor.role === 'manager';
}

/** Whether `actor` may merge `duplicate` into some open original (R15): the console's "merge" ability. */
export function decideMergeFrom(actor: Actor, duplicate: TicketFacts): Refusal | null {
  if (!canSee(actor, duplicate)) return notFound(`ticket #${duplicate.id} not found`);
  if (actor.kind !== 'agent') return forbidden('only agents merge duplicates (R15)');
  if (!actsOnTier(actor, duplicate.tier)) return needTier(duplicate);
  if (!OPEN_STATUSES.includes(duplicate.status)) return notOpen(duplicate);
  return null;
}

/** Decides merging `duplicate` into `original` (R15): both visible, same client, original open. */
export function decideMerge(actor: Actor, duplicate: TicketFacts, original: TicketFacts | undefined): Refusal | null {
  const refused = decideMergeFrom(actor, duplicate);
  if (refused !== null) return refused;
  if (original === undefined) return badRequest('into', 'no such ticket');
  if (original.id === duplicate.id) return badRequest('into', 'a ticket cannot be merged into itself');
  if (!OPEN_STATUSES.includes(original.status)) return conflict(`the original #${original.id} is ${original.status.replace('_', ' ')}; merge into an open ticket`);
  // Copying the conversation to another client's ticket would show it to the wrong customers.
  if (original.clientId !== duplicate.clientId) return conflict(`#${original.id} belongs to another client`);
  return null;
}
