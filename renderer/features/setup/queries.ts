import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetupRequest } from '../../../shared/client/api-client.ts';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { Workspace } from '../../../shared/ipc/contract.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { authQueries } from '../auth/queries.ts';

/** Query keys of the first start. */
export const setupKeys = {
  all: ['setup'] as const,
  status: () => [...setupKeys.all, 'status'] as const,
};

/** Query options of the first start: whether the service waits for it (asked while signed out). */
export const setupQueries = {
  status: (bridge: Bridge) => queryOptions({ queryKey: setupKeys.status(), queryFn: () => bridge.invoke('setup:status', undefined), staleTime: Infinity }),
};

/** Sets the service up; on success the new admin is signed in (the session query holds it). */
export function useCompleteSetup() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SetupRequest) => bridge.invoke('setup:complete', request),
    onSuccess: (session) => client.setQueryData(authQueries.session(bridge).queryKey, session),
    // Set up (by us or, on a 409, by someone else): the status has changed either way.
    onSettled: () => client.invalidateQueries({ queryKey: setupKeys.all }),
  });
}

/** Switches the desktop app's embedded service to another workspace; the app restarts. */
export function useSwitchWorkspace() {
  const bridge = useBridge();
  return useMutation({ mutationFn: (workspace: Workspace) => bridge.invoke('workspace:switch', { workspace }) });
}
