import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/settings.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';

/** Query options of the console's settings; `settings:changed` pushes updates. */
export const settingsQueries = {
  current: (bridge: Bridge) => queryOptions({ queryKey: ['settings'] as const, queryFn: () => bridge.invoke('settings:get', undefined), staleTime: Infinity }),
};

/** The settings (defaults until loaded). */
export function useSettings(): Settings {
  const bridge = useBridge();
  return useQuery(settingsQueries.current(bridge)).data ?? DEFAULT_SETTINGS;
}

/** Saves a settings patch. */
export function useSaveSettings() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => bridge.invoke('settings:set', patch),
    onSuccess: (settings) => client.setQueryData(settingsQueries.current(bridge).queryKey, settings),
  });
}
