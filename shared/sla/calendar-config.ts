import { z } from 'zod';
import { canonicalZone } from './zone-time.ts';

const time = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time 'HH:mm' between 00:00 and 24:00");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date 'YYYY-MM-DD'")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date');

/** What makes a support calendar (R7): zone, daily hours, working weekdays and exceptions. */
export const calendarConfigSchema = z
  .object({
    zone: z
      .string()
      .refine((s) => canonicalZone(s) !== null, 'is not an IANA time zone known to this runtime')
      .transform((s) => canonicalZone(s) ?? s),
    open: time,
    close: time,
    workdays: z.array(z.number().int().min(1).max(7)).max(7).readonly(),
    holidays: z.array(isoDate).max(3660, 'must list at most 3660 dates').readonly(),
    extraWorkdays: z.array(isoDate).max(3660, 'must list at most 3660 dates').readonly(),
  })
  .strict()
  .refine((c) => c.open < c.close, { message: 'open must be earlier than close', path: ['close'] })
  .refine((c) => c.workdays.length > 0 || c.extraWorkdays.length > 0, {
    message: 'a calendar needs at least one working weekday or extra working day',
    path: ['workdays'],
  });

/** A support calendar's settings; `zone` is an IANA name ('Europe/Kiev' is read as 'Europe/Kyiv'). */
export interface CalendarConfig {
  readonly zone: string;
  /** 'HH:mm', the start of working hours. */
  readonly open: string;
  /** 'HH:mm', the end of working hours ('24:00' for midnight). */
  readonly close: string;
  /** ISO weekdays that are working days, 1 = Monday. */
  readonly workdays: readonly number[];
  /** 'YYYY-MM-DD' dates that are not working days. */
  readonly holidays: readonly string[];
  /** 'YYYY-MM-DD' dates that are working days although not in `workdays` (wins over `holidays`). */
  readonly extraWorkdays: readonly string[];
}

/**
 * Ukraine's public holidays (Labour Code art. 73) for 2026-2027, shipped as a suggestion for the
 * default zone (`suggestedHolidays`), never assumed: under martial law these days are working days,
 * so a team adds them only if it keeps them. Weekend holidays are not carried to Monday: martial
 * law suspends that rule too.
 */
export const UKRAINE_HOLIDAYS: readonly string[] = [
  '2026-01-01', '2026-03-08', '2026-04-13', '2026-05-01', '2026-05-08', '2026-06-01',
  '2026-06-28', '2026-07-15', '2026-08-24', '2026-10-01', '2026-12-25',
  '2027-01-01', '2027-03-08', '2027-05-01', '2027-05-03', '2027-05-08', '2027-06-21',
  '2027-06-28', '2027-07-15', '2027-08-24', '2027-10-01', '2027-12-25',
];

/** The holiday lists DutyDesk ships, by canonical zone. */
const SHIPPED_HOLIDAYS: Readonly<Record<string, readonly string[]>> = { 'Europe/Kyiv': UKRAINE_HOLIDAYS };

/**
 * The public holidays of `year` that DutyDesk ships for `zone` ('YYYY-MM-DD', sorted), offered to
 * an admin to add; empty where none are shipped (another zone, a year not covered).
 */
export function suggestedHolidays(zone: string, year: number): readonly string[] {
  const list = SHIPPED_HOLIDAYS[canonicalZone(zone) ?? zone] ?? [];
  return list.filter((d) => d.startsWith(`${String(year).padStart(4, '0')}-`));
}

/**
 * The SLA's support hours (R7): 09:00-18:00 on working days in Europe/Kyiv, and no holidays until
 * an admin enters the team's own (R7 leaves the holiday calendar to them; see UKRAINE_HOLIDAYS).
 */
export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = {
  zone: 'Europe/Kyiv',
  open: '09:00',
  close: '18:00',
  workdays: [1, 2, 3, 4, 5],
  holidays: [],
  extraWorkdays: [],
};

/** Merges a partial config over the defaults and validates it; throws a readable error when bad. */
export function resolveCalendarConfig(config: Partial<CalendarConfig> = {}): CalendarConfig {
  const parsed = calendarConfigSchema.safeParse({ ...DEFAULT_CALENDAR_CONFIG, ...config });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'calendar'} ${i.message}`);
    throw new RangeError(`Invalid calendar: ${problems.join('; ')}`);
  }
  return parsed.data;
}
