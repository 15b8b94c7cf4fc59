import { DateTime } from 'luxon';
import { ALWAYS_OPEN, createCalendar, type Calendar } from './calendar.ts';
import { DEFAULT_POLICY, type SlaEventType, type SlaPolicy, type SlaTarget, type SlaTargetId, type TicketKind } from './policy.ts';

/** One thing that happened to a ticket, at an epoch-ms instant. */
export interface SlaEvent {
  readonly type: SlaEventType;
  readonly at: number;
}

/** What the engine needs of a ticket: its kind and its history, in order. */
export interface SlaTicket {
  readonly kind: TicketKind;
  readonly events: readonly SlaEvent[];
}

/** One clock of a ticket's life. */
export interface SlaClock {
  readonly target: SlaTargetId;
  readonly calendar: 'business' | 'continuous';
  readonly startedAt: number;
  readonly dueAt: number;
  /** When the sla.warning for this clock is due (policy.warning). */
  readonly warnAt: number;
  /** null while the clock runs. */
  readonly stoppedAt: number | null;
  /** Stopped after its due time, or running at or past it. */
  readonly breached: boolean;
}

/** The ticket's SLA state; see docs/sla.md. */
export type SlaState = 'closed' | 'breached' | 'running' | 'paused' | 'idle';

/** A ticket's SLA as of one instant. */
export interface SlaStatus {
  readonly state: SlaState;
  /** Earliest due time of the running clocks, or null. */
  readonly dueAt: number | null;
  /** When the clock that sets dueAt warns (policy.warning), or null. */
  readonly warnAt: number | null;
  /** The calendar that clock counts on, or null with no running clock. */
  readonly calendar: SlaClock['calendar'] | null;
  /** dueAt - now; negative once breached; null with no running clock. */
  readonly remainingMs: number | null;
  /** Whether the clock that sets dueAt counts time at `now` (false outside working hours). */
  readonly ticking: boolean;
  /** When that clock counts again, if it does not now; else null. */
  readonly resumesAt: number | null;
  readonly escalated: boolean;
  /** Every clock of the ticket's life, in the order they started. */
  readonly clocks: readonly SlaClock[];
}

/** Options for evaluateSla: the policy and the support calendar (defaults: the SLA's). */
export interface EvaluateOptions {
  readonly policy?: SlaPolicy;
  readonly calendar?: Calendar;
}

interface RunningClock {
  readonly target: SlaTarget;
  readonly startedAt: number;
  stoppedAt: number | null;
}

let defaultCalendar: Calendar | undefined;

/**
 * Turns a ticket's history into its SLA clocks and state at `now` (R12, R13, R21-R25). A clock's
 * due time is counted on the calendar as known when it stopped (or now, while it runs): a change of
 * the support calendar (calendarTimeline) moves the clocks running when it was made, never one
 * that had stopped; months are counted in the zone in force when the clock started.
 */
export function evaluateSla(ticket: SlaTicket, now: number, options: EvaluateOptions = {}): SlaStatus {
  const policy = options.policy ?? DEFAULT_POLICY;
  const business = (options.calendar ?? (defaultCalendar ??= createCalendar())).asOf(now);
  const calendarOf = (target: SlaTarget, knownAt: number): Calendar => (target.calendar === 'business' ? business.asOf(knownAt) : ALWAYS_OPEN);

  const clocks: RunningClock[] = [];
  let escalated = false;
  let closed = false;

  const start = (targetId: SlaTargetId, at: number): void => {
    if (clocks.some((c) => c.stoppedAt === null && c.target.id === targetId)) return;
    clocks.push({ target: policy.targets[targetId], startedAt: at, stoppedAt: null });
  };
  const stop = (at: number, type: SlaEventType | 'all'): void => {
    for (const c of clocks) {
      if (c.stoppedAt === null && (type === 'all' || c.target.stoppedBy.includes(type))) c.stoppedAt = Math.max(at, c.startedAt);
    }
  };
  const newClockTarget = (): SlaTargetId => (escalated ? policy.escalationTarget : policy.targetByKind[ticket.kind]);

  for (const { type, at } of ticket.events) {
    if (closed && type !== 'reopened') continue;
    switch (type) {
      case 'created':
      case 'customer_replied':
      case 'reopened':
        closed = false;
        start(newClockTarget(), at);
        break;
      case 'escalated':
        escalated = true;
        start(policy.escalationTarget, at);
        break;
      case 'question_asked':
      case 'taken':
      case 'agent_replied':
        stop(at, type);
        break;
      case 'resolved':
        stop(at, 'all');
        closed = true;
        escalated = false;
        break;
    }
  }

  const result = clocks.map((c): SlaClock => {
    const calendar = calendarOf(c.target, c.stoppedAt ?? now);
    const dueAt = dueTime(c.target, calendar, business.asOf(c.startedAt).zone, c.startedAt);
    return {
      target: c.target.id,
      calendar: c.target.calendar,
      startedAt: c.startedAt,
      dueAt,
      warnAt: warningTime(policy, calendar, c.startedAt, dueAt),
      stoppedAt: c.stoppedAt,
      breached: c.stoppedAt === null ? dueAt <= now : c.stoppedAt > dueAt,
    };
  });
  const lastQuestion = ticket.events.findLastIndex((e) => e.type === 'question_asked');
  // R13: the ball is on the customer's side until they answer the latest question.
  const awaitingCustomer = lastQuestion >= 0 && !ticket.events.slice(lastQuestion).some((e) => e.type === 'customer_replied');
  let nearest: SlaClock | undefined;
  for (const c of result) if (c.stoppedAt === null && (nearest === undefined || c.dueAt < nearest.dueAt)) nearest = c;

  const state: SlaState = closed ? 'closed' : nearest === undefined ? (awaitingCustomer ? 'paused' : 'idle') : nearest.breached ? 'breached' : 'running';
  const calendar = nearest?.calendar === 'business' ? business : ALWAYS_OPEN;
  const ticking = nearest !== undefined && calendar.isWorkingTime(now);
  return {
    state,
    dueAt: nearest?.dueAt ?? null,
    warnAt: nearest?.warnAt ?? null,
    calendar: nearest?.calendar ?? null,
    remainingMs: nearest === undefined ? null : nearest.dueAt - now,
    ticking,
    resumesAt: nearest === undefined || ticking ? null : calendar.nextOpening(now),
    escalated,
    clocks: result,
  };
}

/** When a clock started at `at` on `calendar` runs out. Months are counted in the support zone (R23). */
function dueTime(target: SlaTarget, calendar: Calendar, zone: string, at: number): number {
  const d = target.duration;
  if ('months' in d) return DateTime.fromMillis(at, { zone }).plus({ months: d.months }).toMillis();
  return calendar.addWorkingTime(at, d.ms);
}

/** When the warning for a clock is due: `fraction` of it left, or `minRemainingMs`, whichever comes first. */
function warningTime(policy: SlaPolicy, calendar: Calendar, startedAt: number, dueAt: number): number {
  const total = calendar.workingTimeBetween(startedAt, dueAt);
  const left = Math.min(total, Math.max(total * policy.warning.fraction, policy.warning.minRemainingMs));
  return calendar.addWorkingTime(startedAt, Math.round(total - left));
}
