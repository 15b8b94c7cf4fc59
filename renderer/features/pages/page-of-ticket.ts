import type { Page } from '../../../shared/model/index.ts';

/** The ticket's page that is not closed (the service keeps at most one), or null. */
export function pageOfTicket(pages: readonly Page[], ticketId: number): Page | null {
  return pages.find((p) => p.ticketId === ticketId && p.state !== 'closed') ?? null;
}

/** The tickets with a page that is not closed: they must be handled now. */
export function pagedTicketIds(pages: readonly Page[]): ReadonlySet<number> {
  return new Set(pages.filter((p) => p.state !== 'closed').map((p) => p.ticketId));
}
