/** The pages feature's public surface: open pages, their query keys, and the Acknowledge control of a ticket. */
export { PageAck } from './page-ack.tsx';
export { pagedTicketIds, pageOfTicket } from './page-of-ticket.ts';
export { pageKeys, pageQueries, useAckPage, useOpenPages } from './queries.ts';
