import { describe, expect, it } from 'vitest';
import { draftProblem, wallSpan, workingHoursPreview, type PreviewDay } from '../../../../../renderer/features/calendar/preview.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../../../shared/sla/index.ts';
import { at, hours } from '../../../../support/time.ts';

const kyiv = DEFAULT_CALENDAR_CONFIG;
/** A day as the editor shows it: date, kind, and its hours on `zone`'s wall clock. */
const row = (d: PreviewDay, zone = 'Europe/Kyiv') => {
  if (d.hours === null) return `${d.date} ${d.kind}`;
  const s = wallSpan(d.hours.start, d.hours.end, zone);
  return `${d.date} ${d.kind} ${s.startDate === d.date ? '' : `${s.startDate} `}${s.start}-${s.endDate === s.startDate ? '' : `${s.endDate} `}${s.end}`;
};

describe('workingHoursPreview', () => {
  it('lists the next 14 days of the support zone from today, with their hours, weekends and holidays', () => {
    const days = workingHoursPreview({ ...kyiv, holidays: ['2026-11-26'], extraWorkdays: ['2026-11-28'] }, at('2026-11-25 19:30'));
    expect(days.map((d) => row(d))).toEqual([
      '2026-11-25 workday 09:00-18:00',
      '2026-11-26 holiday',
      '2026-11-27 workday 09:00-18:00',
      '2026-11-28 extra 09:00-18:00',
      '2026-11-29 weekend',
      '2026-11-30 workday 09:00-18:00',
      '2026-12-01 workday 09:00-18:00',
      '2026-12-02 workday 09:00-18:00',
      '2026-12-03 workday 09:00-18:00',
      '2026-12-04 workday 09:00-18:00',
      '2026-12-05 weekend',
      '2026-12-06 weekend',
      '2026-12-07 workday 09:00-18:00',
      '2026-12-08 workday 09:00-18:00',
    ]);
  });

  it('keeps the support zone\'s hours on its wall clock across its DST change, and shows them in another zone as they fall there', () => {
    // Kyiv leaves summer time on Sunday 25 October, New York a week later (1 November).
    const days = workingHoursPreview(kyiv, at('2026-10-20 12:00'));
    expect(days.filter((d) => d.hours !== null).map((d) => row(d))).toEqual(
      ['10-20', '10-21', '10-22', '10-23', '10-26', '10-27', '10-28', '10-29', '10-30', '11-02'].map((d) => `2026-${d} workday 09:00-18:00`),
    );
    const ny = (date: string) => row(days.find((d) => d.date === date) as PreviewDay, 'America/New_York');
    expect(ny('2026-10-23')).toBe('2026-10-23 workday 02:00-11:00');
    expect(ny('2026-10-26')).toBe('2026-10-26 workday 03:00-12:00');
    expect(ny('2026-11-02')).toBe('2026-11-02 workday 02:00-11:00');
    // Tokyo: in summer they end at its midnight (24:00), in winter they run past it.
    expect(row(days[0] as PreviewDay, 'Asia/Tokyo')).toBe('2026-10-20 workday 15:00-24:00');
    expect(row(days.find((d) => d.date === '2026-10-26') as PreviewDay, 'Asia/Tokyo')).toBe('2026-10-26 workday 16:00-2026-10-27 01:00');
  });

  it('gives a round-the-clock calendar 25 hours on the autumn DST day and 23 in spring, ending at 24:00', () => {
    const allDay = { ...kyiv, open: '00:00', close: '24:00', workdays: [1, 2, 3, 4, 5, 6, 7] };
    const autumn = workingHoursPreview(allDay, at('2026-10-24 12:00'), 3);
    expect(autumn.map((d) => (d.hours === null ? 0 : d.hours.end - d.hours.start))).toEqual([hours(24), hours(25), hours(24)]);
    expect(autumn.map((d) => row(d))).toEqual(['2026-10-24 workday 00:00-24:00', '2026-10-25 workday 00:00-24:00', '2026-10-26 workday 00:00-24:00']);
    const spring = workingHoursPreview(allDay, at('2026-03-29 12:00'), 1);
    expect(spring[0]?.hours).toEqual({ start: at('2026-03-29 00:00'), end: at('2026-03-30 00:00') });
    expect((spring[0]?.hours?.end ?? 0) - (spring[0]?.hours?.start ?? 0)).toBe(hours(23));
  });

  it('follows the draft\'s zone and hours', () => {
    const days = workingHoursPreview({ ...kyiv, zone: 'America/New_York', open: '08:30', close: '17:15' }, at('2026-11-25 03:00'), 2);
    // 03:00 in Kyiv is still the 24th in New York.
    expect(days.map((d) => row(d, 'America/New_York'))).toEqual(['2026-11-24 workday 08:30-17:15', '2026-11-25 workday 08:30-17:15']);
  });
});

describe('draftProblem', () => {
  it('names the first field the service would refuse, and nothing for a good draft', () => {
    expect(draftProblem(kyiv)).toBeNull();
    expect(draftProblem({ ...kyiv, open: '18:00', close: '09:00' })).toEqual({ field: 'close', message: 'open must be earlier than close' });
    expect(draftProblem({ ...kyiv, workdays: [] })?.field).toBe('workdays');
    expect(draftProblem({ ...kyiv, zone: 'Nowhere/City' })?.field).toBe('zone');
    expect(draftProblem({ ...kyiv, holidays: ['2026-02-30'] })?.field).toBe('holidays.0');
  });
});
