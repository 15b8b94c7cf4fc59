import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { Page } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { ticketDetailKeys } from '../ticket/queries.ts';

/** Query keys of pages; page.* events invalidate `all`. */
export const pageKeys = {
  all: ['pages'] as const,
  open: () => [...pageKeys.all, 'open'] as const,
};

/** Query options of pages: the open ones (not closed, acknowledged or not), newest first. */
export const pageQueries = {
  open: (bridge: Bridge) => queryOptions({ queryKey: pageKeys.open(), queryFn: () => bridge.invoke('pages:list', { state: 'open' }), staleTime: 5 * 60_000 }),
};

const NONE: readonly Page[] = [];

/** The open pages (empty while loading or when the service refuses). */
export function useOpenPages(): readonly Page[] {
  return useQuery(pageQueries.open(useBridge())).data ?? NONE;
}

/** Acknowledges a page; the page list and the ticket (its audit) change. */
export function useAckPage() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (page: Page) => bridge.invoke('pages:ack', { id: page.id }),
    onSettled: (_data, _error, page) => Promise.all([client.invalidateQueries({ queryKey: pageKeys.all }), client.invalidateQueries({ queryKey: ticketDetailKeys.one(page.ticketId) })]),
  });
}
