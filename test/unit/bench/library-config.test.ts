import { describe, expect, it } from 'vitest';
import { dayjsBusinessHours, momentWorkingHours, unsupportedByLibraries } from '../../../bench/sla-libraries/library-config.ts';
import { DEFAULT_CALENDAR_CONFIG, UKRAINE_HOLIDAYS } from '../../../shared/sla/index.ts';

// The SLA libraries bench (bench/sla-libraries.bench.ts) is only fair if each library is given
// exactly our calendar: these are the settings a developer would write from the libraries' READMEs.
describe('library settings from a support calendar', () => {
  const calendar = { ...DEFAULT_CALENDAR_CONFIG, holidays: UKRAINE_HOLIDAYS };

  it('gives dayjs-business-time one 09:00-18:00 segment Monday to Friday and closed weekends', () => {
    const open = [{ start: '09:00:00', end: '18:00:00' }];
    expect(dayjsBusinessHours(calendar)).toEqual({
      sunday: null,
      monday: open,
      tuesday: open,
      wednesday: open,
      thursday: open,
      friday: open,
      saturday: null,
    });
  });

  it('gives moment-business-time the same hours indexed from Sunday = 0', () => {
    const open = ['09:00:00', '18:00:00'];
    expect(momentWorkingHours(calendar)).toEqual({ 0: null, 1: open, 2: open, 3: open, 4: open, 5: open, 6: null });
  });

  it('maps ISO Sunday (7) to index 0 and a close at 24:00 to the last second of the day', () => {
    const weekend = { ...calendar, workdays: [6, 7], open: '20:00', close: '24:00' };
    expect(momentWorkingHours(weekend)).toEqual({ 0: ['20:00:00', '23:59:59'], 1: null, 2: null, 3: null, 4: null, 5: null, 6: ['20:00:00', '23:59:59'] });
    expect(dayjsBusinessHours(weekend).sunday).toEqual([{ start: '20:00:00', end: '23:59:59' }]);
    expect(dayjsBusinessHours(weekend).monday).toBeNull();
  });

  it('refuses extra working days, which neither library can express, and accepts holidays', () => {
    expect(unsupportedByLibraries(calendar)).toEqual([]);
    expect(unsupportedByLibraries({ ...calendar, extraWorkdays: ['2026-06-27'] })).toEqual([
      'extraWorkdays (1) cannot be expressed in either library',
    ]);
  });
});
