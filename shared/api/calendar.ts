/**
 * The support calendar's contract (R7): GET/PUT /api/v1/admin/calendar carry a `CalendarConfig`
 * of shared/sla; GET /api/v1/clock and the `calendar.changed` event carry the same shape.
 */
import { z } from 'zod';
import { calendarConfigSchema, type CalendarConfig } from '../sla/index.ts';

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** A support calendar as the service reports it (validated when it was stored). */
export const calendarSchema = z.object({
  zone: z.string().describe('IANA time zone of the support team'),
  open: z.string().describe("'HH:mm', start of working hours"),
  close: z.string().describe("'HH:mm', end of working hours ('24:00' for midnight)"),
  workdays: list(z.number().int()).describe('ISO weekdays that are working days, 1 = Monday'),
  holidays: list(z.string()).describe("'YYYY-MM-DD' dates that are not working days"),
  extraWorkdays: list(z.string()).describe("'YYYY-MM-DD' dates that are working days although not in workdays (win over holidays)"),
}) satisfies z.ZodType<CalendarConfig>;

const sortedUnique = <T extends string | number>(values: readonly T[]): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * PUT /api/v1/admin/calendar: a whole calendar. Beyond what any calendar must be (a known zone,
 * open before close, real dates), a team's calendar has at least one working weekday, so every
 * week has working time and no clock can run out of it. Weekdays and dates are stored sorted,
 * each once.
 */
export const calendarRequestSchema = calendarConfigSchema
  .refine((c) => c.workdays.length > 0, { message: 'must name at least one working weekday (1 = Monday ... 7 = Sunday)', path: ['workdays'] })
  .transform((c): CalendarConfig => ({ ...c, workdays: sortedUnique(c.workdays), holidays: sortedUnique(c.holidays), extraWorkdays: sortedUnique(c.extraWorkdays) }));
