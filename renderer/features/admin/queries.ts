import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { AdminAuditFilter } from '../../../shared/api/index.ts';
import type { AdminCommand, AdminCommandName, AdminCommandResults } from '../../../shared/client/admin-command.ts';
import type { AccountState } from '../../../shared/client/api-client.ts';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { ticketQueries } from '../ticket/queries.ts';

/** Query keys of agents as administrators see them (all -> lists -> list(state)). */
export const adminAgentKeys = {
  all: ['admin', 'agents'] as const,
  lists: () => [...adminAgentKeys.all, 'list'] as const,
  list: (state: AccountState) => [...adminAgentKeys.lists(), state] as const,
};

/** Query keys of clients as administrators see them. */
export const adminClientKeys = {
  all: ['admin', 'clients'] as const,
  list: () => [...adminClientKeys.all, 'list'] as const,
};

/** Query keys of a client's customers (all -> lists(client) -> list(client, state)). */
export const adminCustomerKeys = {
  all: ['admin', 'customers'] as const,
  lists: (clientId: number) => [...adminCustomerKeys.all, clientId] as const,
  list: (clientId: number, state: AccountState) => [...adminCustomerKeys.lists(clientId), state] as const,
};

/** Query keys of the admin audit (all -> list(filter)); each list is paged. */
export const adminAuditKeys = {
  all: ['admin', 'audit'] as const,
  list: (filter: AdminAuditFilter) => [...adminAuditKeys.all, filter] as const,
};

/** Query keys of the Telegram status channel's outbox. */
export const adminTelegramKeys = {
  all: ['admin', 'telegram'] as const,
  status: () => [...adminTelegramKeys.all, 'status'] as const,
};

/** Entries per page of the audit log. */
export const AUDIT_PAGE = 50;

/** Query options of the administration screen. */
export const adminQueries = {
  agents: (bridge: Bridge, state: AccountState = 'all') =>
    queryOptions({ queryKey: adminAgentKeys.list(state), queryFn: async () => (await bridge.invoke('admin:agents', { state })).agents, staleTime: 60_000 }),
  clients: (bridge: Bridge) =>
    queryOptions({ queryKey: adminClientKeys.list(), queryFn: async () => (await bridge.invoke('admin:clients', undefined)).clients, staleTime: 60_000 }),
  customers: (bridge: Bridge, clientId: number, state: AccountState = 'all') =>
    queryOptions({
      queryKey: adminCustomerKeys.list(clientId, state),
      queryFn: async () => (await bridge.invoke('admin:customers', { clientId, state })).customers,
      staleTime: 60_000,
    }),
  /** The Telegram outbox: no event says it changed, so it is read again when shown and on Refresh. */
  telegram: (bridge: Bridge) =>
    queryOptions({ queryKey: adminTelegramKeys.status(), queryFn: () => bridge.invoke('admin:telegram', undefined), staleTime: 0 }),
  /** The audit, newest first, a page at a time: the next page is what is older than the last entry shown. */
  audit: (bridge: Bridge, filter: AdminAuditFilter) =>
    infiniteQueryOptions({
      queryKey: adminAuditKeys.list(filter),
      queryFn: async ({ pageParam }) =>
        (await bridge.invoke('admin:audit', { ...filter, limit: AUDIT_PAGE, ...(pageParam === null ? {} : { before: pageParam }) })).entries,
      initialPageParam: null as number | null,
      getNextPageParam: (last) => (last.length < AUDIT_PAGE ? null : (last.at(-1)?.id ?? null)),
      staleTime: 60_000,
    }),
};

/** What an administrative change makes stale, besides the audit log (every change but a preview writes to it). */
export function staleAfter(command: AdminCommand): readonly QueryKey[] {
  switch (command.command) {
    case 'createAgent':
    case 'updateAgent':
    case 'resetAgentPassword':
      return [adminAgentKeys.all, adminAuditKeys.all];
    case 'createClient':
    case 'updateClient':
      return [adminClientKeys.all, adminAuditKeys.all];
    case 'createCustomer':
    case 'updateCustomer':
    case 'resetCustomerPassword':
      return [adminCustomerKeys.lists(command.clientId), adminClientKeys.all, adminAuditKeys.all];
    case 'importCustomers':
      return command.dryRun ? [] : [adminCustomerKeys.lists(command.clientId), adminClientKeys.all, adminAuditKeys.all];
    case 'retryTelegram':
      return [adminTelegramKeys.all, adminAuditKeys.all];
    default:
      return assertNever(command, 'admin command');
  }
}

/** A change of agents also changes the names and tiers the rest of the console shows (roster, assignees). */
const changesAgents = (command: AdminCommand): boolean => command.command === 'createAgent' || command.command === 'updateAgent';

/** Sends one kind of administrative change; its answer typed for that kind. The lists it changes are fetched again. */
export function useAdminCommand<N extends AdminCommandName>() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    // The channel answers the union of every command's result; this command's is the one for N.
    mutationFn: async (command: Extract<AdminCommand, { command: N }>) => (await bridge.invoke('admin:command', command)) as AdminCommandResults[N],
    onSettled: (_data, _error, command) => {
      const keys = [...staleAfter(command), ...(changesAgents(command) ? [ticketQueries.agents(bridge).queryKey] : [])];
      return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
