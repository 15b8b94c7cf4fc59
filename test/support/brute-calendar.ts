import { DateTime } from 'luxon';
import type { CalendarConfig } from '../../shared/sla/index.ts';

const MINUTE = 60_000;

/**
 * A deliberately naive calendar: it walks time minute by minute through luxon and asks, for each
 * minute, whether the wall clock has reached opening time on a working date. "Reached" uses the
 * highest wall time seen so far, so an hour repeated by a DST fall-back does not reopen a closed day.
 * Instants must lie on whole minutes.
 */
export function bruteCalendar(config: CalendarConfig) {
  const zone = config.zone === 'Europe/Kiev' ? 'Europe/Kyiv' : config.zone;
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  const open = toMin(config.open);
  const close = toMin(config.close);
  const holidays = new Set(config.holidays);
  const extra = new Set(config.extraWorkdays);

  const wallKey = (t: number): number => {
    const d = DateTime.fromMillis(t, { zone });
    return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute);
  };
  const workingAtKey = (key: number): boolean => {
    const d = DateTime.fromMillis(key, { zone: 'UTC' });
    const date = d.toISODate() ?? '';
    const workingDate = extra.has(date) || (config.workdays.includes(d.weekday) && !holidays.has(date));
    const minute = d.hour * 60 + d.minute;
    return workingDate && minute >= open && minute < close;
  };

  /** Calls `visit` for each minute from `from` on, with whether it is working time; stops when visit returns true. */
  const walk = (from: number, visit: (t: number, working: boolean) => boolean): void => {
    let max = Number.NEGATIVE_INFINITY;
    // Start a day early so the running maximum knows about a fall-back that began before `from`.
    for (let t = from - 1440 * MINUTE; ; t += MINUTE) {
      max = Math.max(max, wallKey(t));
      if (t >= from && visit(t, workingAtKey(max))) return;
    }
  };

  return {
    /** One flag per minute from `from` (inclusive) to `to` (exclusive): 1 where it is working time. */
    workingMinutes(from: number, to: number): Uint8Array {
      const flags = new Uint8Array(Math.max(0, (to - from) / MINUTE));
      if (flags.length > 0) walk(from, (t, working) => ((flags[(t - from) / MINUTE] = working ? 1 : 0), t + MINUTE >= to));
      return flags;
    },
    isWorkingTime(at: number): boolean {
      let result = false;
      walk(at, (_t, working) => ((result = working), true));
      return result;
    },
    workingTimeBetween(from: number, to: number): number {
      let total = 0;
      if (to <= from) return 0;
      walk(from, (t, working) => {
        if (t >= to) return true;
        if (working) total += MINUTE;
        return false;
      });
      return total;
    },
    addWorkingTime(from: number, ms: number): number {
      if (ms === 0) return from;
      let left = ms;
      let result = from;
      walk(from, (t, working) => {
        if (!working) return false;
        left -= MINUTE;
        result = t + MINUTE;
        return left <= 0;
      });
      return result;
    },
  };
}
