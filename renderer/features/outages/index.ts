/** The outages feature's public surface: the bar above the queue, the outage view, the ticket's outage line, query keys and the open outages. */
import { lazy } from 'react';

export { OutageBar } from './outage-bar.tsx';
/** The outage view (timeline, tickets, compensations, reply to all), loaded when first opened. */
export const OutageView = lazy(async () => ({ default: (await import('./outage-view.tsx')).OutageView }));
export { OPEN_OUTAGES, outageKeys, outageQueries, useOpenOutages } from './queries.ts';
export { resetOutageStore, useOpenOutageId, useOutageActions } from './store.ts';
export { TicketOutage } from './ticket-outage.tsx';
