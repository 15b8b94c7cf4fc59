import { describe, expect, it } from 'vitest';
import { createCalendar, supportClock } from '../../../../shared/sla/index.ts';
import { at, wall } from '../../../support/time.ts';

const calendar = createCalendar({ holidays: ['2026-12-25'] });

describe('supportClock (R9)', () => {
  it('shows GMT+2 in winter and GMT+3 in summer (R7)', () => {
    expect(supportClock(calendar, at('2026-11-25 10:00')).offsetMinutes).toBe(120);
    expect(supportClock(calendar, at('2026-07-01 10:00')).offsetMinutes).toBe(180);
  });

  it('tells working time and working day apart', () => {
    expect(supportClock(calendar, at('2026-11-25 10:00'))).toMatchObject({ zone: 'Europe/Kyiv', isWorkingTime: true, isWorkingDay: true });
    const evening = supportClock(calendar, at('2026-11-25 19:00'));
    expect(evening).toMatchObject({ isWorkingTime: false, isWorkingDay: true });
    expect(wall(evening.nextOpening)).toBe('2026-11-26 09:00');
  });

  it('knows a holiday is not a working day', () => {
    const c = supportClock(calendar, at('2026-12-25 11:00'));
    expect(c).toMatchObject({ isWorkingTime: false, isWorkingDay: false });
    expect(wall(c.nextOpening)).toBe('2026-12-28 09:00');
  });
});
