import { describe, expect, it } from 'vitest';
import { nextDailyRun } from '../../../../server/backup/schedule.ts';

// The daily backup's time in the support zone, across Kyiv's DST changes (2026-03-29: 03:00 does
// not exist; 2026-10-25: 03:00 happens twice): one run a day, never two, never none.
const ZONE = 'Europe/Kyiv';
const days = (from: string, n: number): string[] => {
  const out: string[] = [];
  let t = Date.parse(from);
  for (let i = 0; i < n; i++) {
    t = nextDailyRun(t, ZONE);
    out.push(new Date(t).toISOString());
  }
  return out;
};

describe('nextDailyRun', () => {
  it('is the next 03:00 in Kyiv, later the same day or the next', () => {
    expect(new Date(nextDailyRun(Date.parse('2026-11-27T12:00:00Z'), ZONE)).toISOString()).toBe('2026-11-28T01:00:00.000Z');
    expect(new Date(nextDailyRun(Date.parse('2026-11-27T00:30:00Z'), ZONE)).toISOString()).toBe('2026-11-27T01:00:00.000Z');
    // Exactly at 03:00 the run is the next day's: the one due now has just been made.
    expect(new Date(nextDailyRun(Date.parse('2026-11-27T01:00:00Z'), ZONE)).toISOString()).toBe('2026-11-28T01:00:00.000Z');
    expect(new Date(nextDailyRun(Date.parse('2026-11-27T12:00:00Z'), ZONE, '23:30')).toISOString()).toBe('2026-11-27T21:30:00.000Z');
  });

  it('runs once a day across the spring and autumn clock changes', () => {
    expect(days('2026-03-27T12:00:00Z', 4)).toEqual(['2026-03-28T01:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    expect(days('2026-10-23T12:00:00Z', 4)).toEqual(['2026-10-24T00:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-26T01:00:00.000Z', '2026-10-27T01:00:00.000Z']);
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => nextDailyRun(0, ZONE, '3am')).toThrow('backup time must be HH:MM, not 3am');
  });
});
