import type { Agent, TicketSummary } from '../model/index.ts';

/** How many tickets in an agent's scope need attention now: for the tray, title and badge. */
export interface AttentionCounts {
  readonly breached: number;
  /** Running and past the warning point (policy.warning), not yet breached. */
  readonly atRisk: number;
}

/** A ticket is the agent's concern when assigned to them, or unassigned in one of their tiers. */
export function inScope(ticket: Pick<TicketSummary, 'assignee' | 'tier'>, me: Agent): boolean {
  return ticket.assignee === null ? me.tiers.includes(ticket.tier) : ticket.assignee.id === me.id;
}

/** Counts breached and at-risk tickets in the agent's scope, as of `now`. */
export function attentionCounts(tickets: readonly TicketSummary[], me: Agent, now: number): AttentionCounts {
  let breached = 0;
  let atRisk = 0;
  for (const t of tickets) {
    if (!inScope(t, me) || t.sla.dueAt === null || t.sla.state === 'closed') continue;
    if (t.sla.dueAt <= now) breached++;
    else if (t.sla.warnAt !== null && t.sla.warnAt <= now) atRisk++;
  }
  return { breached, atRisk };
}
