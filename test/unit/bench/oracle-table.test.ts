import { describe, expect, it } from 'vitest';
import { oracleTable } from '../../../bench/sla-libraries/oracle.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../shared/sla/index.ts';
import { bruteCalendar } from '../../support/brute-calendar.ts';

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

// The bench asks the brute-force oracle thousands of year-long questions through one walk kept as
// running totals; its answers must be the oracle's own. A week with a DST change and a holiday.
describe('the oracle table', () => {
  const calendar = { ...DEFAULT_CALENDAR_CONFIG, holidays: ['2026-03-30'] };
  const from = at('2026-03-26T00:00:00Z');
  const to = at('2026-04-03T00:00:00Z');
  const table = oracleTable(calendar, from, to);
  const brute = bruteCalendar(calendar);

  it('adds working minutes as the oracle does, across a weekend, the spring-forward night and a holiday', () => {
    // Fri 27 Mar 17:50 Kyiv (EET): 10 minutes on Friday, Monday 30 is a holiday, 10 more on Tuesday (EEST).
    const friday = at('2026-03-27T15:50:00Z');
    expect(table.addMinutes(friday, 20)).toBe(at('2026-03-31T06:10:00Z'));
    for (const [start, minutes] of [[friday, 20], [at('2026-03-26T05:07:00Z'), 600], [at('2026-03-28T12:00:00Z'), 1]] as const) {
      expect(table.addMinutes(start, minutes)).toBe(brute.addWorkingTime(start, minutes * MINUTE));
    }
    expect(table.addMinutes(friday, 0)).toBe(friday);
  });

  it('counts working minutes between two instants as the oracle does', () => {
    // Thu 26 Mar 10:00 Kyiv to Tue 31 Mar 10:00 Kyiv: 8 h Thursday, 9 h Friday, 1 h Tuesday.
    expect(table.minutesBetween(at('2026-03-26T08:00:00Z'), at('2026-03-31T07:00:00Z'))).toBe(18 * 60);
    const pairs = [[at('2026-03-26T08:00:00Z'), at('2026-03-31T07:00:00Z')], [at('2026-03-27T16:30:00Z'), at('2026-04-01T09:13:00Z')]] as const;
    for (const [a, b] of pairs) expect(table.minutesBetween(a, b)).toBe(brute.workingTimeBetween(a, b) / MINUTE);
    expect(table.minutesBetween(at('2026-03-31T07:00:00Z'), at('2026-03-26T08:00:00Z'))).toBe(0);
  });

  it('knows the edges of working time and refuses instants outside its span', () => {
    expect(table.atEdge(at('2026-03-27T16:00:00Z'))).toBe(true); // Friday 18:00 Kyiv, closing
    expect(table.atEdge(at('2026-03-31T06:00:00Z'))).toBe(true); // Tuesday 09:00 Kyiv (EEST), opening
    expect(table.atEdge(at('2026-03-27T19:00:00Z'))).toBe(false); // Friday 21:00 Kyiv, closed either side
    expect(table.position(at('2026-03-27T16:00:00Z'))).toBe(table.position(at('2026-03-31T06:00:00Z')));
    expect(() => table.addMinutes(at('2026-04-02T14:00:00Z'), 600)).toThrow(RangeError);
    expect(() => table.minutesBetween(from - MINUTE, to)).toThrow(RangeError);
  });
});
