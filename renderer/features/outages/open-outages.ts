import type { OutageSummary } from '../../../shared/model/index.ts';

/** The ids of the open outages: a ticket linked to one must be handled now, after hours too (R8, R26). */
export function openOutageIds(outages: readonly Pick<OutageSummary, 'id' | 'state'>[]): ReadonlySet<number> {
  return new Set(outages.filter((o) => o.state === 'open').map((o) => o.id));
}
