import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { LoginRequest } from '../../../shared/client/api-client.ts';
import type { Agent } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';

/** Query options of the session and what the host says about itself. */
export const authQueries = {
  session: (bridge: Bridge) => queryOptions({ queryKey: ['session'] as const, queryFn: () => bridge.invoke('session:get', undefined), staleTime: Infinity }),
  appInfo: (bridge: Bridge) => queryOptions({ queryKey: ['app-info'] as const, queryFn: () => bridge.invoke('app:info', undefined), staleTime: Infinity }),
};

/** The signed-in agent; only rendered below the login gate. */
export function useMe(): Agent {
  const bridge = useBridge();
  const user = useQuery(authQueries.session(bridge)).data?.user;
  if (user?.kind !== 'agent') throw new Error('useMe outside a signed-in agent session');
  return user;
}

/** Signs in; the session query holds the result. */
export function useLogin() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => bridge.invoke('session:login', credentials),
    onSuccess: (session) => client.setQueryData(authQueries.session(bridge).queryKey, session),
  });
}

/** Signs out and forgets every cached ticket. */
export function useLogout() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => bridge.invoke('session:logout', undefined),
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] === 'tickets' || q.queryKey[0] === 'agents' });
      client.setQueryData(authQueries.session(bridge).queryKey, null);
    },
  });
}
