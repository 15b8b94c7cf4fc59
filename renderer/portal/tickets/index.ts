/** The portal's ticket list (`#/`) and how it words a ticket's status. */
export { TicketList } from './ticket-list.tsx';
export { portalOrder, type PortalTickets } from './list-order.ts';
export { statusText } from './status-text.ts';
