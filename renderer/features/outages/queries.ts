import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OutageListQuery } from '../../../shared/client/api-client.ts';
import type { OutageCommand } from '../../../shared/client/outage-command.ts';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { OutageSummary, OutageTicket, PublicOutage } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { ticketListKeys } from '../queue/queries.ts';
import { ticketDetailKeys } from '../ticket/queries.ts';
import type { PlannedReply } from './reply-plan.ts';

/** Query keys of outages (all -> lists -> list(query) -> details -> detail(id)); outage events invalidate `all`. */
export const outageKeys = {
  all: ['outages'] as const,
  lists: () => [...outageKeys.all, 'list'] as const,
  list: (query: OutageListQuery) => [...outageKeys.lists(), query] as const,
  details: () => [...outageKeys.all, 'detail'] as const,
  detail: (id: number) => [...outageKeys.details(), id] as const,
};

/** The open outages, whatever their year. */
export const OPEN_OUTAGES: OutageListQuery = { state: 'open' };

/** Query options of outages. */
export const outageQueries = {
  list: (bridge: Bridge, query: OutageListQuery) =>
    queryOptions({ queryKey: outageKeys.list(query), queryFn: () => bridge.invoke('outages:list', query), staleTime: 5 * 60_000 }),
  detail: (bridge: Bridge, id: number) =>
    queryOptions({ queryKey: outageKeys.detail(id), queryFn: () => bridge.invoke('outages:get', { id }), staleTime: 5 * 60_000 }),
};

/** Agents get summaries; the list's type also allows the customers' public part. */
const isSummary = (o: PublicOutage): o is OutageSummary => 'summary' in o;
const NONE: readonly OutageSummary[] = [];

/** The open outages, oldest start first (empty while loading or when the service refuses). */
export function useOpenOutages(): readonly OutageSummary[] {
  const data = useQuery(outageQueries.list(useBridge(), OPEN_OUTAGES)).data;
  return useMemo(() => (data === undefined ? NONE : data.filter(isSummary).toSorted((a, b) => a.startedAt - b.startedAt)), [data]);
}

/** The ticket a command moves in or out of an outage (its detail shows the outage). */
function ticketOf(command: OutageCommand): number | null {
  return command.command === 'declare' || command.command === 'link' || command.command === 'unlink' ? command.ticketId : null;
}

/**
 * Sends an outage command; the answer is the outage as it now is. The lists change (count, start,
 * state), and so do the ticket it links or unlinks and the ticket lists (their outage).
 */
export function useOutageCommand() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: OutageCommand) => bridge.invoke('outages:command', command),
    onSuccess: (detail, command) => {
      client.setQueryData(outageKeys.detail(detail.outage.id), detail);
      const ticketId = ticketOf(command);
      return Promise.all([
        client.invalidateQueries({ queryKey: outageKeys.lists() }),
        client.invalidateQueries({ queryKey: ticketListKeys.all }),
        ticketId === null ? null : client.invalidateQueries({ queryKey: ticketDetailKeys.one(ticketId) }),
      ]);
    },
  });
}

/** What became of one reply: sent, or refused with the service's reason. */
export interface ReplyOutcome {
  readonly ticket: OutageTicket;
  readonly body: string;
  /** null when sent; the service's message when refused. */
  readonly refusal: string | null;
}

/**
 * Sends one reply per ticket through the ordinary ticket command, one after another; a refusal
 * (another tier's ticket, one resolved meanwhile) is kept with its reason and the rest still go.
 */
export function useReplyToAll() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (replies: readonly PlannedReply[]): Promise<readonly ReplyOutcome[]> => {
      const outcomes: ReplyOutcome[] = [];
      for (const { ticket, body } of replies) {
        try {
          await bridge.invoke('tickets:command', { command: 'message', id: ticket.id, type: 'reply', body });
          outcomes.push({ ticket, body, refusal: null });
        } catch (error) {
          outcomes.push({ ticket, body, refusal: error instanceof Error ? error.message : String(error) });
        }
      }
      return outcomes;
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ticketListKeys.all }),
        client.invalidateQueries({ queryKey: ticketDetailKeys.all }),
        client.invalidateQueries({ queryKey: outageKeys.details() }),
      ]),
  });
}
