import { OPEN_STATUSES, type TicketSummary } from '../../../shared/model/index.ts';
import type { TicketView } from '../../../shared/api/index.ts';

/** The view the narrowed on-call queue filters: every open ticket, whatever the agent's tier. */
export const ON_CALL_VIEW: TicketView = 'queue';

/**
 * What must be handled now, after hours: the one place where on-call work is defined. Open
 * tickets that are escalated (R25), have a page not closed (`paged`: their ids), or are linked to
 * an outage still open (R8, R26: the service is down around the clock).
 */
export function mustHandleNow(ticket: TicketSummary, paged: ReadonlySet<number>): boolean {
  return OPEN_STATUSES.includes(ticket.status) && (ticket.escalated || paged.has(ticket.id) || ticket.outage?.open === true);
}
