// The inputs every implementation answers, from a fixed seed so the bench process and its
// per-time-zone children build the very same lists.
import { UKRAINE_HOLIDAYS, DEFAULT_CALENDAR_CONFIG, type CalendarConfig } from '../../shared/sla/index.ts';

export const MINUTE = 60_000;
const DAY = 86_400_000;
export const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR = 365 * DAY;

/** The support calendar of DEFAULT_CALENDAR_CONFIG (Europe/Kyiv, 09:00-18:00 Mon-Fri, DST) with Ukraine's holidays. */
export const BENCH_CALENDAR: CalendarConfig = { ...DEFAULT_CALENDAR_CONFIG, holidays: UKRAINE_HOLIDAYS };

export type WorkloadId = 'add20min' | 'add3days' | 'betweenUpToYear';
export interface Workload {
  readonly id: WorkloadId;
  readonly label: string;
  /** [from, minutes] for additions, [from, to] for differences; whole minutes. */
  readonly inputs: readonly (readonly [number, number])[];
}

export function workloads(): Workload[] {
  let seed = 20_261_127;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const minuteIn = (from: number, span: number): number => from + Math.floor((random() * span) / MINUTE) * MINUTE;
  const instants = (n: number) => Array.from({ length: n }, () => minuteIn(YEAR_START, YEAR));
  return [
    { id: 'add20min', label: 'add 20 working minutes', inputs: instants(3000).map((t) => [t, 20] as const) },
    // Three 9-hour working days: crosses nights, weekends, holidays and DST changes.
    { id: 'add3days', label: 'add 27 working hours', inputs: instants(3000).map((t) => [t, 27 * 60] as const) },
    { id: 'betweenUpToYear', label: 'working time between (up to a year)', inputs: instants(3000).map((t) => [t, minuteIn(t + MINUTE, YEAR)] as const) },
  ];
}
