import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, createCalendar, suggestedHolidays } from '../../../../shared/sla/index.ts';
import { at, hours, minutes, wall } from '../../../support/time.ts';

// Holidays are passed explicitly where a test depends on them, so the shipped list can change.
const kyiv = createCalendar({ holidays: [] });

describe('createCalendar (R7)', () => {
  it('defaults to 09:00-18:00 on weekdays in Europe/Kyiv', () => {
    const cal = createCalendar();
    expect(cal.zone).toBe('Europe/Kyiv');
    expect(cal.config).toMatchObject({ open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5] });
  });

  it("accepts 'Europe/Kiev' as the old name of Europe/Kyiv", () => {
    const cal = createCalendar({ zone: 'Europe/Kiev', holidays: [] });
    expect(cal.zone).toBe('Europe/Kyiv');
    // Wednesday 17:50 EET (15:50Z) + 20 working minutes: 10 today, 10 from Thursday's 09:00 EET (07:00Z).
    expect(cal.addWorkingTime(Date.parse('2026-11-25T15:50:00Z'), minutes(20))).toBe(Date.parse('2026-11-26T07:10:00Z'));
  });

  it.each([
    [{ zone: 'Mars/Olympus' }, /zone/],
    [{ open: '9:00' }, /open/],
    [{ open: '18:00', close: '09:00' }, /open must be earlier than close/],
    [{ close: '24:30' }, /close/],
    [{ workdays: [0] }, /workdays/],
    [{ workdays: [], extraWorkdays: [] }, /at least one working/],
    [{ holidays: ['2026-02-30'] }, /holidays/],
    [{ extraWorkdays: ['tomorrow'] }, /extraWorkdays/],
  ])('rejects %j with a clear error', (config, message) => {
    expect(() => createCalendar(config)).toThrow(message);
  });
});

describe('isWorkingTime', () => {
  it('is a half-open interval [09:00, 18:00)', () => {
    expect(kyiv.isWorkingTime(at('2026-11-25 08:59:59.999'))).toBe(false);
    expect(kyiv.isWorkingTime(at('2026-11-25 09:00'))).toBe(true);
    expect(kyiv.isWorkingTime(at('2026-11-25 17:59:59.999'))).toBe(true);
    expect(kyiv.isWorkingTime(at('2026-11-25 18:00'))).toBe(false);
  });

  it('is closed at weekends', () => {
    expect(kyiv.isWorkingTime(at('2026-11-28 12:00'))).toBe(false); // Saturday
    expect(kyiv.isWorkingTime(at('2026-11-29 12:00'))).toBe(false); // Sunday
  });

  it('is closed on holidays and open on extra working days, which win over holidays', () => {
    const cal = createCalendar({ holidays: ['2026-12-25', '2026-12-28'], extraWorkdays: ['2026-12-26', '2026-12-28'] });
    expect(cal.isWorkingTime(at('2026-12-25 12:00'))).toBe(false); // Friday, holiday
    expect(cal.isWorkingTime(at('2026-12-26 12:00'))).toBe(true); // Saturday, extra working day
    expect(cal.isWorkingTime(at('2026-12-28 12:00'))).toBe(true); // both: workdays - holidays + extra
    expect(cal.isWorkingDay(at('2026-12-25 12:00'))).toBe(false);
    expect(cal.isWorkingDay(at('2026-12-26 02:00'))).toBe(true);
  });

  it('keeps local hours on both sides of the DST changes (R7: GMT+2 in winter, GMT+3 in summer)', () => {
    // Instants written in UTC, independent of the calendar and of the test's time helpers:
    // 09:00-18:00 in Kyiv is 07:00-16:00Z in winter (EET) and 06:00-15:00Z in summer (EEST).
    const open = (iso: string) => kyiv.isWorkingTime(Date.parse(iso));
    // Friday 2026-03-27, still winter time; clocks go forward on Sunday 2026-03-29.
    expect(open('2026-03-27T06:59:59.999Z')).toBe(false);
    expect(open('2026-03-27T07:00:00.000Z')).toBe(true);
    expect(open('2026-03-27T15:59:59.999Z')).toBe(true);
    expect(open('2026-03-27T16:00:00.000Z')).toBe(false);
    // Monday 2026-03-30, summer time.
    expect(open('2026-03-30T05:59:59.999Z')).toBe(false);
    expect(open('2026-03-30T06:00:00.000Z')).toBe(true);
    expect(open('2026-03-30T14:59:59.999Z')).toBe(true);
    expect(open('2026-03-30T15:00:00.000Z')).toBe(false);
    expect(kyiv.nextOpening(Date.parse('2026-03-27T16:00:00Z'))).toBe(Date.parse('2026-03-30T06:00:00Z'));
    // Friday 2026-10-23, summer time; clocks go back on Sunday 2026-10-25; Monday 2026-10-26, winter.
    expect(open('2026-10-23T06:00:00.000Z')).toBe(true);
    expect(open('2026-10-23T15:00:00.000Z')).toBe(false);
    expect(open('2026-10-26T06:59:59.999Z')).toBe(false);
    expect(open('2026-10-26T07:00:00.000Z')).toBe(true);
    expect(kyiv.nextOpening(Date.parse('2026-10-23T15:00:00Z'))).toBe(Date.parse('2026-10-26T07:00:00Z'));
  });
});

