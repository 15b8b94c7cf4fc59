import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarTimeline, createCalendar, DEFAULT_CALENDAR_CONFIG, evaluateSla, suggestedHolidays, UKRAINE_HOLIDAYS, type CalendarConfig, type SlaEvent, type SlaEventType, type TicketKind } from '../../../../shared/sla/index.ts';
import { bruteCalendar } from '../../../support/brute-calendar.ts';
import { at, hours, minutes, wall } from '../../../support/time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const kyiv = DEFAULT_CALENDAR_CONFIG;
const ev = (type: SlaEventType, local: string): SlaEvent => ({ type, at: at(local) });
/** Today (Wednesday 25 November 2026) made a holiday at `local`. */
const holidayFrom = (local: string) => calendarTimeline(kyiv, [{ at: at(local), config: { ...kyiv, holidays: ['2026-11-25'] } }]);
const sla = (kind: TicketKind, events: SlaEvent[], now: string, calendar = holidayFrom('2026-11-25 17:40')) => evaluateSla({ kind, events }, at(now), { calendar });

describe('a change of the support calendar (R7) takes effect when it is made', () => {
  it('a ticket due 17:50 today is due 09:10 tomorrow once today becomes a holiday at 17:40: the 10 minutes already worked stay worked', () => {
    const before = evaluateSla({ kind: 'problem', events: [ev('created', '2026-11-25 17:30')] }, at('2026-11-25 17:39'), { calendar: createCalendar(kyiv) });
    expect(wall(before.dueAt ?? 0)).toBe('2026-11-25 17:50');
    const after = sla('problem', [ev('created', '2026-11-25 17:30')], '2026-11-25 17:40');
    expect(after).toMatchObject({ state: 'running', ticking: false });
    expect(wall(after.dueAt ?? 0)).toBe('2026-11-26 09:10');
    expect(wall(after.resumesAt ?? 0)).toBe('2026-11-26 09:00');
    // The warning keeps its place among the remaining working minutes: 5 before the due time.
    expect(wall(after.clocks[0]?.warnAt ?? 0)).toBe('2026-11-26 09:05');
    // Counted as if today had always been a holiday, the 20 minutes would start only tomorrow.
    const rewritten = evaluateSla({ kind: 'problem', events: [ev('created', '2026-11-25 17:30')] }, at('2026-11-25 17:40'), { calendar: createCalendar({ ...kyiv, holidays: ['2026-11-25'] }) });
    expect(wall(rewritten.dueAt ?? 0)).toBe('2026-11-26 09:20');
  });

  it('never moves a clock that stopped before the change, nor one that had breached', () => {
    // Taken at 17:35: met, due 17:50, whatever the calendar says later.
    const stopped = sla('problem', [ev('created', '2026-11-25 17:30'), ev('taken', '2026-11-25 17:35')], '2026-11-25 17:45');
    expect(stopped.state).toBe('idle');
    expect(stopped.clocks).toEqual([expect.objectContaining({ dueAt: at('2026-11-25 17:50'), stoppedAt: at('2026-11-25 17:35'), breached: false })]);
    // Received at 10:00, nobody reacted by 10:20: breached, and still breached at 10:20 after today becomes a holiday at 12:00.
    const breached = sla('problem', [ev('created', '2026-11-25 10:00')], '2026-11-25 12:30', holidayFrom('2026-11-25 12:00'));
    expect(breached.state).toBe('breached');
    expect(wall(breached.dueAt ?? 0)).toBe('2026-11-25 10:20');
    // Taken late, at 11:00: breached by 40 minutes before the change and after it.
    const late = sla('problem', [ev('created', '2026-11-25 10:00'), ev('taken', '2026-11-25 11:00')], '2026-11-25 12:30', holidayFrom('2026-11-25 12:00'));
    expect(late.clocks).toEqual([expect.objectContaining({ dueAt: at('2026-11-25 10:20'), breached: true })]);
  });

  it('never makes a clock due before the change: a Saturday made a working day at noon counts from noon', () => {
    const saturday = calendarTimeline(kyiv, [{ at: at('2026-11-28 12:00'), config: { ...kyiv, extraWorkdays: ['2026-11-28'] } }]);
    const s = evaluateSla({ kind: 'problem', events: [ev('created', '2026-11-28 03:00')] }, at('2026-11-28 12:00'), { calendar: saturday });
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-28 12:20');
    expect(s).toMatchObject({ state: 'running', ticking: true });
    // Before the change the same history was due on Monday.
    expect(wall(evaluateSla({ kind: 'problem', events: [ev('created', '2026-11-28 03:00')] }, at('2026-11-28 11:59'), { calendar: saturday }).dueAt ?? 0)).toBe('2026-11-30 09:20');
  });

  it('counts a month in the zone in force when the clock started (R23)', () => {
    // Kyiv leaves summer time on 25 October; Kolkata has none, so the two months differ by an hour.
    const moved = calendarTimeline(kyiv, [{ at: at('2026-10-21 10:00'), config: { ...kyiv, zone: 'Asia/Kolkata' } }]);
    const s = evaluateSla({ kind: 'suggestion', events: [ev('created', '2026-10-20 10:00')] }, at('2026-10-22 10:00'), { calendar: moved });
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-20 10:00');
    // A suggestion received after the change counts in the new zone.
    const later = evaluateSla({ kind: 'suggestion', events: [ev('created', '2026-10-22 10:00')] }, at('2026-10-22 10:00'), { calendar: moved });
    expect(wall(later.dueAt ?? 0)).toBe('2026-11-22 09:00');
  });
});

