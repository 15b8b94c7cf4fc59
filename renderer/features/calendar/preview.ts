/**
 * The support calendar editor's preview: the working hours of the next days under a draft
 * calendar, computed by the SLA engine itself (createCalendar), so what the admin sees is what the
 * service will count. Pure: days and instants in, rows out.
 */
import { DateTime } from 'luxon';
import { calendarRequestSchema } from '../../../shared/api/index.ts';
import { createCalendar, type CalendarConfig } from '../../../shared/sla/index.ts';

/** Why a day is or is not a working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'extra';

/** One local day of the support zone. */
export interface PreviewDay {
  /** 'YYYY-MM-DD' in the support zone. */
  readonly date: string;
  readonly kind: DayKind;
  /** The day's working hours as instants, or null on a day off. */
  readonly hours: { readonly start: number; readonly end: number } | null;
}

/** A span of time on one zone's wall clock: dates 'YYYY-MM-DD', times 'HH:mm'. */
export interface WallSpan {
  readonly startDate: string;
  readonly start: string;
  readonly endDate: string;
  readonly end: string;
}

/** Why a day of `config` is (not) a working day, the way the engine decides it (extra working days win). */
function kindOf(config: CalendarConfig, date: string, weekday: number): DayKind {
  if (config.extraWorkdays.includes(date)) return config.workdays.includes(weekday) ? 'workday' : 'extra';
  if (config.holidays.includes(date)) return 'holiday';
  return config.workdays.includes(weekday) ? 'workday' : 'weekend';
}

/**
 * The working hours of `days` local days of the support zone, from the day that holds `from`.
 * Throws a RangeError when `config` is not a valid calendar (see draftProblem).
 */
export function workingHoursPreview(config: CalendarConfig, from: number, days = 14): readonly PreviewDay[] {
  const calendar = createCalendar(config);
  const first = DateTime.fromMillis(from, { zone: calendar.zone }).startOf('day');
  const out: PreviewDay[] = [];
  for (let i = 0; i < days; i++) {
    const day = first.plus({ days: i });
    const dayStart = day.toMillis();
    const dayEnd = day.plus({ days: 1 }).toMillis();
    const kind = kindOf(calendar.config, day.toISODate() ?? '', day.weekday);
    const worked = calendar.workingTimeBetween(dayStart, dayEnd);
    let hours: PreviewDay['hours'] = null;
    if (worked > 0) {
      // One interval a day: it opens at the first working instant and closes once the day's time is worked.
      const start = calendar.nextOpening(dayStart);
      hours = { start, end: calendar.addWorkingTime(start, worked) };
    }
    out.push({ date: day.toISODate() ?? '', kind, hours });
  }
  return out;
}

/** A span of instants on the wall clock of `zone` (an end at midnight is 24:00 of the day before). */
export function wallSpan(start: number, end: number, zone: string): WallSpan {
  const s = DateTime.fromMillis(start, { zone });
  const e = DateTime.fromMillis(end, { zone });
  const midnight = e.hour === 0 && e.minute === 0 && e > s;
  const endDay = midnight ? e.minus({ days: 1 }) : e;
  return { startDate: s.toISODate() ?? '', start: s.toFormat('HH:mm'), endDate: endDay.toISODate() ?? '', end: midnight ? '24:00' : e.toFormat('HH:mm') };
}

/** The first thing wrong with a draft calendar, as the service would say it (field and reason), or null when it may be saved. */
export function draftProblem(draft: CalendarConfig): { readonly field: string; readonly message: string } | null {
  const parsed = calendarRequestSchema.safeParse(draft);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return { field: issue?.path.join('.') ?? '', message: issue?.message ?? 'is invalid' };
}
