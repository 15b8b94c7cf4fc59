import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { LoginRequest } from '../../../shared/client/api-client.ts';
import type { Agent } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';

/** Query options of the session and what the host says about itself. */
export const authQueries = {
  session: (bridge: Bridge) => queryOptions({ queryKey: ['session'] as const, queryFn: () => bridge.invoke('session:get', undefined), staleTime: Infinity }),
  appInfo: (bridge: Bridge) => queryOptions({ queryKey: ['app-info'] as const, queryFn: () => bridge.invoke('app:info', undefined), staleTime: Infinity }),
};

/** The signed-in agent, provided once by the session gate so the tree below never sees a half-signed-out state. */
export const MeContext = createContext<Agent | null>(null);

/** The signed-in agent; only rendered below the session gate. */
export function useMe(): Agent {
  const me = useContext(MeContext);
  if (me === null) throw new Error('useMe outside MeContext');
  return me;
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
      client.removeQueries({ predicate: (q) => ['tickets', 'agents', 'outages', 'admin', 'account'].includes(String(q.queryKey[0])) });
      client.setQueryData(authQueries.session(bridge).queryKey, null);
    },
  });
}