describe('calendarTimeline', () => {
  const timeline = calendarTimeline(kyiv, [
    { at: at('2026-11-25 17:40'), config: { ...kyiv, holidays: ['2026-11-25'] } },
    { at: at('2026-11-27 12:00'), config: { ...kyiv, open: '10:00', close: '16:00' } },
  ]);

  it('answers each instant with the config in force then, and reports the latest', () => {
    expect(timeline.isWorkingTime(at('2026-11-25 17:39'))).toBe(true);
    expect(timeline.isWorkingTime(at('2026-11-25 17:40'))).toBe(false);
    expect(timeline.isWorkingDay(at('2026-11-25 10:00'))).toBe(true); // before the change it was a working day
    expect(timeline.isWorkingTime(at('2026-11-27 09:30'))).toBe(true);
    expect(timeline.isWorkingTime(at('2026-11-27 16:30'))).toBe(false);
    expect(timeline.config).toMatchObject({ open: '10:00', close: '16:00', holidays: [] });
    expect(timeline.zone).toBe('Europe/Kyiv');
  });

  it('sums, adds and opens across changes', () => {
    // Wednesday 17:00-17:40 (40 min) + Thursday 9 h + Friday 09:00-12:00 (3 h) + 12:00-16:00 (4 h).
    expect(timeline.workingTimeBetween(at('2026-11-25 17:00'), at('2026-11-28 00:00'))).toBe(minutes(40) + hours(16));
    expect(wall(timeline.addWorkingTime(at('2026-11-25 17:30'), minutes(20)))).toBe('2026-11-26 09:10');
    expect(wall(timeline.addWorkingTime(at('2026-11-27 11:50'), minutes(20)))).toBe('2026-11-27 12:10');
    expect(wall(timeline.addWorkingTime(at('2026-11-27 15:50'), minutes(20)))).toBe('2026-11-30 10:10');
    expect(wall(timeline.nextOpening(at('2026-11-25 17:45')))).toBe('2026-11-26 09:00');
    expect(wall(timeline.nextOpening(at('2026-11-27 16:30')))).toBe('2026-11-30 10:00');
    expect(timeline.addWorkingTime(at('2026-11-25 17:45'), 0)).toBe(at('2026-11-25 17:45'));
  });

  it('as of an instant, leaves out the changes made after it', () => {
    const then = timeline.asOf(at('2026-11-26 12:00'));
    expect(then.config.holidays).toEqual(['2026-11-25']);
    expect(wall(then.addWorkingTime(at('2026-11-27 15:50'), minutes(20)))).toBe('2026-11-27 16:10');
    expect(timeline.asOf(at('2026-11-25 17:00')).config).toEqual(kyiv);
    expect(timeline.asOf(at('2026-12-01 00:00'))).toBe(timeline);
    // No change at all: the plain calendar.
    const plain = calendarTimeline(kyiv, []);
    expect(plain.asOf(0)).toBe(plain);
  });

  it('skips a config whose working days have all passed', () => {
    const odd = calendarTimeline({ ...kyiv, workdays: [], extraWorkdays: ['2026-11-20'] }, [{ at: at('2026-11-25 00:00'), config: kyiv }]);
    expect(wall(odd.nextOpening(at('2026-11-22 10:00')))).toBe('2026-11-25 09:00');
    expect(wall(odd.addWorkingTime(at('2026-11-22 10:00'), minutes(20)))).toBe('2026-11-25 09:20');
  });
});

