import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTicketRequest } from '../../../shared/client/api-client.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { ticketListKeys } from '../../features/queue/queries.ts';
import { ticketDetailKeys } from '../../features/ticket/queries.ts';

/** Files a ticket; the answer is its detail, and the client's lists have changed. */
export function useCreateTicket() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTicketRequest) => bridge.invoke('tickets:create', request),
    onSuccess: (detail) => {
      client.setQueryData(ticketDetailKeys.one(detail.ticket.id), detail);
      void client.invalidateQueries({ queryKey: ticketListKeys.all });
    },
  });
}
