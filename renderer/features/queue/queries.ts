import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { TicketView } from '../../../shared/api/index.ts';

/** The most rows one view loads: the service's cap, enough for 10,000 open tickets. */
export const QUEUE_LIMIT = 10_000;

/** Query options of ticket lists; pushed events invalidate `ticketListKeys.all`. */
export const ticketListKeys = {
  all: ['tickets', 'list'] as const,
};

/** Query options per view and search. */
export const queueQueries = {
  list: (bridge: Bridge, view: TicketView, q: string) =>
    queryOptions({
      queryKey: [...ticketListKeys.all, { view, q }] as const,
      queryFn: () => bridge.invoke('tickets:list', { view, limit: QUEUE_LIMIT, ...(q.trim() === '' ? {} : { q: q.trim() }) }),
      staleTime: 5 * 60_000,
      placeholderData: keepPreviousData,
    }),
};
