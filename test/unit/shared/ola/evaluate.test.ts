import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateOla, olaAnswerMinutes, olaAtRisk } from '../../../../shared/ola/index.ts';
import { calendarTimeline, createCalendar, DEFAULT_CALENDAR_CONFIG, type CalendarConfig } from '../../../../shared/sla/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const from2026 = Date.parse('2026-01-01T00:00:00Z');
const year = 365 * 24 * HOUR;

/** Random support calendars: any zone of a few, hours on any quarter hour, at least one workday. */
const calendarArb = fc
  .record({
    zone: fc.constantFrom('Europe/Kyiv', 'America/New_York', 'Asia/Kolkata', 'UTC'),
    open: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 96 }),
    workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  })
  .map((r): CalendarConfig => ({ zone: r.zone, open: hhmm(r.open * 15), close: hhmm(Math.min(1440, (r.open + r.length) * 15)), workdays: r.workdays, holidays: [], extraWorkdays: [] }))
  .map((config) => createCalendar(config));
const instantArb = fc.integer({ min: from2026, max: from2026 + year });
const targetArb = fc.integer({ min: 1, max: 3 * 24 * 60 });
const input = (arrivedAt: number, targetMinutes: number, answeredAt: number | null = null) => ({ tier: 'l2-analysts' as const, arrivedAt, answeredAt, targetMinutes });

describe('evaluateOla', () => {
  it('is due once the target has passed in working time of the support calendar', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, targetArb, fc.integer({ min: 0, max: 30 * 24 * 60 }), (calendar, arrivedAt, target, later) => {
        const ola = evaluateOla(input(arrivedAt, target), arrivedAt + later * MINUTE, calendar);
        expect(ola.startedAt).toBe(arrivedAt);
        expect(calendar.workingTimeBetween(ola.startedAt, ola.dueAt)).toBe(target * MINUTE);
        expect(calendar.isWorkingTime(ola.dueAt - 1)).toBe(true);
      }),
    );
  });

  it('stopped by its due time is met, after it breached; a stopped clock has no remaining time and does not tick', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, targetArb, fc.integer({ min: -10 * 24 * 60, max: 10 * 24 * 60 }), (calendar, arrivedAt, target, offset) => {
        const dueAt = evaluateOla(input(arrivedAt, target), arrivedAt, calendar).dueAt;
        const answeredAt = Math.max(arrivedAt, dueAt + offset * MINUTE);
        const ola = evaluateOla(input(arrivedAt, target, answeredAt), answeredAt + HOUR, calendar);
        expect(ola.state).toBe(answeredAt <= dueAt ? 'met' : 'breached');
        expect(ola.stoppedAt).toBe(answeredAt);
        expect(ola.remainingMs).toBeNull();
        expect(ola.ticking).toBe(false);
        expect(olaAnswerMinutes(ola, calendar)).toBe(calendar.workingTimeBetween(arrivedAt, answeredAt) / MINUTE);
      }),
    );
  });

  it('never ticks outside working hours: there, the time left stands still until the next opening', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, targetArb, fc.integer({ min: 0, max: 20 * 24 * 60 }), (calendar, arrivedAt, target, later) => {
        const now = arrivedAt + later * MINUTE;
        const ola = evaluateOla(input(arrivedAt, target), now, calendar);
        expect(ola.state).toBe('running');
        expect(ola.ticking).toBe(calendar.isWorkingTime(now));
        if (!ola.ticking) expect(evaluateOla(input(arrivedAt, target), calendar.nextOpening(now), calendar).remainingMs).toBe(ola.remainingMs);
      }),
    );
  });

  it('counts down monotonically, by exactly the working time that passed, through zero into negative', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, targetArb, fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.integer({ min: 0, max: 20 * 24 * 60 }), (calendar, arrivedAt, target, a, b) => {
        const t1 = arrivedAt + Math.min(a, b) * MINUTE;
        const t2 = arrivedAt + Math.max(a, b) * MINUTE;
        const r1 = evaluateOla(input(arrivedAt, target), t1, calendar).remainingMs as number;
        const r2 = evaluateOla(input(arrivedAt, target), t2, calendar).remainingMs as number;
        expect(r2).toBeLessThanOrEqual(r1);
        expect(r1 - r2).toBe(calendar.workingTimeBetween(t1, t2));
        expect(r1).toBe(target * MINUTE - calendar.workingTimeBetween(arrivedAt, t1));
      }),
    );
  });

  it('a routed ticket arriving at 17:00 on a Friday (Kyiv, 09:00-18:00) with a 4-hour target is due on Monday at 12:00', () => {
    const calendar = createCalendar(DEFAULT_CALENDAR_CONFIG);
    const friday5pm = Date.parse('2026-11-27T15:00:00Z');
    const ola = evaluateOla(input(friday5pm, 240), Date.parse('2026-11-28T10:00:00Z'), calendar);
    expect(new Date(ola.dueAt).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(ola).toMatchObject({ state: 'running', remainingMs: 3 * HOUR, ticking: false, stoppedAt: null, tier: 'l2-analysts', targetMinutes: 240 });
  });

  it('due at the close and read after it: no working time left and none overdue yet (0, not -0)', () => {
    const calendar = createCalendar(DEFAULT_CALENDAR_CONFIG);
    const monday2pm = Date.parse('2026-11-30T12:00:00Z');
    const ola = evaluateOla(input(monday2pm, 240), monday2pm + 5 * HOUR, calendar);
    expect(new Date(ola.dueAt).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(Object.is(ola.remainingMs, 0)).toBe(true);
    expect(ola).toMatchObject({ state: 'running', ticking: false });
  });

  it('a change of the support calendar moves a running clock, never one that stopped before it', () => {
    const first = DEFAULT_CALENDAR_CONFIG;
    const monday9 = Date.parse('2026-11-30T07:00:00Z');
    const changedAt = monday9 + 2 * HOUR;
    // From 11:00 on Monday the team works until 20:00 instead of 18:00.
    const calendar = calendarTimeline(first, [{ at: changedAt, config: { ...first, close: '20:00' } }]);
    const running = evaluateOla(input(monday9, 16 * 60), changedAt + HOUR, calendar);
    const stopped = evaluateOla(input(monday9, 16 * 60, changedAt - HOUR), changedAt + HOUR, calendar);
    expect(new Date(running.dueAt).toISOString()).toBe('2026-12-01T12:00:00.000Z'); // Tue 14:00 Kyiv: 11 h on Monday, 5 on Tuesday
    expect(new Date(stopped.dueAt).toISOString()).toBe('2026-12-01T14:00:00.000Z'); // Tue 16:00 Kyiv: the hours it ran under
  });

  it('is at risk in the last quarter of its target (at least five minutes), not before and not once past due', () => {
    const calendar = createCalendar(DEFAULT_CALENDAR_CONFIG);
    const monday9 = Date.parse('2026-11-30T07:00:00Z');
    const ola = evaluateOla(input(monday9, 240), monday9, calendar);
    expect(olaAtRisk(ola, monday9 + 3 * HOUR - 1, calendar)).toBe(false);
    expect(olaAtRisk(ola, monday9 + 3 * HOUR, calendar)).toBe(true);
    expect(olaAtRisk(ola, ola.dueAt, calendar)).toBe(false);
    const short = evaluateOla(input(monday9, 8), monday9, calendar);
    expect(olaAtRisk(short, monday9 + 3 * MINUTE - 1, calendar)).toBe(false);
    expect(olaAtRisk(short, monday9 + 3 * MINUTE, calendar)).toBe(true);
  });
});
