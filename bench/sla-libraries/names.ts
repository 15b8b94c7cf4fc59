/** The implementations the SLA libraries bench runs, by the names its table shows. */
export const ENGINE_NAME = 'DutyDesk engine (shared/sla)';
export const LIBRARY_NAMES = [
  'dayjs-business-time',
  'dayjs-business-time + dayjs.tz',
  'moment-business-time',
  'moment-business-time + moment-timezone',
] as const;
