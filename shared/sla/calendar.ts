import { resolveCalendarConfig, type CalendarConfig } from './calendar-config.ts';
import { DAY_MS, MINUTE_MS, dayNumberOf, isoWeekdayOf, minutesOf, zoneClock } from './zone-time.ts';

/**
 * Working time as a union of half-open intervals [open, close) on working days (R7). All
 * instants are epoch milliseconds; nothing is rounded.
 */
export interface Calendar {
  /** The IANA zone whose wall clock the hours follow. */
  readonly zone: string;
  /** The validated settings the calendar was made from. */
  readonly config: CalendarConfig;
  /** Whether `at` lies inside working hours. */
  isWorkingTime(at: number): boolean;
  /** Whether the local date of `at` is a working day (R9). */
  isWorkingDay(at: number): boolean;
  /** The first instant >= `at` that is working time: `at` itself when it already is. */
  nextOpening(at: number): number;
  /** The earliest t >= from with workingTimeBetween(from, t) = ms. */
  addWorkingTime(from: number, ms: number): number;
  /** Working time in [from, to); 0 when to <= from. */
  workingTimeBetween(from: number, to: number): number;
  /**
   * The calendar as it was known at `at`: a calendar that changed over time (calendarTimeline)
   * without the changes made after `at`; any other calendar is itself.
   */
  asOf(at: number): Calendar;
}

/** One local day: where it starts, and its working interval (empty when open === close). */
interface Day {
  readonly start: number;
  readonly open: number;
  readonly close: number;
}

// The engine refuses to search further than this for working time (a calendar whose working days
// have all passed would otherwise loop for ever).
const MAX_SEARCH_DAYS = 366 * 200;

/** A calendar for the support team's hours; defaults are the SLA's (R7). Throws on bad config. */
export function createCalendar(config: Partial<CalendarConfig> = {}): Calendar {
  const resolved = resolveCalendarConfig(config);
  const clock = zoneClock(resolved.zone);
  const openMin = minutesOf(resolved.open);
  const closeMin = minutesOf(resolved.close);
  const workdays = new Set(resolved.workdays);
  const holidays = new Set(resolved.holidays.map(dayNumberOf));
  const extra = new Set(resolved.extraWorkdays.map(dayNumberOf));
  const lastExtra = Math.max(Number.NEGATIVE_INFINITY, ...extra);

  const isWorkingDate = (n: number): boolean =>
    extra.has(n) || (workdays.has(isoWeekdayOf(n)) && !holidays.has(n));

  // Day boundaries cost a few time-zone look-ups each, so each day is computed once.
  const starts = new Map<number, number>();
  const dayStart = (n: number): number => {
    let start = starts.get(n);
    if (start === undefined) {
      start = clock.firstInstantAt(n * DAY_MS);
      starts.set(n, start);
    }
    return start;
  };
  const days = new Map<number, Day>();
  const day = (n: number): Day => {
    let d = days.get(n);
    if (d === undefined) {
      const start = dayStart(n);
      if (isWorkingDate(n)) {
        const open = clock.firstInstantAt(n * DAY_MS + openMin * MINUTE_MS);
        const close = closeMin === 1440 ? dayStart(n + 1) : clock.firstInstantAt(n * DAY_MS + closeMin * MINUTE_MS);
        d = { start, open, close: Math.max(open, close) };
      } else {
        d = { start, open: start, close: start };
      }
      days.set(n, d);
    }
    return d;
  };

  /** The local day that contains `at`. */
  const dayOf = (at: number): number => {
    let n = Math.floor(at / DAY_MS);
    while (at < dayStart(n)) n--;
    while (at >= dayStart(n + 1)) n++;
    return n;
  };

  const checkInstant = (name: string, value: number): void => {
    if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of epoch ms, got ${value}`);
  };

  const noWorkingTimeAfter = (from: number, n: number, startDay: number): void => {
    if (workdays.size === 0 && n > lastExtra) throw new RangeError(`The calendar has no working time after ${new Date(from).toISOString()}`);
    if (n - startDay > MAX_SEARCH_DAYS) throw new RangeError(`No working time within ${MAX_SEARCH_DAYS} days of ${new Date(from).toISOString()}`);
  };

  const nextOpening = (at: number): number => {
    checkInstant('at', at);
    const first = dayOf(at);
    for (let n = first; ; n++) {
      noWorkingTimeAfter(at, n, first);
      const d = day(n);
      if (at < d.close && d.open < d.close) return Math.max(at, d.open);
    }
  };

  const addWorkingTime = (from: number, ms: number): number => {
    checkInstant('from', from);
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a finite number >= 0, got ${ms}`);
    if (ms === 0) return from;
    let left = ms;
    const first = dayOf(from);
    for (let n = first; ; n++) {
      noWorkingTimeAfter(from, n, first);
      const d = day(n);
      if (from >= d.close) continue;
      const begin = Math.max(from, d.open);
      const available = d.close - begin;
      if (left <= available) return begin + left;
      left -= available;
    }
  };

  const workingTimeBetween = (from: number, to: number): number => {
    checkInstant('from', from);
    checkInstant('to', to);
    if (to <= from) return 0;
    let total = 0;
    const last = dayOf(to);
    for (let n = dayOf(from); n <= last; n++) {
      const d = day(n);
      const begin = Math.max(from, d.open);
      const end = Math.min(to, d.close);
      if (end > begin) total += end - begin;
    }
    return total;
  };

  const calendar: Calendar = {
    zone: resolved.zone,
    config: resolved,
    isWorkingTime: (at) => {
      checkInstant('at', at);
      const d = day(dayOf(at));
      return at >= d.open && at < d.close;
    },
    isWorkingDay: (at) => {
      checkInstant('at', at);
      return isWorkingDate(dayOf(at));
    },
    nextOpening,
    addWorkingTime,
    workingTimeBetween,
    asOf: () => calendar,
  };
  return calendar;
}

/** Round-the-clock time, for escalations and global outages (R8, R25, R26). */
export const ALWAYS_OPEN: Calendar = {
  zone: 'UTC',
  config: { zone: 'UTC', open: '00:00', close: '24:00', workdays: [1, 2, 3, 4, 5, 6, 7], holidays: [], extraWorkdays: [] },
  isWorkingTime: () => true,
  isWorkingDay: () => true,
  nextOpening: (at) => at,
  addWorkingTime: (from, ms) => {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a finite number >= 0, got ${ms}`);
    return from + ms;
  },
  workingTimeBetween: (from, to) => Math.max(0, to - from),
  asOf: () => ALWAYS_OPEN,
};
