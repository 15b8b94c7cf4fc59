import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CannedReplyFilter } from '../../../shared/api/index.ts';
import type { CannedCommand } from '../../../shared/client/canned-command.ts';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';

/** Query keys of canned replies: a change made here refreshes every list. */
export const cannedKeys = {
  all: ['canned'] as const,
  list: (filter: CannedReplyFilter) => [...cannedKeys.all, filter] as const,
};

/** Query options of canned replies. No event says another console changed them: read again when opened. */
export const cannedQueries = {
  list: (bridge: Bridge, filter: CannedReplyFilter = {}) =>
    queryOptions({ queryKey: cannedKeys.list(filter), queryFn: async () => (await bridge.invoke('canned:list', filter)).replies, staleTime: 0 }),
};

/** Creates, edits or deletes a canned reply (managers and admins); every list is read again after. */
export function useCannedCommand() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: CannedCommand) => bridge.invoke('canned:command', command),
    onSuccess: () => client.invalidateQueries({ queryKey: cannedKeys.all }),
  });
}
