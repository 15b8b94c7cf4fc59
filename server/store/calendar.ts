/**
 * The support calendar as stored: service_settings['calendar'] holds the one in force (none: the
 * service's default), calendar_history each one it replaced with the instant it stopped. Read
 * together they are the calendar's timeline, on which every clock is counted.
 */
import { calendarConfigSchema, calendarTimeline, type Calendar, type CalendarConfig } from '../../shared/sla/index.ts';
import type { Executor } from './executor.ts';
import { putSetting } from './settings.ts';

/** The settings key of the support calendar (first start writes it too: server/domain/setup-service.ts). */
export const CALENDAR_KEY = 'calendar';

/**
 * Which stored calendar an instance holds: the number of the last change (calendar_history) and the
 * stored setting's text, so a calendar written without a change (at first start, by another
 * process) is noticed too.
 */
export interface CalendarVersion {
  readonly changes: number;
  readonly stored: string | null;
}

/** The support calendar as the database holds it. */
export interface StoredCalendar {
  /** Every config over time: the one to count clocks on. */
  readonly timeline: Calendar;
  /** The config in force now. */
  readonly config: CalendarConfig;
  /** What was read: another instance's change shows as another version. */
  readonly version: CalendarVersion;
  /** When the last change took effect, or null. */
  readonly changedAt: number | null;
}

const parse = (json: unknown, what: string): CalendarConfig => {
  const parsed = calendarConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'calendar'} ${i.message}`);
  throw new Error(`The stored support calendar (${what}) is invalid: ${problems.join('; ')}`);
};

/** The version of the stored calendar, in one small query. */
export async function calendarVersion(db: Executor): Promise<CalendarVersion> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('calendar_history').select((h) => h.fn.max('id').as('id')).as('changes'),
      eb.selectFrom('service_settings').select('value').where('key', '=', CALENDAR_KEY).as('stored'),
    ])
    .executeTakeFirst();
  return { changes: Number(row?.changes ?? 0), stored: row?.stored ?? null };
}

/** Whether two versions name the same stored calendar. */
export const sameVersion = (a: CalendarVersion, b: CalendarVersion): boolean => a.changes === b.changes && a.stored === b.stored;

/** Reads the support calendar; `fallback` is the config in force while none is stored. */
export async function loadCalendar(db: Executor, fallback: CalendarConfig): Promise<StoredCalendar> {
  const setting = await db.selectFrom('service_settings').select('value').where('key', '=', CALENDAR_KEY).executeTakeFirst();
  const config = setting === undefined ? fallback : parse(JSON.parse(setting.value), `service_settings '${CALENDAR_KEY}'`);
  const rows = await db.selectFrom('calendar_history').selectAll().orderBy('until').orderBy('id').execute();
  const history = rows.map((r) => ({ id: r.id, until: Number(r.until), config: parse(JSON.parse(r.config), `calendar_history ${r.id}`) }));
  const first = history[0]?.config ?? config;
  // Config i + 1 took over when config i stopped; the stored one took over from the last.
  const changes = history.map((h, i) => ({ at: h.until, config: history[i + 1]?.config ?? config }));
  return {
    timeline: calendarTimeline(first, changes),
    config,
    version: { changes: history.reduce((max, h) => Math.max(max, h.id), 0), stored: setting?.value ?? null },
    changedAt: history.at(-1)?.until ?? null,
  };
}

/** Replaces the calendar in force (`previous`) by `next` from instant `at` on. */
export async function storeCalendarChange(db: Executor, previous: CalendarConfig, next: CalendarConfig, at: number, by: number | null): Promise<void> {
  await db.insertInto('calendar_history').values({ config: JSON.stringify(previous), until: at, replaced_by: by }).execute();
  await putSetting(db, CALENDAR_KEY, next, by, at);
}
