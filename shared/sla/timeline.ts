import { createCalendar, type Calendar } from './calendar.ts';
import type { CalendarConfig } from './calendar-config.ts';

/** A change of the support calendar: from `at` on (epoch ms), `config` is in force. */
export interface CalendarChange {
  readonly at: number;
  readonly config: CalendarConfig;
}

/**
 * The support calendar over time (R7): `first` until the first change, then each change's config
 * from its instant on. Working time is the union of each config's working time over the span it
 * was in force, so a change takes effect at the instant it is made: time already worked stays
 * worked, and only what remains of a clock runs under the new hours. `zone` and `config` are those
 * in force now (the last change's). `asOf(t)` is the calendar as known at `t`: the changes made
 * after `t` left out. With no change it is `createCalendar(first)` itself.
 */
export function calendarTimeline(first: CalendarConfig, changes: readonly CalendarChange[]): Calendar {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  for (const c of sorted) if (!Number.isFinite(c.at)) throw new RangeError(`a calendar change needs a finite instant, got ${c.at}`);
  const calendars = [createCalendar(first), ...sorted.map((c) => createCalendar(c.config))];
  const starts = [Number.NEGATIVE_INFINITY, ...sorted.map((c) => c.at)];
  // The calendar as known once the first k changes were made, for k = 0..changes; built when asked.
  const prefixes = new Map<number, Calendar>();
  const prefix = (k: number): Calendar => {
    let cal = prefixes.get(k);
    if (cal === undefined) {
      cal = k === 0 ? (calendars[0] as Calendar) : piecewise(starts.slice(0, k + 1), calendars.slice(0, k + 1), prefix);
      prefixes.set(k, cal);
    }
    return cal;
  };
  return prefix(sorted.length);
}

/** How many of the segments start at or before `at` (at least 1: the first starts at -Infinity). */
function segmentsUpTo(starts: readonly number[], at: number): number {
  let lo = 1;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `fn()`, or `fallback` when the calendar finds no working time (a RangeError). */
function orElse(fn: () => number, fallback: number): number {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) return fallback;
    throw error;
  }
}

/** Segment i is calendars[i] over [starts[i], starts[i + 1]); the last one runs for ever. */
function piecewise(starts: readonly number[], calendars: readonly Calendar[], prefix: (k: number) => Calendar): Calendar {
  const last = calendars.length - 1;
  const current = calendars[last] as Calendar;
  const cal = (i: number): Calendar => calendars[i] as Calendar;
  const end = (i: number): number => (i < last ? (starts[i + 1] as number) : Number.POSITIVE_INFINITY);
  const segmentOf = (at: number): number => segmentsUpTo(starts, at) - 1;
  const checkInstant = (name: string, value: number): void => {
    if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of epoch ms, got ${value}`);
  };

  return {
    zone: current.zone,
    config: current.config,
    isWorkingTime: (at) => {
      checkInstant('at', at);
      return cal(segmentOf(at)).isWorkingTime(at);
    },
    isWorkingDay: (at) => {
      checkInstant('at', at);
      return cal(segmentOf(at)).isWorkingDay(at);
    },
    nextOpening(at) {
      checkInstant('at', at);
      for (let i = segmentOf(at); i < last; i++) {
        const from = Math.max(at, starts[i] as number);
        if (from >= end(i)) continue;
        const t = orElse(() => cal(i).nextOpening(from), Number.POSITIVE_INFINITY);
        if (t < end(i)) return t;
      }
      return current.nextOpening(Math.max(at, starts[last] as number));
    },
    addWorkingTime(from, ms) {
      checkInstant('from', from);
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a finite number >= 0, got ${ms}`);
      if (ms === 0) return from;
      let left = ms;
      for (let i = segmentOf(from); i < last; i++) {
        const begin = Math.max(from, starts[i] as number);
        if (begin >= end(i)) continue;
        // Most clocks end within the segment they start in: one look-up, no summing.
        const t = orElse(() => cal(i).addWorkingTime(begin, left), Number.POSITIVE_INFINITY);
        if (t <= end(i)) return t;
        left -= cal(i).workingTimeBetween(begin, end(i));
      }
      return current.addWorkingTime(Math.max(from, starts[last] as number), left);
    },
    workingTimeBetween(from, to) {
      checkInstant('from', from);
      checkInstant('to', to);
      if (to <= from) return 0;
      let total = 0;
      for (let i = segmentOf(from); i <= last && (starts[i] as number) < to; i++) {
        const begin = Math.max(from, starts[i] as number);
        const stop = Math.min(to, end(i));
        if (stop > begin) total += cal(i).workingTimeBetween(begin, stop);
      }
      return total;
    },
    asOf: (at) => {
      checkInstant('at', at);
      return prefix(segmentsUpTo(starts, at) - 1);
    },
  };
}
