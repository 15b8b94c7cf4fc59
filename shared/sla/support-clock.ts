import { IANAZone } from 'luxon';
import type { Calendar } from './calendar.ts';
import type { CalendarConfig } from './calendar-config.ts';

/** What customers and agents see of the support team's clock (R9). */
export interface SupportClock {
  readonly now: number;
  readonly zone: string;
  /** The zone's offset from UTC at `now`, in minutes (GMT+3 in summer, GMT+2 in winter, R7). */
  readonly offsetMinutes: number;
  readonly isWorkingTime: boolean;
  readonly isWorkingDay: boolean;
  /** `now` while working, else the next opening. */
  readonly nextOpening: number;
  /** The calendar itself, so a console counts working time exactly as the service does. */
  readonly calendar: CalendarConfig;
}

/** The support team's clock at `now`. */
export function supportClock(calendar: Calendar, now: number): SupportClock {
  return {
    now,
    zone: calendar.zone,
    offsetMinutes: IANAZone.create(calendar.zone).offset(now),
    isWorkingTime: calendar.isWorkingTime(now),
    isWorkingDay: calendar.isWorkingDay(now),
    nextOpening: calendar.nextOpening(now),
    calendar: calendar.config,
  };
}
