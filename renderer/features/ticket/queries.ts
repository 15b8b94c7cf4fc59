import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { TicketCommand } from '../../../shared/client/ticket-command.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { ticketListKeys } from '../queue/queries.ts';

/** Query keys of ticket details. */
export const ticketDetailKeys = {
  all: ['tickets', 'detail'] as const,
  one: (id: number) => ['tickets', 'detail', id] as const,
};

/** Query keys of the agent directory (GET /api/v1/agents: names for pickers and the roster). */
export const agentDirectoryKeys = {
  all: ['agents'] as const,
};

/** Query options of one ticket and the agent directory. */
export const ticketQueries = {
  detail: (bridge: Bridge, id: number) =>
    queryOptions({ queryKey: ticketDetailKeys.one(id), queryFn: () => bridge.invoke('tickets:get', { id }), staleTime: 5 * 60_000 }),
  agents: (bridge: Bridge) =>
    queryOptions({ queryKey: agentDirectoryKeys.all, queryFn: async () => (await bridge.invoke('agents:list', undefined)).agents, staleTime: 10 * 60_000 }),
};

/** Sends a command; the answer is the ticket's new detail, and every list may have changed. */
export function useTicketCommand() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: TicketCommand) => bridge.invoke('tickets:command', command),
    onSuccess: (detail) => {
      client.setQueryData(ticketDetailKeys.one(detail.ticket.id), detail);
      void client.invalidateQueries({ queryKey: ticketListKeys.all });
    },
  });
}
