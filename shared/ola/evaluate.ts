import type { OlaStatus, QueueOla, Tier } from '../model/index.ts';
import { DEFAULT_POLICY, type Calendar } from '../sla/index.ts';

const MINUTE = 60_000;

/** What the internal-target rule needs of a ticket's stay in a tier. */
export interface OlaInput {
  readonly tier: Tier;
  /** When the ticket arrived in the tier (created at L1, or routed or moved in). */
  readonly arrivedAt: number;
  /** The tier's first answer (a reply, question or note by an agent), its leaving the tier, or its resolution; null while none. */
  readonly answeredAt: number | null;
  /** The tier's target, in working minutes of the support calendar. */
  readonly targetMinutes: number;
}

/**
 * A tier's internal target clock (OLA, docs/ola.md) at `now`: it starts when the ticket arrives in
 * the tier, counts working time of the support calendar and stops at the tier's first answer. Like
 * the SLA clocks (shared/sla/evaluate.ts), the due time is counted on the calendar as known when the
 * clock stopped (or now, while it runs): a calendar change moves running clocks, never stopped ones.
 * A running clock stays `running` past its due time (remainingMs negative); a stopped one is `met`
 * when it stopped by its due time, `breached` after.
 */
export function evaluateOla(input: OlaInput, now: number, calendar: Calendar): OlaStatus {
  return olaStatusAt(olaClockOf(input, now, calendar), now, calendar);
}

/** The clock of evaluateOla without what depends on `now` but the calendar in force: what a queue row keeps. */
export function olaClockOf(input: OlaInput, now: number, calendar: Calendar): QueueOla {
  const { tier, arrivedAt, answeredAt, targetMinutes } = input;
  const stoppedAt = answeredAt === null ? null : Math.max(answeredAt, arrivedAt);
  const dueAt = calendar.asOf(now).asOf(stoppedAt ?? now).addWorkingTime(arrivedAt, targetMinutes * MINUTE);
  const state = stoppedAt === null ? 'running' : stoppedAt > dueAt ? 'breached' : 'met';
  return { tier, targetMinutes, startedAt: arrivedAt, dueAt, stoppedAt, state };
}

/** A row's internal clock at `now`: working time left (negative past due) and whether it passes now. */
export function olaStatusAt(clock: QueueOla, now: number, calendar: Calendar): OlaStatus {
  if (clock.stoppedAt !== null) return { ...clock, remainingMs: null, ticking: false };
  const cal = calendar.asOf(now);
  // 0 - x, not -x: past due with no working time since is 0, never -0 (which is not 0 to Object.is).
  const remainingMs = now <= clock.dueAt ? cal.workingTimeBetween(now, clock.dueAt) : 0 - cal.workingTimeBetween(clock.dueAt, now);
  return { ...clock, remainingMs, ticking: cal.isWorkingTime(now) };
}

/**
 * Whether a running internal clock is at risk at `now`: working time left is at most the SLA's
 * warning share of its target (a quarter, or five minutes, whichever is more), as for SLA clocks.
 */
export function olaAtRisk(ola: QueueOla, now: number, calendar: Calendar): boolean {
  if (ola.stoppedAt !== null || now >= ola.dueAt) return false;
  const total = ola.targetMinutes * MINUTE;
  const { fraction, minRemainingMs } = DEFAULT_POLICY.warning;
  return calendar.workingTimeBetween(now, ola.dueAt) <= Math.min(total, Math.max(total * fraction, minRemainingMs));
}

/** Working minutes a stopped clock took from arrival to its stop (for the report's median). */
export function olaAnswerMinutes(ola: OlaStatus, calendar: Calendar): number | null {
  if (ola.stoppedAt === null) return null;
  return calendar.asOf(ola.stoppedAt).workingTimeBetween(ola.startedAt, ola.stoppedAt) / MINUTE;
}
