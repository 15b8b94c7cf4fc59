import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { CalendarConfig } from '../../../shared/sla/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';

/** Query keys of the support calendar; calendar.changed invalidates them. */
export const calendarKeys = {
  all: ['calendar'] as const,
};

/** Query options of the support calendar in force. */
export const calendarQueries = {
  current: (bridge: Bridge) => queryOptions({ queryKey: calendarKeys.all, queryFn: () => bridge.invoke('calendar:get', undefined), staleTime: 5 * 60_000 }),
};

/** Saves a calendar (admins); the answer is the calendar as stored. The rest follows from the calendar.changed event. */
export function useSaveCalendar() {
  const bridge = useBridge();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: CalendarConfig) => bridge.invoke('calendar:set', config),
    onSuccess: (stored) => client.setQueryData(calendarKeys.all, stored),
  });
}
