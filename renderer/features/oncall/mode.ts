import type { Calendar } from '../../../shared/sla/index.ts';

/** The console's mode at `now`: on call outside working time (after hours, weekends, holidays), by the support calendar. */
export interface ConsoleMode {
  readonly onCall: boolean;
  /** While on call, the next opening: it names this stretch of on-call time, so a choice tied to it ends with the mode. */
  readonly period: number | null;
}

/** The mode at `now`; it changes live at 18:00 and 09:00 (and around days off). */
export function consoleModeAt(calendar: Calendar, now: number): ConsoleMode {
  return calendar.isWorkingTime(now) ? { onCall: false, period: null } : { onCall: true, period: calendar.nextOpening(now) };
}
