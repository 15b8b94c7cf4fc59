import { queryOptions } from '@tanstack/react-query';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { OutageSummary, PublicOutage } from '../../../shared/model/outages.ts';

/** Query keys of the availability screen; outage.* events invalidate `all`. */
export const availabilityKeys = {
  all: ['availability'] as const,
  /** `current`: the year the service's clock is in (it picks it, in the support zone). */
  year: (year: number | 'current') => [...availabilityKeys.all, 'year', year] as const,
  outages: (year: number) => [...availabilityKeys.all, 'outages', year] as const,
  firstOutageAt: () => [...availabilityKeys.all, 'first-outage-at'] as const,
};

/** Agents get summaries; the list's type also allows a customer's public part. */
const summaries = (outages: readonly PublicOutage[]): readonly OutageSummary[] => outages.filter((o): o is OutageSummary => 'summary' in o);

/** Query options of the availability screen. */
export const availabilityQueries = {
  /** The figures of `year`, or of the current year (null). */
  year: (bridge: Bridge, year: number | null) =>
    queryOptions({
      queryKey: availabilityKeys.year(year ?? 'current'),
      queryFn: () => bridge.invoke('availability:get', year === null ? undefined : { year }),
      staleTime: 5 * 60_000,
    }),
  /** The outages with downtime in `year` (the burn-down and the CSV). */
  outages: (bridge: Bridge, year: number) =>
    queryOptions({
      queryKey: availabilityKeys.outages(year),
      queryFn: async () => summaries(await bridge.invoke('outages:list', { year, state: 'all' })),
      staleTime: 5 * 60_000,
    }),
  /** When the first outage on record started (null with none): the picker goes back to its year. */
  firstOutageAt: (bridge: Bridge) =>
    queryOptions({
      queryKey: availabilityKeys.firstOutageAt(),
      queryFn: async () => {
        const all = await bridge.invoke('outages:list', { state: 'all' });
        return all.reduce<number | null>((first, o) => (first === null || o.startedAt < first ? o.startedAt : first), null);
      },
      staleTime: 5 * 60_000,
    }),
};
