import type { Agent, Ticket, Tier } from '../model/index.ts';

/** How many tickets in an agent's scope need attention now: for the tray, title and badge. */
export interface AttentionCounts {
  readonly breached: number;
  /** Running and past the warning point (policy.warning), not yet breached. */
  readonly atRisk: number;
}

/** A ticket is the agent's concern when assigned to them, or unassigned in one of their tiers. */
export function inScope(ticket: { readonly assigneeId: number | null; readonly tier: Tier }, me: Agent): boolean {
  return ticket.assigneeId === null ? me.tiers.includes(ticket.tier) : ticket.assigneeId === me.id;
}

/** Counts breached and at-risk tickets in the agent's scope, as of `now`. */
export function attentionCounts(tickets: readonly Ticket[], me: Agent, now: number): AttentionCounts {
  let breached = 0;
  let atRisk = 0;
  for (const t of tickets) {
    if (!inScope({ assigneeId: t.assignee?.id ?? null, tier: t.tier }, me) || t.sla.dueAt === null || t.sla.state === 'closed') continue;
    if (t.sla.dueAt <= now) breached++;
    else if (t.sla.clocks.some((c) => c.stoppedAt === null && c.dueAt === t.sla.dueAt && c.warnAt <= now)) atRisk++;
  }
  return { breached, atRisk };
}
