import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarTimeline, createCalendar, DEFAULT_POLICY, evaluateSla, slaPromise, TICKET_KINDS, type CalendarConfig } from '../../../../shared/sla/index.ts';
import { at, minutes, wall } from '../../../support/time.ts';

const calendar = createCalendar({ holidays: ['2026-12-31'] });

describe('slaPromise (R21, R23, R24)', () => {
  it('promises a problem and a bug 20 working minutes from now during working hours', () => {
    for (const kind of ['problem', 'bug'] as const) {
      const p = slaPromise(kind, at('2026-11-25 14:15'), { calendar });
      expect(p).toMatchObject({ kind, target: 'reaction', duration: { ms: minutes(20) }, calendar: 'business', workingNow: true, zone: 'Europe/Kyiv' });
      expect(wall(p.startsAt)).toBe('2026-11-25 14:15');
      expect(wall(p.dueAt)).toBe('2026-11-25 14:35');
    }
  });

  it('starts counting at the next opening after hours: Friday evening is due Monday 09:20', () => {
    const p = slaPromise('problem', at('2026-11-27 19:30'), { calendar });
    expect(p.workingNow).toBe(false);
    expect(wall(p.startsAt)).toBe('2026-11-30 09:00');
    expect(wall(p.dueAt)).toBe('2026-11-30 09:20');
  });

  it('gives a question 60 working minutes, across closing time and a holiday', () => {
    const p = slaPromise('question', at('2026-12-30 17:30'), { calendar });
    expect(p).toMatchObject({ target: 'consultation', duration: { ms: minutes(60) }, workingNow: true });
    expect(wall(p.dueAt)).toBe('2027-01-01 09:30'); // 30 minutes on the 30th, the 31st a holiday
  });

  it('gives a suggestion a calendar month round the clock, even at night', () => {
    const p = slaPromise('suggestion', at('2026-11-28 03:00'), { calendar });
    expect(p).toMatchObject({ target: 'suggestion', duration: { months: 1 }, calendar: 'continuous', workingNow: false });
    expect(p.startsAt).toBe(at('2026-11-28 03:00'));
    expect(wall(p.dueAt)).toBe('2026-12-28 03:00');
  });

  it('counts on the calendar in force at that instant, not on a change made later', () => {
    const timeline = calendarTimeline({ zone: 'Europe/Kyiv', open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [] }, [
      { at: at('2026-11-26 12:00'), config: { zone: 'Europe/Kyiv', open: '10:00', close: '18:00', workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [] } },
    ]);
    expect(wall(slaPromise('problem', at('2026-11-25 20:00'), { calendar: timeline }).dueAt)).toBe('2026-11-26 09:20');
    expect(wall(slaPromise('problem', at('2026-11-26 20:00'), { calendar: timeline }).dueAt)).toBe('2026-11-27 10:20');
  });
});

// Days around Kyiv's and London's DST changes and New Year, and random calendars with holidays near them.
const hotDays = ['2026-03-27', '2026-03-29', '2026-10-23', '2026-10-25', '2026-12-31'].map((d) => Date.parse(`${d}T00:00:00Z`));
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const calendarArb: fc.Arbitrary<{ config: CalendarConfig; anchor: number }> = fc
  .record({
    zone: fc.constantFrom('Europe/Kyiv', 'Europe/London', 'America/New_York', 'Asia/Kolkata'),
    open: fc.integer({ min: 0, max: 12 * 60 }),
    length: fc.integer({ min: 30, max: 12 * 60 }),
    workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: -1, max: 5 }), { maxLength: 3 }),
    anchor: fc.constantFrom(...hotDays),
  })
  .map((r) => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const holidays = r.holidays.map((o) => iso(r.anchor + o * DAY));
    return { anchor: r.anchor, config: { zone: r.zone, open: hhmm(r.open), close: hhmm(r.open + r.length), workdays: r.workdays, holidays, extraWorkdays: [] } };
  });

describe('slaPromise against the engine (fast-check)', () => {
  it('equals the first clock evaluateSla starts for the new ticket, and the working time it promises', () => {
    fc.assert(
      fc.property(calendarArb, fc.constantFrom(...TICKET_KINDS), fc.integer({ min: -2 * DAY, max: 6 * DAY }), ({ config, anchor }, kind, offset) => {
        const cal = createCalendar(config);
        const now = anchor + offset;
        const p = slaPromise(kind, now, { calendar: cal });
        const clock = evaluateSla({ kind, events: [{ type: 'created', at: now }] }, now, { calendar: cal }).clocks[0];
        expect(clock).toBeDefined();
        expect({ target: p.target, calendar: p.calendar, dueAt: p.dueAt }).toEqual({ target: clock?.target, calendar: clock?.calendar, dueAt: clock?.dueAt });
        expect(p.workingNow).toBe(cal.isWorkingTime(now));
        const target = DEFAULT_POLICY.targets[DEFAULT_POLICY.targetByKind[kind]];
        if (target.calendar === 'business' && 'ms' in target.duration) {
          expect(p.startsAt).toBe(cal.nextOpening(now));
          expect(cal.workingTimeBetween(now, p.dueAt)).toBe(target.duration.ms);
        } else {
          expect(p.startsAt).toBe(now);
        }
      }),
      { numRuns: 300 },
    );
  });
});
