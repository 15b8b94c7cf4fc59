import { DateTime } from 'luxon';
import { DEFAULT_POLICY, type SlaPolicy } from './policy.ts';
import { canonicalZone } from './zone-time.ts';

/** The function groups whose availability is judged separately (R1, R20). */
export type FunctionGroup = 'autodialer' | 'inbound';
/** Both function groups, in display order. */
export const FUNCTION_GROUPS: readonly FunctionGroup[] = ['autodialer', 'inbound'];

/** A service outage, counted from the moment support received the ticket reporting it (R19). */
export interface Outage {
  readonly id: string;
  readonly groups: readonly FunctionGroup[];
  readonly reportedAt: number;
  /** null while the outage lasts. */
  readonly restoredAt: number | null;
  /** Caused outside support's responsibility (R27): not service downtime. */
  readonly excluded?: boolean;
}

/** An outage with how long it lasted in all (until `now` while open), not clipped to the year. */
export type OutageWithDuration = Outage & { readonly durationMs: number };
/** An outage that lasted longer than the SLA allows (R18), with how long it lasted in all. */
export type OverlongOutage = OutageWithDuration;

/** One function group's availability within one calendar year. */
export interface GroupAvailability {
  readonly downtimeMs: number;
  readonly budgetMs: number;
  /** budgetMs - downtimeMs; negative once the budget is overrun. */
  readonly remainingBudgetMs: number;
  /** 1 - downtime / length of the year. */
  readonly uptime: number;
  /** Counted outages (not excluded) with downtime in the year. */
  readonly outageCount: number;
  readonly overlong: readonly OverlongOutage[];
  /** Excluded outages (R27) of the group that would have had downtime in the year. */
  readonly excluded: readonly OutageWithDuration[];
}

/** Availability of every function group in one calendar year of the support zone. */
export interface Availability {
  readonly year: number;
  readonly zone: string;
  readonly yearStart: number;
  readonly yearEnd: number;
  readonly groups: Readonly<Record<FunctionGroup, GroupAvailability>>;
}

/** Options: the year, the instant open outages count up to, the support zone, the policy. */
export interface AvailabilityOptions {
  readonly year: number;
  readonly now: number;
  readonly zone?: string;
  readonly policy?: SlaPolicy;
}

/** [yearStart, yearEnd): midnight of 1 January of `year` and of the next year, on the wall clock of `zone`. */
export function yearBounds(year: number, zone: string): { readonly yearStart: number; readonly yearEnd: number } {
  return { yearStart: DateTime.fromObject({ year }, { zone }).toMillis(), yearEnd: DateTime.fromObject({ year: year + 1 }, { zone }).toMillis() };
}

/** The calendar year `at` falls in on the wall clock of `zone`. */
export function yearOf(at: number, zone: string): number {
  return DateTime.fromMillis(at, { zone }).year;
}

/** Downtime per function group in one calendar year (R17-R20, R27). */
export function computeAvailability(outages: readonly Outage[], options: AvailabilityOptions): Availability {
  const zone = canonicalZone(options.zone ?? 'Europe/Kyiv');
  if (zone === null) throw new RangeError(`Unknown time zone: ${options.zone}`);
  if (!Number.isInteger(options.year)) throw new RangeError(`year must be an integer, got ${options.year}`);
  const { budgetMs, maxOutageMs } = (options.policy ?? DEFAULT_POLICY).availability;
  const { yearStart, yearEnd } = yearBounds(options.year, zone);

  const endOf = (o: Outage): number => o.restoredAt ?? options.now;
  // The part of an outage inside the year, or null when it has none.
  const spanInYear = (o: Outage): readonly [number, number] | null => {
    const from = Math.max(o.reportedAt, yearStart);
    const to = Math.min(endOf(o), yearEnd);
    return to > from ? [from, to] : null;
  };
  const withDuration = (o: Outage): OutageWithDuration => ({ ...o, durationMs: Math.max(0, endOf(o) - o.reportedAt) });

  const group = (g: FunctionGroup): GroupAvailability => {
    const ofGroup = outages.filter((o) => o.groups.includes(g) && spanInYear(o) !== null);
    const counted = ofGroup.filter((o) => o.excluded !== true);
    const spans = counted
      .map(spanInYear)
      .filter((span) => span !== null)
      .sort((a, b) => a[0] - b[0]);
    let downtimeMs = 0;
    let coveredTo = Number.NEGATIVE_INFINITY;
    for (const [from, to] of spans) {
      // Overlapping outages of one group are one downtime, not two.
      const begin = Math.max(from, coveredTo);
      if (to > begin) downtimeMs += to - begin;
      coveredTo = Math.max(coveredTo, to);
    }
    return {
      downtimeMs,
      budgetMs,
      remainingBudgetMs: budgetMs - downtimeMs,
      uptime: 1 - downtimeMs / (yearEnd - yearStart),
      outageCount: counted.length,
      overlong: counted.map(withDuration).filter((o) => o.durationMs > maxOutageMs),
      excluded: ofGroup.filter((o) => o.excluded === true).map(withDuration),
    };
  };

  return {
    year: options.year,
    zone,
    yearStart,
    yearEnd,
    groups: { autodialer: group('autodialer'), inbound: group('inbound') },
  };
}

/**
 * A client's availability: that of its primary function group (R20). An outage of both groups is
 * in both groups' downtime, so it counts for every client.
 */
export function clientAvailability(availability: Availability, primaryGroup: FunctionGroup): GroupAvailability {
  return availability.groups[primaryGroup];
}
