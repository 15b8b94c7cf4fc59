// Translates our support calendar into the settings dayjs-business-time and moment-business-time
// document (working hours per weekday, a holiday list), the way a developer would configure them.
import type { CalendarConfig } from '../../shared/sla/index.ts';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
type DayName = (typeof DAY_NAMES)[number];

/** dayjs-business-time's BusinessHoursMap: one segment per working weekday, null otherwise. */
export type DayjsBusinessHours = Record<DayName, { start: string; end: string }[] | null>;
/** moment-business-time's `workinghours` locale entry: index 0 = Sunday, [open, close] or null. */
export type MomentWorkingHours = Record<0 | 1 | 2 | 3 | 4 | 5 | 6, [string, string] | null>;

// Both libraries take 'HH:mm:ss'; our 24:00 close is the end of the day.
const seconds = (hhmm: string): string => (hhmm === '24:00' ? '23:59:59' : `${hhmm}:00`);
// Our weekdays are ISO (1 = Monday ... 7 = Sunday); both libraries count from Sunday = 0.
const isWorkday = (config: CalendarConfig, sundayBased: number): boolean => config.workdays.includes(sundayBased === 0 ? 7 : sundayBased);

export function dayjsBusinessHours(config: CalendarConfig): DayjsBusinessHours {
  const entries = DAY_NAMES.map((name, i) => [name, isWorkday(config, i) ? [{ start: seconds(config.open), end: seconds(config.close) }] : null]);
  return Object.fromEntries(entries) as DayjsBusinessHours;
}

export function momentWorkingHours(config: CalendarConfig): MomentWorkingHours {
  const entries = DAY_NAMES.map((_name, i) => [i, isWorkday(config, i) ? [seconds(config.open), seconds(config.close)] : null]);
  return Object.fromEntries(entries) as MomentWorkingHours;
}

/**
 * Neither library has extra working days (a Saturday worked to make up for a holiday): they are
 * reported rather than silently dropped, so a bench can refuse a calendar they cannot express.
 */
export function unsupportedByLibraries(config: CalendarConfig): string[] {
  return config.extraWorkdays.length > 0 ? [`extraWorkdays (${config.extraWorkdays.length}) cannot be expressed in either library`] : [];
}
