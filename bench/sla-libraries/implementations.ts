// The libraries set up as their READMEs show, each behind the same two calls the bench times:
// add N working minutes to an instant, and count working minutes between two instants.
import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import dayjsTimezone from 'dayjs/plugin/timezone.js';
import dayjsUtc from 'dayjs/plugin/utc.js';
import moment from 'moment-timezone';
import 'moment-business-time';
import type { CalendarConfig } from '../../shared/sla/index.ts';
import { LIBRARY_NAMES } from './names.ts';
import { dayjsBusinessHours, momentWorkingHours, unsupportedByLibraries } from './library-config.ts';

/** One way of doing SLA arithmetic, on epoch milliseconds and whole minutes. */
export interface WorkingTimeImplementation {
  readonly name: string;
  addMinutes(from: number, minutes: number): number;
  minutesBetween(from: number, to: number): number;
}

// moment-business-time ships no types: the two methods the bench calls.
interface BusinessMoment extends moment.Moment {
  addWorkingTime(amount: number, unit: 'minutes'): BusinessMoment;
  workingDiff(other: moment.Moment, unit: 'minutes'): number;
}

export function libraryImplementations(config: CalendarConfig): WorkingTimeImplementation[] {
  const [dayjsLocal, dayjsZoned, momentLocal, momentZoned] = LIBRARY_NAMES;
  const unsupported = unsupportedByLibraries(config);
  if (unsupported.length > 0) throw new RangeError(unsupported.join('; '));

  dayjs.extend(dayjsUtc);
  dayjs.extend(dayjsTimezone);
  dayjs.extend(dayjsBusinessTime);
  dayjs.setBusinessTime(dayjsBusinessHours(config));
  dayjs.setHolidays([...config.holidays]);

  moment.updateLocale(moment.locale(), { workinghours: momentWorkingHours(config), holidays: [...config.holidays] } as moment.LocaleSpecification);
  const local = (t: number) => moment(t) as BusinessMoment;
  const zoned = (t: number) => moment.tz(t, config.zone) as BusinessMoment;

  return [
    // The READMEs' own setup: dates in the process's local time zone.
    {
      name: dayjsLocal,
      addMinutes: (from, minutes) => dayjs(from).addBusinessMinutes(minutes).valueOf(),
      minutesBetween: (from, to) => dayjs(from).businessMinutesDiff(dayjs(to)),
    },
    // The natural fix a developer reaches for: dayjs's timezone plugin, dates in the support zone.
    {
      name: dayjsZoned,
      addMinutes: (from, minutes) => dayjs(from).tz(config.zone).addBusinessMinutes(minutes).valueOf(),
      minutesBetween: (from, to) => dayjs(from).tz(config.zone).businessMinutesDiff(dayjs(to).tz(config.zone)),
    },
    {
      name: momentLocal,
      addMinutes: (from, minutes) => local(from).addWorkingTime(minutes, 'minutes').valueOf(),
      minutesBetween: (from, to) => local(to).workingDiff(local(from), 'minutes'),
    },
    {
      name: momentZoned,
      addMinutes: (from, minutes) => zoned(from).addWorkingTime(minutes, 'minutes').valueOf(),
      minutesBetween: (from, to) => zoned(to).workingDiff(zoned(from), 'minutes'),
    },
  ];
}
