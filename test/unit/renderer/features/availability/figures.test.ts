import { describe, expect, it } from 'vitest';
import { burnDownByMonth, formatBudgetDuration, hourTicks, formatUptime, monthStarts, remainingAt, yearIn, yearsOffered } from '../../../../../renderer/features/availability/figures.ts';

const H = 3_600_000;
const MIN = 60_000;
const ZONE = 'Europe/Kyiv';

describe('budget durations', () => {
  it('are told to the second in hours, never days, in each language', () => {
    expect(formatBudgetDuration('en', 6 * H + 54 * MIN + 30_000)).toBe('6 hours 54 minutes 30 seconds');
    expect(formatBudgetDuration('en', 30 * H)).toBe('30 hours');
    expect(formatBudgetDuration('en', 45 * MIN)).toBe('45 minutes');
    expect(formatBudgetDuration('ru', 2 * H + 1 * MIN)).toBe('2 часа 1 минута');
    expect(formatBudgetDuration('uk', 5 * H + 5_000)).toBe('5 годин 5 секунд');
  });

  it('read an overrun (negative) as its size, and nothing as 0 minutes', () => {
    expect(formatBudgetDuration('en', -(1 * H + 5 * MIN))).toBe('1 hour 5 minutes');
    expect(formatBudgetDuration('en', 0)).toBe('0 minutes');
    expect(formatBudgetDuration('en', 999)).toBe('0 minutes');
  });
});

describe('uptime', () => {
  it('has three decimals, in the language\'s number format', () => {
    expect(formatUptime('en', 0.99982)).toBe('99.982%');
    expect(formatUptime('ru', 0.99982)).toMatch(/^99,982\s%$/);
    expect(formatUptime('uk', 1)).toMatch(/^100,000\s?%$/);
  });

  it('never rounds a year just under 99.9 % up onto the line', () => {
    expect(formatUptime('en', 0.9989996)).toBe('99.899%');
    expect(formatUptime('en', 0.999)).toBe('99.900%');
  });
});

describe('the years offered', () => {
  it('run from the current year back to the first outage\'s, newest first', () => {
    expect(yearsOffered(2026, 2017)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017]);
    expect(yearsOffered(2026, null)).toEqual([2026]);
    expect(yearsOffered(2026, 2026)).toEqual([2026]);
  });

  it('take the year in the support zone: New Year comes earlier in Kyiv than in UTC', () => {
    const newYearInKyiv = Date.parse('2026-12-31T22:30:00Z');
    expect(yearIn(newYearInKyiv, ZONE)).toBe(2027);
    expect(yearIn(newYearInKyiv, 'UTC')).toBe(2026);
  });
});

describe('the burn-down by month', () => {
  const starts = monthStarts(2026, ZONE);
  it('has twelve month starts at local midnight, across the DST change', () => {
    expect(starts).toHaveLength(12);
    expect(new Date(starts[0] as number).toISOString()).toBe('2025-12-31T22:00:00.000Z');
    expect(new Date(starts[3] as number).toISOString()).toBe('2026-03-31T21:00:00.000Z');
  });

  // 2 h of downtime in March (10:00-12:00 on 10 March), then an outage open since 20 May 09:00 as of 20 May 10:00.
  const march = Date.parse('2026-03-10T08:00:00Z');
  const may = Date.parse('2026-05-20T06:00:00Z');
  const points = [
    { at: starts[0] as number, remainingMs: 8 * H },
    { at: march, remainingMs: 8 * H },
    { at: march + 2 * H, remainingMs: 6 * H },
    { at: may, remainingMs: 6 * H },
    { at: may + H, remainingMs: 5 * H },
  ];

  it('reads between two points on the straight line that joins them', () => {
    expect(remainingAt(points, march + H)).toBe(7 * H);
    expect(remainingAt(points, march - 1)).toBe(8 * H);
    expect(remainingAt(points, may + 2 * H)).toBe(5 * H);
    expect(remainingAt(points, 0)).toBe(8 * H);
  });

  it('gives each month\'s end up to now, the current month so far, and two groups side by side', () => {
    const other = [{ at: starts[0] as number, remainingMs: 8 * H }, { at: may + H, remainingMs: 8 * H }];
    const rows = burnDownByMonth([points, other], { year: 2026, zone: ZONE, asOf: may + H });
    expect(rows.map((r) => [r.soFar, r.remainingMs.map((ms) => ms / H)])).toEqual([
      [false, [8, 8]],
      [false, [8, 8]],
      [false, [6, 8]],
      [false, [6, 8]],
      [true, [5, 8]],
    ]);
    expect(rows[4]?.at).toBe(may + H);
    expect(rows[2]?.at).toBe(starts[3]);
  });

  it('covers all twelve months of a past year', () => {
    const rows = burnDownByMonth([points], { year: 2026, zone: ZONE, asOf: Date.parse('2027-06-01T00:00:00Z') });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => !r.soFar)).toBe(true);
  });
});

describe('the hour ticks of the burn-down', () => {
  it('are 0, 2, 4, 6, 8 within budget', () => {
    expect(hourTicks(0, 8)).toEqual([0, 2, 4, 6, 8]);
  });

  it('widen once the budget is overrun, so at most six labels share the axis', () => {
    expect(hourTicks(-3, 8)).toEqual([-4, 0, 4, 8]);
    expect(hourTicks(-312.5, 8)).toEqual([-400, -300, -200, -100, 0, 100]);
    for (const min of [-1, -7, -20, -99, -1000, -4321, -80000]) {
      const ticks = hourTicks(min, 8);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(8);
    }
  });
});
