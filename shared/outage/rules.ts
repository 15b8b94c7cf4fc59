/**
 * The outage rules (docs/availability.md), pure: when downtime starts (R19), the restoration
 * deadline (R18, on the 24/7 calendar: R8, R26), when the scheduler warns, and what a restore may say.
 */
import { DEFAULT_POLICY, type SlaPolicy } from '../sla/policy.ts';
import type { Outage as EngineOutage } from '../sla/availability.ts';
import type { OutageSummary } from '../model/outages.ts';

/** The warning comes this long before the restoration deadline. */
export const OUTAGE_WARNING_BEFORE_MS = 10 * 60_000;

/** Downtime starts at the receipt of the earliest linked ticket (R19); null with no ticket. */
export function outageStart(receipts: readonly number[]): number | null {
  return receipts.length === 0 ? null : Math.min(...receipts);
}

/** start + the longest allowed outage (R18): 30 minutes of wall-clock time. */
export function restoreBy(startedAt: number, policy: SlaPolicy = DEFAULT_POLICY): number {
  return startedAt + policy.availability.maxOutageMs;
}

/** When `outage.warning` is due: 10 minutes before the deadline. */
export function outageWarnAt(startedAt: number, policy: SlaPolicy = DEFAULT_POLICY): number {
  return restoreBy(startedAt, policy) - OUTAGE_WARNING_BEFORE_MS;
}

/** Downtime so far (open) or in all (restored). */
export function outageDurationMs(o: Pick<OutageSummary, 'startedAt' | 'restoredAt'>, now: number): number {
  return Math.max(0, (o.restoredAt ?? now) - o.startedAt);
}

/** Longer than the SLA allows (R18), so far or in all. */
export function isOverlong(o: Pick<OutageSummary, 'startedAt' | 'restoredAt'>, now: number, policy: SlaPolicy = DEFAULT_POLICY): boolean {
  return outageDurationMs(o, now) > policy.availability.maxOutageMs;
}

/** Why a restore instant cannot be recorded, or null when it can. */
export type RestoreRefusal = 'before_start' | 'in_future';

/** A restore is recorded between the start of downtime and now. */
export function checkRestoreAt(at: number, startedAt: number, now: number): RestoreRefusal | null {
  if (at < startedAt) return 'before_start';
  if (at > now) return 'in_future';
  return null;
}

/** The SLA engine's view of an outage, for computeAvailability. */
export function toEngineOutage(o: Pick<OutageSummary, 'id' | 'groups' | 'startedAt' | 'restoredAt' | 'excluded'>): EngineOutage {
  return { id: String(o.id), groups: o.groups, reportedAt: o.startedAt, restoredAt: o.restoredAt, excluded: o.excluded };
}
