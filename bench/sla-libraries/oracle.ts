// The brute-force oracle (test/support/brute-calendar.ts) walked once over the bench's span, minute
// by minute, and kept as running totals, so thousands of year-long questions cost one walk.
import type { CalendarConfig } from '../../shared/sla/index.ts';
import { bruteCalendar } from '../../test/support/brute-calendar.ts';
import { MINUTE } from './workloads.ts';

export interface OracleTable {
  readonly from: number;
  readonly to: number;
  addMinutes(from: number, minutes: number): number;
  minutesBetween(from: number, to: number): number;
  /** Working minutes from the table's start to `at`: equal for two instants with no working time between them. */
  position(at: number): number;
  /** Whether working time starts or stops at `at` (an opening or a closing of the support desk). */
  atEdge(at: number): boolean;
}

export function oracleTable(config: CalendarConfig, from: number, to: number): OracleTable {
  const flags = bruteCalendar(config).workingMinutes(from, to);
  // totals[i] = working minutes in [from, from + i minutes).
  const totals = new Int32Array(flags.length + 1);
  for (let i = 0; i < flags.length; i++) totals[i + 1] = (totals[i] as number) + (flags[i] as number);
  const index = (at: number): number => {
    if (at < from || at > to || (at - from) % MINUTE !== 0) throw new RangeError(`${new Date(at).toISOString()} is outside the oracle's table`);
    return (at - from) / MINUTE;
  };
  const position = (at: number): number => totals[index(at)] as number;
  return {
    from,
    to,
    position,
    atEdge: (at) => {
      const i = index(at);
      return i > 0 && i < flags.length && flags[i - 1] !== flags[i];
    },
    minutesBetween: (a, b) => (b <= a ? 0 : position(b) - position(a)),
    addMinutes(start, minutes) {
      if (minutes === 0) return start;
      // The first minute boundary by which `minutes` working minutes have passed (binary search).
      const goal = position(start) + minutes;
      let low = index(start);
      let high = totals.length - 1;
      if ((totals[high] as number) < goal) throw new RangeError('the oracle table ends before the answer');
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((totals[mid] as number) >= goal) high = mid;
        else low = mid + 1;
      }
      return from + low * MINUTE;
    },
  };
}
