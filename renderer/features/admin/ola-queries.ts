import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { OlaTargets } from '../../../shared/ola/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { adminAuditKeys } from './queries.ts';

/** Query keys of the internal targets (docs/ola.md). */
export const olaKeys = {
  all: ['ola'] as const,
  targets: () => [...olaKeys.all, 'targets'] as const,
  report: (from: number, to: number) => [...olaKeys.all, 'report', from, to] as const,
};

/** Query options of the internal targets and their report. */
export const olaQueries = {
  targets: (bridge: Bridge) => queryOptions({ queryKey: olaKeys.targets(), queryFn: async () => (await bridge.invoke('ola:targets', undefined)).targets, staleTime: 60_000 }),
  /** No event says the report changed: read again whenever it is shown. */
  report: (bridge: Bridge, from: number, to: number) => queryOptions({ queryKey: olaKeys.report(from, to), queryFn: () => bridge.invoke('ola:report', { from, to }), staleTime: 0 }),
};

/**
 * Replaces the targets. This console's tickets are read again at once (their `ola` changes); other
 * consoles read them with their next list, which any ticket event triggers (no service event says targets
 * changed: service-wide events go to customers too).
 */
export function useSetOlaTargets() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (targets: OlaTargets) => (await bridge.invoke('ola:setTargets', { targets })).targets,
    onSuccess: (targets) => client.setQueryData(olaKeys.targets(), targets),
    onSettled: () => Promise.all([olaKeys.all, adminAuditKeys.all, ['tickets']].map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
