import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { TicketView } from '../../../shared/api/index.ts';
import { createRecentRows, loadView } from '../../../shared/client/live-queue.ts';
import type { ListScope, Viewer } from '../../../shared/tickets/live-list.ts';

/** The most rows one view loads: the service's cap, enough for 10,000 open tickets. */
export const QUEUE_LIMIT = 10_000;
/** The first page: a screenful and more, so the rows paint at once; the rest follows (useRestOfView). */
export const FIRST_PAGE = 500;
/** Rows per request after the first page. */
export const QUEUE_PAGE = 2_000;

/** Lists of whole tickets (merge candidates, a customer's similar tickets): pushed events make them stale. */
export const ticketListKeys = {
  all: ['tickets', 'list'] as const,
};

/** Live lists of queue rows, one per view and search: pushed events patch them (use-live-updates.ts). */
export const queueKeys = {
  all: ['tickets', 'queue'] as const,
  view: (scope: ListScope) => [...queueKeys.all, scope] as const,
};

/** The rows recent events carried: a view read while they arrived is brought up to date with them. */
export const recentRows = createRecentRows();

/** The scope of a view and search. */
export function scopeOf(view: TicketView, q: string): ListScope {
  const search = q.trim();
  return search === '' ? { view } : { view, q: search };
}

/** Query options per view and search. */
export const queueQueries = {
  list: (bridge: Bridge, viewer: Viewer, scope: ListScope) =>
    queryOptions({
      queryKey: queueKeys.view(scope),
      queryFn: () =>
        loadView(
          (query) => bridge.invoke('tickets:queue', query),
          scope,
          viewer,
          recentRows,
          { pageSize: FIRST_PAGE, max: FIRST_PAGE },
        ),
      // Events keep a loaded view true; it is read again on reconnect, or when a row cannot be placed.
      staleTime: Number.POSITIVE_INFINITY,
      placeholderData: keepPreviousData,
    }),
  /** Whole open tickets of a client, for text similarity (bodies): read when asked, stale on any event. */
  similar: (bridge: Bridge, clientId: number | null, limit: number) =>
    queryOptions({
      queryKey: [...ticketListKeys.all, 'similar', clientId, limit] as const,
      queryFn: () => bridge.invoke('tickets:list', { view: 'queue', limit, ...(clientId === null ? {} : { clientId: String(clientId) }) }),
    }),
};
