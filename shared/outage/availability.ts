/**
 * The availability figures of a year (docs/availability.md, R17-R20, R27) as GET /api/v1/availability
 * returns them, and the budget's burn-down across the year. Both are built on the SLA engine's
 * computeAvailability: downtime is computed there and nowhere else.
 */
import type { AvailabilityResponse } from '../api/outages.ts';
import type { Client } from '../model/index.ts';
import type { OutageSummary } from '../model/outages.ts';
import {
  clientAvailability,
  computeAvailability,
  FUNCTION_GROUPS,
  type AvailabilityOptions,
  type FunctionGroup,
  type GroupAvailability,
  type OutageWithDuration,
} from '../sla/availability.ts';
import { toEngineOutage } from './rules.ts';

/** What the figures need of an outage. */
export type AvailabilityOutage = Pick<OutageSummary, 'id' | 'groups' | 'startedAt' | 'restoredAt' | 'excluded' | 'exclusionReason'>;
/** What the figures need of a client. */
export type AvailabilityClient = Pick<Client, 'id' | 'name' | 'primaryGroup'>;

/** One point of a group's burn-down: downtime so far and the budget left at `at`. */
export interface BurnDownPoint {
  readonly at: number;
  readonly downtimeMs: number;
  readonly remainingMs: number;
}

const byStart = (a: OutageWithDuration, b: OutageWithDuration): number => a.reportedAt - b.reportedAt || Number(a.id) - Number(b.id);
const spanOf = (o: OutageWithDuration) => ({ id: Number(o.id), startedAt: o.reportedAt, restoredAt: o.restoredAt, durationMs: o.durationMs });
const figuresOf = (g: GroupAvailability) => ({ downtimeMs: g.downtimeMs, budgetMs: g.budgetMs, remainingBudgetMs: g.remainingBudgetMs, uptime: g.uptime });

/**
 * The year's figures per function group and per client (by its primary group, R20). Open outages
 * count up to `now`; overlong and excluded outages carry their whole duration, sorted by start.
 * Clients come in the order given.
 */
export function availabilityReport(outages: readonly AvailabilityOutage[], clients: readonly AvailabilityClient[], options: AvailabilityOptions): AvailabilityResponse {
  const a = computeAvailability(outages.map(toEngineOutage), options);
  const reasons = new Map(outages.map((o) => [String(o.id), o.exclusionReason ?? '']));
  return {
    year: a.year,
    zone: a.zone,
    yearStart: a.yearStart,
    yearEnd: a.yearEnd,
    asOf: options.now,
    groups: FUNCTION_GROUPS.map((group) => {
      const g = a.groups[group];
      return {
        group,
        ...figuresOf(g),
        outageCount: g.outageCount,
        overlong: [...g.overlong].sort(byStart).map(spanOf),
        excluded: [...g.excluded].sort(byStart).map((o) => ({ ...spanOf(o), reason: reasons.get(o.id) ?? '' })),
      };
    }),
    clients: clients.map((c) => {
      const g = clientAvailability(a, c.primaryGroup);
      return { client: { id: c.id, name: c.name, primaryGroup: c.primaryGroup }, ...figuresOf(g), overlongCount: g.overlong.length };
    }),
  };
}

/**
 * What was known of an outage at `t`: nothing before it started; still open if restored after `t`.
 * The engine then counts it up to `t` like any open outage.
 */
function asOf(o: AvailabilityOutage, t: number): AvailabilityOutage | null {
  if (o.startedAt >= t) return null;
  return o.restoredAt !== null && o.restoredAt > t ? { ...o, restoredAt: null } : o;
}

/**
 * A group's downtime and remaining budget across the year, for a chart: the first point at the
 * start of the year, one at every start and end of a counted outage within the year, the last at
 * min(now, end of the year). Downtime grows linearly between two points (it grows while an outage
 * is open), so straight lines between the points are exact.
 */
export function budgetBurnDown(outages: readonly AvailabilityOutage[], group: FunctionGroup, options: AvailabilityOptions): BurnDownPoint[] {
  const year = computeAvailability([], options);
  const last = Math.max(year.yearStart, Math.min(options.now, year.yearEnd));
  const relevant = outages.filter((o) => !o.excluded && o.groups.includes(group) && o.startedAt < last && (o.restoredAt ?? options.now) > year.yearStart);
  const instants = new Set<number>([year.yearStart, last]);
  for (const o of relevant) {
    for (const t of [o.startedAt, o.restoredAt]) if (t !== null && t > year.yearStart && t < last) instants.add(t);
  }
  return [...instants]
    .sort((x, y) => x - y)
    .map((at) => {
      const known = relevant.map((o) => asOf(o, at)).filter((o) => o !== null);
      const g = computeAvailability(known.map(toEngineOutage), { ...options, now: at }).groups[group];
      return { at, downtimeMs: g.downtimeMs, remainingMs: g.remainingBudgetMs };
    });
}
