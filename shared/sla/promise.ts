import { createCalendar, type Calendar } from './calendar.ts';
import { evaluateSla, type EvaluateOptions } from './evaluate.ts';
import { DEFAULT_POLICY, type SlaDuration, type SlaTargetId, type TicketKind } from './policy.ts';

/** What the SLA promises a ticket of one kind filed at one instant (R21, R23, R24). */
export interface SlaPromise {
  readonly kind: TicketKind;
  /** When the ticket would be filed. */
  readonly at: number;
  readonly target: SlaTargetId;
  readonly duration: SlaDuration;
  /** 'business': counts the support calendar's working time (R7); 'continuous': round the clock. */
  readonly calendar: 'business' | 'continuous';
  /** Whether `at` is working time on the support calendar (whatever the target counts). */
  readonly workingNow: boolean;
  /** When the clock first counts: `at` itself, or the next opening for a working-time clock filed after hours. */
  readonly startsAt: number;
  /** When the reaction is due. */
  readonly dueAt: number;
  /** The support zone in force at `at`, for showing times. */
  readonly zone: string;
}

let defaultCalendar: Calendar | undefined;

/**
 * The promise of a ticket of `kind` filed at `at`: the first clock the engine starts for it, read
 * from evaluateSla on the one-event history the service writes when a ticket is filed, so what the
 * portal promises is the due time the service will store.
 */
export function slaPromise(kind: TicketKind, at: number, options: EvaluateOptions = {}): SlaPromise {
  const policy = options.policy ?? DEFAULT_POLICY;
  const calendar = (options.calendar ?? (defaultCalendar ??= createCalendar())).asOf(at);
  const status = evaluateSla({ kind, events: [{ type: 'created', at }] }, at, { policy, calendar });
  const clock = status.clocks[0];
  if (clock === undefined || status.dueAt === null) throw new Error(`evaluateSla started no clock for a new ${kind}`);
  return {
    kind,
    at,
    target: clock.target,
    duration: policy.targets[clock.target].duration,
    calendar: clock.calendar,
    workingNow: calendar.isWorkingTime(at),
    startsAt: status.resumesAt ?? at,
    dueAt: status.dueAt,
    zone: calendar.zone,
  };
}
