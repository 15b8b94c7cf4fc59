/** Pure view helpers of the availability screen: budget durations, uptime, the years offered, the burn-down by month. */
import { DateTime } from 'luxon';
import { translator } from '../../../shared/i18n/index.ts';
import type { Language } from '../../../shared/model/index.ts';

const SECOND = 1000;

/**
 * A budget-sized duration to the second, in hours however many ("9 hours 12 minutes 5 seconds",
 * never days: the budget is 8 hours). Zero parts are left out; nothing at all reads "0 minutes".
 */
export function formatBudgetDuration(lang: Language, ms: number): string {
  const t = translator(lang);
  const s = Math.floor(Math.abs(ms) / SECOND);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [
    h > 0 ? t('duration.hours', { count: h }) : '',
    m > 0 ? t('duration.minutes', { count: m }) : '',
    s % 60 > 0 ? t('duration.seconds', { count: s % 60 }) : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? t('duration.minutes', { count: 0 }) : parts.join(' ');
}

const uptimeFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Uptime as a percentage with three decimals, so 99.9 % (the SLA's line) is told apart from
 * 99.899 %. Rounded down: a year just under the line never reads as on it.
 */
export function formatUptime(lang: Language, uptime: number): string {
  let f = uptimeFormats.get(lang);
  if (f === undefined) {
    f = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 3, maximumFractionDigits: 3, roundingMode: 'floor' });
    uptimeFormats.set(lang, f);
  }
  return f.format(uptime);
}

/** The calendar year of `ms` in `zone`. */
export function yearIn(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).year;
}

/** The years the picker offers, newest first: from the current one back to the year of the first outage. */
export function yearsOffered(current: number, firstOutageYear: number | null): readonly number[] {
  const first = Math.min(firstOutageYear ?? current, current);
  return Array.from({ length: current - first + 1 }, (_, i) => current - i);
}

/** The starts of the twelve months of `year` in `zone` (the chart's ticks). */
export function monthStarts(year: number, zone: string): readonly number[] {
  return Array.from({ length: 12 }, (_, i) => DateTime.fromObject({ year, month: i + 1 }, { zone }).toMillis());
}

/** A point of a burn-down: the budget left at `at`. */
export interface RemainingPoint {
  readonly at: number;
  readonly remainingMs: number;
}

/**
 * The budget left at `t` on a burn-down whose points are joined by straight lines (downtime grows
 * linearly while an outage is open); before the first point the first value, after the last the last.
 */
export function remainingAt(points: readonly RemainingPoint[], t: number): number {
  const first = points[0];
  if (first === undefined) throw new RangeError('a burn-down has at least one point');
  if (t <= first.at) return first.remainingMs;
  for (let i = 1; i < points.length; i++) {
    const b = points[i] as RemainingPoint;
    if (t <= b.at) {
      const a = points[i - 1] as RemainingPoint;
      return Math.round(a.remainingMs + ((b.remainingMs - a.remainingMs) * (t - a.at)) / (b.at - a.at));
    }
  }
  return (points[points.length - 1] as RemainingPoint).remainingMs;
}

/** One row of the burn-down table: a month and the budget left at its end (or at `asOf`, in the current month). */
export interface MonthRow {
  readonly monthStart: number;
  /** The end of the month, or `asOf` when that comes first. */
  readonly at: number;
  /** The month is not over yet. */
  readonly soFar: boolean;
  readonly remainingMs: readonly number[];
}

/**
 * The burn-downs of several groups read at the end of each month of the year, up to `asOf`: the
 * figures behind the chart, for a table. Months not yet begun are left out.
 */
export function burnDownByMonth(series: readonly (readonly RemainingPoint[])[], options: { readonly year: number; readonly zone: string; readonly asOf: number }): readonly MonthRow[] {
  const starts = monthStarts(options.year, options.zone);
  const yearEnd = DateTime.fromObject({ year: options.year + 1 }, { zone: options.zone }).toMillis();
  return starts
    .map((monthStart, i) => ({ monthStart, end: starts[i + 1] ?? yearEnd }))
    .filter(({ monthStart }) => monthStart < options.asOf)
    .map(({ monthStart, end }) => {
      const at = Math.min(end, options.asOf);
      return { monthStart, at, soFar: at < end, remainingMs: series.map((points) => remainingAt(points, at)) };
    });
}

/** Whole, round steps: 1, 2, 4, 5, 10, 20, 25, 40, 50, 100, ... */
function* steps(): Generator<number> {
  for (let scale = 1; ; scale *= 10) {
    for (const m of [1, 2, 2.5, 4, 5]) if (Number.isInteger(m * scale)) yield m * scale;
  }
}

/**
 * Whole-hour ticks for the burn-down's axis, at most `maxTicks` of them, spanning [minHours,
 * maxHours]: 0, 2, 4, 6, 8 for a year within budget; wider steps once it is overrun by far.
 */
export function hourTicks(minHours: number, maxHours: number, maxTicks = 6): readonly number[] {
  let step = 1;
  for (step of steps()) if (Math.ceil(maxHours / step) - Math.floor(minHours / step) <= maxTicks - 1) break;
  const from = Math.floor(minHours / step);
  const to = Math.ceil(maxHours / step);
  return Array.from({ length: to - from + 1 }, (_, i) => (from + i) * step);
}
