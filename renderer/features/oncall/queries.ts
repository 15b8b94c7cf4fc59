import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOverrideRequest } from '../../../shared/client/api-client.ts';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';

/** Query keys of the roster: who is on call now (per mode, so a change of mode asks again) and the overrides. */
export const onCallKeys = {
  all: ['oncall'] as const,
  now: (mode: 'on-call' | 'working') => [...onCallKeys.all, 'now', mode] as const,
  overrides: () => [...onCallKeys.all, 'overrides'] as const,
};

/** Query options of the roster. */
export const onCallQueries = {
  now: (bridge: Bridge, mode: 'on-call' | 'working') =>
    queryOptions({ queryKey: onCallKeys.now(mode), queryFn: () => bridge.invoke('oncall:now', undefined), staleTime: 5 * 60_000 }),
  overrides: (bridge: Bridge) =>
    queryOptions({ queryKey: onCallKeys.overrides(), queryFn: async () => (await bridge.invoke('oncall:overrides', undefined)).overrides, staleTime: 5 * 60_000 }),
};

/** Adds an override; the whole roster may have changed. */
export function useAddOverride() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateOverrideRequest) => bridge.invoke('oncall:addOverride', request),
    onSettled: () => client.invalidateQueries({ queryKey: onCallKeys.all }),
  });
}

/** Removes an override. */
export function useRemoveOverride() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => bridge.invoke('oncall:removeOverride', { id }),
    onSettled: () => client.invalidateQueries({ queryKey: onCallKeys.all }),
  });
}

/** Two agents swap layers over [from, to): two overrides; if the second is refused the first is taken back, so no half swap stays. */
export function useSwap() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (swap: { readonly primary: number; readonly secondary: number; readonly from: number; readonly to: number; readonly reason: string }) => {
      const first = await bridge.invoke('oncall:addOverride', { agentId: swap.secondary, layer: 'primary', from: swap.from, to: swap.to, reason: swap.reason });
      try {
        await bridge.invoke('oncall:addOverride', { agentId: swap.primary, layer: 'secondary', from: swap.from, to: swap.to, reason: swap.reason });
      } catch (error) {
        await bridge.invoke('oncall:removeOverride', { id: first.id });
        throw error;
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: onCallKeys.all }),
  });
}