describe('nextOpening', () => {
  it('returns the instant itself during working time', () => {
    expect(kyiv.nextOpening(at('2026-11-25 10:15'))).toBe(at('2026-11-25 10:15'));
  });
  it('returns 09:00 of the same day before opening, and of the next working day after closing', () => {
    expect(wall(kyiv.nextOpening(at('2026-11-25 03:00')))).toBe('2026-11-25 09:00');
    expect(wall(kyiv.nextOpening(at('2026-11-25 18:00')))).toBe('2026-11-26 09:00');
  });
  it('skips weekends and holidays', () => {
    const cal = createCalendar({ holidays: ['2026-12-28'] });
    expect(wall(cal.nextOpening(at('2026-12-25 18:30')))).toBe('2026-12-29 09:00');
  });
});

describe('addWorkingTime', () => {
  it('returns `from` for a zero duration, even outside working hours', () => {
    expect(kyiv.addWorkingTime(at('2026-11-28 03:00'), 0)).toBe(at('2026-11-28 03:00'));
  });

  it('ends at exactly 18:00 when the time runs out at closing, not at 09:00 next day', () => {
    expect(wall(kyiv.addWorkingTime(at('2026-11-25 17:40'), minutes(20)))).toBe('2026-11-25 18:00');
  });

  it('carries the rest over to the next opening', () => {
    expect(wall(kyiv.addWorkingTime(at('2026-11-25 17:50'), minutes(20)))).toBe('2026-11-26 09:10');
  });

  it('starts counting at 09:00 for a ticket filed at night', () => {
    expect(wall(kyiv.addWorkingTime(at('2026-11-25 02:13'), minutes(20)))).toBe('2026-11-25 09:20');
  });

  it('crosses a weekend and a holiday', () => {
    const cal = createCalendar({ holidays: ['2026-12-28'] });
    // Friday 17:55 + 20 min: 5 min on Friday, Monday is a holiday, 15 min on Tuesday.
    expect(wall(cal.addWorkingTime(at('2026-12-25 17:55'), minutes(20)))).toBe('2026-12-29 09:15');
  });

  it('keeps millisecond precision', () => {
    expect(wall(kyiv.addWorkingTime(at('2026-11-25 17:59:59.999'), 2))).toBe('2026-11-26 09:00:00.001');
  });

  it('handles the spring-forward weekend in Kyiv (2026-03-29)', () => {
    // Friday 17:50 EET + 20 min -> Monday 09:10 EEST: 10 minutes each side, an hour less in between.
    const due = kyiv.addWorkingTime(at('2026-03-27 17:50'), minutes(20));
    expect(wall(due)).toBe('2026-03-30 09:10');
    expect(due - at('2026-03-27 17:50')).toBe(hours(63) + minutes(20) - hours(1));
  });

  it('handles the fall-back weekend in Kyiv (2026-10-25)', () => {
    const due = kyiv.addWorkingTime(at('2026-10-23 17:50'), minutes(20));
    expect(wall(due)).toBe('2026-10-26 09:10');
    expect(due - at('2026-10-23 17:50')).toBe(hours(63) + minutes(20) + hours(1));
  });

  it('works on a calendar whose working day crosses a DST change (24/7 clock in local time)', () => {
    const allDay = createCalendar({ open: '00:00', close: '24:00', workdays: [1, 2, 3, 4, 5, 6, 7], holidays: [] });
    // The night of 2026-03-29 has 23 hours in Kyiv.
    expect(allDay.workingTimeBetween(at('2026-03-29 00:00'), at('2026-03-30 00:00'))).toBe(hours(23));
    expect(allDay.workingTimeBetween(at('2026-10-25 00:00'), at('2026-10-26 00:00'))).toBe(hours(25));
  });

  it('supports targets longer than 99 hours', () => {
    // 100 working hours = 11 days of 9 hours + 1 hour.
    const due = kyiv.addWorkingTime(at('2026-11-02 09:00'), hours(100));
    expect(wall(due)).toBe('2026-11-17 10:00');
    expect(kyiv.workingTimeBetween(at('2026-11-02 09:00'), due)).toBe(hours(100));
  });

  it('rejects negative and non-finite durations', () => {
    expect(() => kyiv.addWorkingTime(at('2026-11-25 10:00'), -1)).toThrow(RangeError);
    expect(() => kyiv.addWorkingTime(at('2026-11-25 10:00'), Number.NaN)).toThrow(RangeError);
    expect(() => kyiv.addWorkingTime(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });

  it('says so when a calendar has no working time left', () => {
    const cal = createCalendar({ workdays: [], extraWorkdays: ['2026-11-28'] });
    expect(wall(cal.addWorkingTime(at('2026-11-25 10:00'), hours(2)))).toBe('2026-11-28 11:00');
    expect(() => cal.addWorkingTime(at('2026-11-25 10:00'), hours(10))).toThrow(/no working time after/);
  });
});

describe('workingTimeBetween', () => {
  it('is 0 when `to` is not after `from`', () => {
    expect(kyiv.workingTimeBetween(at('2026-11-25 12:00'), at('2026-11-25 12:00'))).toBe(0);
    expect(kyiv.workingTimeBetween(at('2026-11-25 13:00'), at('2026-11-25 12:00'))).toBe(0);
  });

  it('counts only working hours', () => {
    expect(kyiv.workingTimeBetween(at('2026-11-25 17:00'), at('2026-11-26 10:00'))).toBe(hours(2));
    expect(kyiv.workingTimeBetween(at('2026-11-27 17:00'), at('2026-11-30 10:00'))).toBe(hours(2));
  });

  it('sums a whole year of working days with the suggested holidays', () => {
    const cal = createCalendar({ holidays: suggestedHolidays('Europe/Kyiv', 2026) });
    // 2026: 261 weekdays, of which 9 shipped holidays fall on weekdays -> 252 working days of 9 h.
    expect(cal.workingTimeBetween(at('2026-01-01 00:00'), at('2027-01-01 00:00'))).toBe(hours(252 * 9));
  });
});

describe('ALWAYS_OPEN (R8, R25, R26)', () => {
  it('counts every millisecond', () => {
    const night = at('2026-11-28 03:00');
    expect(ALWAYS_OPEN.isWorkingTime(night)).toBe(true);
    expect(ALWAYS_OPEN.nextOpening(night)).toBe(night);
    expect(ALWAYS_OPEN.addWorkingTime(night, minutes(20))).toBe(night + minutes(20));
    expect(ALWAYS_OPEN.workingTimeBetween(night, night + hours(5))).toBe(hours(5));
    expect(ALWAYS_OPEN.workingTimeBetween(night, night - 1)).toBe(0);
  });
});
