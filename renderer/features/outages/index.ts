/** The outages feature's public surface: the bar above the queue, the outage view, the ticket's outage line, query keys and the open outages. */
export { OutageBar } from './outage-bar.tsx';
export { OutageView } from './outage-view.tsx';
export { OPEN_OUTAGES, outageKeys, outageQueries, useOpenOutages } from './queries.ts';
export { resetOutageStore, useOpenOutageId, useOutageActions } from './store.ts';
export { TicketOutage } from './ticket-outage.tsx';
