import { OPEN_STATUSES, type TicketSummary } from '../../../shared/model/index.ts';

/** The portal's list in two parts: tickets still worked on, and those resolved or merged. */
export interface PortalTickets {
  /** Waiting for the customer's answer first (R13), then newest activity first. */
  readonly open: readonly TicketSummary[];
  /** Newest activity first. */
  readonly closed: readonly TicketSummary[];
}

const newestFirst = (a: TicketSummary, b: TicketSummary): number => b.updatedAt - a.updatedAt || b.id - a.id;

/**
 * The client's tickets as the portal lists them: a question from support puts its ticket on top
 * until the customer answers; otherwise the newest activity comes first.
 */
export function portalOrder(tickets: readonly TicketSummary[]): PortalTickets {
  const waiting = (t: TicketSummary): number => (t.status === 'awaiting_customer' ? 0 : 1);
  return {
    open: tickets.filter((t) => OPEN_STATUSES.includes(t.status)).toSorted((a, b) => waiting(a) - waiting(b) || newestFirst(a, b)),
    closed: tickets.filter((t) => !OPEN_STATUSES.includes(t.status)).toSorted(newestFirst),
  };
}