describe('suggestedHolidays', () => {
  it('offers the shipped public holidays of the default zone, per year; none elsewhere', () => {
    expect(suggestedHolidays('Europe/Kyiv', 2026)).toEqual(UKRAINE_HOLIDAYS.filter((d) => d.startsWith('2026')));
    expect(suggestedHolidays('Europe/Kiev', 2027)).toContain('2027-08-24');
    expect(suggestedHolidays('Europe/Kyiv', 2030)).toEqual([]);
    expect(suggestedHolidays('Europe/Warsaw', 2026)).toEqual([]);
  });

  it('is never part of the default calendar', () => {
    expect(DEFAULT_CALENDAR_CONFIG.holidays).toEqual([]);
    expect(createCalendar().isWorkingDay(at('2026-12-25 12:00'))).toBe(true);
  });
});

// Random timelines of up to three changes (on whole minutes, near the DST days) against the
// minute-by-minute oracle of each config, and the identities at millisecond precision.
describe('calendarTimeline properties', { timeout: 60_000 }, () => {
  const zones = ['Europe/Kyiv', 'Europe/London', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
  const hotDays = ['2026-03-29', '2026-10-25', '2026-11-01', '2026-04-05'].map((d) => Date.parse(`${d}T00:00:00Z`));
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const configArb = (anchor: number): fc.Arbitrary<CalendarConfig> =>
    fc
      .record({
        zone: fc.constantFrom(...zones),
        open: fc.integer({ min: 0, max: 1439 }),
        length: fc.integer({ min: 1, max: 1440 }),
        workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        holidays: fc.uniqueArray(fc.integer({ min: -2, max: 4 }), { maxLength: 2 }),
        extra: fc.uniqueArray(fc.integer({ min: -2, max: 4 }), { maxLength: 2 }),
      })
      .map((r) => ({
        zone: r.zone,
        open: hhmm(r.open),
        close: hhmm(Math.min(1440, r.open + r.length)),
        workdays: r.workdays,
        holidays: r.holidays.map((o) => isoDate(anchor + o * DAY)),
        extraWorkdays: r.extra.map((o) => isoDate(anchor + o * DAY)),
      }));
  const timelineArb = fc.constantFrom(...hotDays).chain((anchor) =>
    fc.record({
      anchor: fc.constant(anchor),
      first: configArb(anchor),
      changes: fc.array(fc.record({ minute: fc.integer({ min: -1440, max: 3 * 1440 }), config: configArb(anchor) }), { maxLength: 3 }),
    }),
  );
  const build = (r: { anchor: number; first: CalendarConfig; changes: { minute: number; config: CalendarConfig }[] }) => {
    const changes = r.changes.map((c) => ({ at: r.anchor + c.minute * MINUTE, config: c.config })).sort((a, b) => a.at - b.at);
    const inForce = (t: number): CalendarConfig => changes.filter((c) => c.at <= t).at(-1)?.config ?? r.first;
    return { timeline: calendarTimeline(r.first, changes), inForce };
  };
  const minuteNear = (anchor: number) => fc.integer({ min: -2 * 1440, max: 4 * 1440 }).map((m) => anchor + m * MINUTE);

  it('is working time exactly when the config in force says so', () => {
    fc.assert(
      fc.property(timelineArb.chain((r) => fc.tuple(fc.constant(r), minuteNear(r.anchor))), ([r, t]) => {
        const { timeline, inForce } = build(r);
        expect(timeline.isWorkingTime(t)).toBe(bruteCalendar(inForce(t)).isWorkingTime(t));
      }),
      { numRuns: 200 },
    );
  });

  it('sums working time minute by minute over spans of up to a day', () => {
    fc.assert(
      fc.property(timelineArb.chain((r) => fc.tuple(fc.constant(r), minuteNear(r.anchor), fc.integer({ min: 0, max: 1440 }))), ([r, a, span]) => {
        const { timeline } = build(r);
        let expected = 0;
        for (let t = a; t < a + span * MINUTE; t += MINUTE) if (timeline.isWorkingTime(t)) expected += MINUTE;
        expect(timeline.workingTimeBetween(a, a + span * MINUTE)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('addWorkingTime is the earliest instant that has worked the time, and nextOpening opens', () => {
    fc.assert(
      fc.property(timelineArb.chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: -2 * DAY, max: 4 * DAY }), fc.integer({ min: 0, max: 10 * 3_600_000 }))), ([r, offset, d]) => {
        const { timeline } = build(r);
        const a = r.anchor + offset;
        fc.pre(timeline.workingTimeBetween(a, a + 120 * DAY) >= d);
        const due = timeline.addWorkingTime(a, d);
        expect(timeline.workingTimeBetween(a, due)).toBe(d);
        if (d > 0) expect(timeline.workingTimeBetween(a, due - 1)).toBe(d - 1);
        const opening = timeline.nextOpening(a);
        expect(timeline.isWorkingTime(opening)).toBe(true);
        expect(timeline.workingTimeBetween(a, opening)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
