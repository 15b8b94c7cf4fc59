import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, type CalendarConfig } from '../../../../shared/sla/index.ts';
import { bruteCalendar } from '../../../support/brute-calendar.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

// Zones with DST at different hours, 30- and 45-minute offsets, a midnight DST change (Santiago)
// and the old spelling of Kyiv.
const zones = [
  'Europe/Kyiv', 'Europe/Kiev', 'Europe/London', 'America/New_York', 'America/St_Johns', 'America/Santiago',
  'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'Asia/Kathmandu', 'UTC',
];
// Days around 2026's DST changes in those zones, where bugs live; and anywhere in 2025-2027.
const hotDays = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'].map(
  (d) => Date.parse(`${d}T00:00:00Z`),
);
const from2025 = Date.parse('2025-01-01T00:00:00Z');

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Random valid calendars; hours on any minute, close up to 24:00. */
const calendarArb: fc.Arbitrary<CalendarConfig> = fc
  .record({
    zone: fc.constantFrom(...zones),
    open: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 1, max: 1440 }),
    workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 6 }), { maxLength: 3 }),
    extraOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 6 }), { maxLength: 2 }),
    anchor: fc.constantFrom(...hotDays),
  })
  .map((r) => ({
    zone: r.zone,
    open: hhmm(r.open),
    close: hhmm(Math.min(1440, r.open + r.length)),
    workdays: r.workdays,
    holidays: r.holidayOffsets.map((o) => isoDate(r.anchor + o * DAY)),
    extraWorkdays: r.extraOffsets.map((o) => isoDate(r.anchor + o * DAY)),
  }));

/** Whole-minute instants, mostly near a DST change, sometimes anywhere in 2025-2027. */
const instantArb = fc.oneof(
  fc.tuple(fc.constantFrom(...hotDays), fc.integer({ min: -2 * 1440, max: 3 * 1440 })).map(([d, m]) => d + m * MINUTE),
  fc.integer({ min: 0, max: 3 * 365 * 1440 }).map((m) => from2025 + m * MINUTE),
);

// The oracle is slow on purpose; these runs take a few seconds each.
describe('calendar against a minute-by-minute oracle', { timeout: 60_000 }, () => {
  it('agrees on isWorkingTime', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (config, t) => {
        expect(createCalendar(config).isWorkingTime(t)).toBe(bruteCalendar(config).isWorkingTime(t));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on workingTimeBetween over spans of up to three days', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 3 * 1440 }), (config, a, span) => {
        const b = a + span * MINUTE;
        expect(createCalendar(config).workingTimeBetween(a, b)).toBe(bruteCalendar(config).workingTimeBetween(a, b));
      }),
      { numRuns: 100 },
    );
  });

  it('agrees on addWorkingTime', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 600 }), (config, a, d) => {
        const cal = createCalendar(config);
        // Keep the oracle's walk short: only targets that end within four days.
        fc.pre(cal.workingTimeBetween(a, a + 4 * DAY) >= d * MINUTE);
        expect(cal.addWorkingTime(a, d * MINUTE)).toBe(bruteCalendar(config).addWorkingTime(a, d * MINUTE));
      }),
      { numRuns: 100 },
    );
  });
});

describe('calendar identities at millisecond precision', { timeout: 60_000 }, () => {
  const msInstant = fc.integer({ min: from2025, max: from2025 + 3 * 365 * DAY });
  const duration = fc.oneof(fc.integer({ min: 0, max: 2 * 3_600_000 }), fc.integer({ min: 0, max: 400 * 3_600_000 }));

  it('workingTimeBetween(a, addWorkingTime(a, d)) === d, and nothing earlier reaches d', () => {
    fc.assert(
      fc.property(calendarArb, msInstant, duration, (config, a, d) => {
        const cal = createCalendar(config);
        // A calendar of one minute a week needs centuries for 400 h (the engine refuses to search
        // that far); keep to targets that end within four months.
        fc.pre(cal.workingTimeBetween(a, a + 120 * DAY) >= d);
        const due = cal.addWorkingTime(a, d);
        expect(cal.workingTimeBetween(a, due)).toBe(d);
        if (d > 0) expect(cal.workingTimeBetween(a, due - 1)).toBe(d - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('nextOpening is working time with no working time before it', () => {
    fc.assert(
      fc.property(calendarArb, msInstant, (config, t) => {
        const cal = createCalendar(config);
        const opening = cal.nextOpening(t);
        expect(opening).toBeGreaterThanOrEqual(t);
        expect(cal.isWorkingTime(opening)).toBe(true);
        expect(cal.workingTimeBetween(t, opening)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('workingTimeBetween is additive: W(a, c) = W(a, b) + W(b, c)', () => {
    fc.assert(
      fc.property(calendarArb, msInstant, fc.array(fc.integer({ min: 0, max: 90 * DAY }), { minLength: 3, maxLength: 3 }), (config, base, offsets) => {
        const points = offsets.map((o) => base + o);
        const [a, b, c] = points.sort((x, y) => x - y) as [number, number, number];
        const cal = createCalendar(config);
        expect(cal.workingTimeBetween(a, c)).toBe(cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, c));
      }),
      { numRuns: 200 },
    );
  });
});
