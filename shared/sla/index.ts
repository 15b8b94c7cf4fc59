/** The SLA engine: pure functions from a ticket's history and the support calendar to clocks and deadlines. */
export { createCalendar, ALWAYS_OPEN, type Calendar } from './calendar.ts';
export { calendarConfigSchema, DEFAULT_CALENDAR_CONFIG, suggestedHolidays, UKRAINE_HOLIDAYS, type CalendarConfig } from './calendar-config.ts';
export { calendarTimeline, type CalendarChange } from './timeline.ts';
export {
  DEFAULT_POLICY,
  TICKET_KINDS,
  type SlaDuration,
  type SlaEventType,
  type SlaPolicy,
  type SlaTarget,
  type SlaTargetId,
  type TicketKind,
} from './policy.ts';
export { evaluateSla, type EvaluateOptions, type SlaClock, type SlaEvent, type SlaState, type SlaStatus, type SlaTicket } from './evaluate.ts';
export {
  computeAvailability,
  clientAvailability,
  FUNCTION_GROUPS,
  yearBounds,
  yearOf,
  type Availability,
  type AvailabilityOptions,
  type FunctionGroup,
  type GroupAvailability,
  type Outage,
  type OutageWithDuration,
  type OverlongOutage,
} from './availability.ts';
export { canonicalZone } from './zone-time.ts';
export { supportClock, type SupportClock } from './support-clock.ts';
export { slaPromise, type SlaPromise } from './promise.ts';
