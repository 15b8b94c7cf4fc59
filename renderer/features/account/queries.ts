import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '../../../shared/client/api-client.ts';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { authQueries } from '../auth/queries.ts';

/** Query keys of the signed-in user's own account (all -> other sessions). */
export const accountKeys = {
  all: ['account'] as const,
  otherSessions: () => [...accountKeys.all, 'other-sessions'] as const,
};

/** Query options of the own account. */
export const accountQueries = {
  otherSessions: (bridge: Bridge) => queryOptions({ queryKey: accountKeys.otherSessions(), queryFn: () => bridge.invoke('session:others', undefined), staleTime: 0 }),
};

/** Changes the own password; the session goes on (no longer needing a change) and every other session has ended. */
export function useChangePassword() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => bridge.invoke('session:changePassword', request),
    onSuccess: (changed) => {
      client.setQueryData(authQueries.session(bridge).queryKey, changed.session);
      return client.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

/** Ends one other session (its id) or all of them (undefined). */
export function useEndOtherSessions() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | undefined) => bridge.invoke('session:endOthers', id === undefined ? undefined : { id }),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.otherSessions() }),
  });
}
