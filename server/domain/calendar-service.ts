/**
 * The editable support calendar (R7, docs/sla.md "Changing the calendar"). One live calendar per
 * instance, loaded from the database at start; a change is one transaction that stores it,
 * recomputes every running clock, audits it and writes a `calendar.changed` event, after which
 * this instance adopts it at once and the others when their hub dispatches the event. Every ticket
 * transaction first calls `sync`, which waits for a change being made (PostgreSQL) and adopts a
 * newer stored calendar, so no instance ever writes a due time counted on a calendar that was
 * already replaced.
 */
import { sql, type Transaction } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import { createCalendar, type CalendarConfig, type SlaPolicy } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import { writeEvents } from '../events/outbox.ts';
import { writeAdminAudit } from '../store/admin-audit.ts';
import { calendarVersion, loadCalendar, sameVersion, storeCalendarChange, type CalendarVersion, type StoredCalendar } from '../store/calendar.ts';
import { recomputeRunningClocks } from '../store/sla.ts';
import type { Actor } from './actor.ts';
import { createLiveCalendar, type LiveCalendar } from './live-calendar.ts';

// Any fixed 64-bit key, unique to this purpose within the database: a change holds it exclusively,
// every ticket transaction shared (server/events/outbox.ts has the events' key).
const CALENDAR_LOCK = 7_310_424_002;

/** What the calendar service needs. */
export interface CalendarServiceDeps {
  readonly db: Db;
  readonly now: () => number;
  readonly policy: SlaPolicy;
  /** The calendar in force while the database stores none. */
  readonly fallback: CalendarConfig;
  /** Called after a change committed (its event is in the table). */
  readonly onEvents: () => void;
}

/** What a change did. */
export interface CalendarChangeResult {
  readonly calendar: CalendarConfig;
  /** False when the calendar sent is the one in force: nothing was stored. */
  readonly changed: boolean;
  /** The tickets whose due time moved. */
  readonly recomputed: number;
}

/** The support calendar of one service instance. */
export interface CalendarService {
  /** The live calendar every part of the service holds. */
  readonly calendar: LiveCalendar;
  /** Reads the stored calendar (at start). */
  load(): Promise<void>;
  /** Adopts the stored calendar if it is newer than this instance's (another instance changed it). */
  reload(): Promise<void>;
  /**
   * Adopts the stored calendar if it is not the one held, after one small query: for the routes
   * that show the calendar, so one stored without an event (first start through `npm run admin`,
   * another process) shows at once.
   */
  refresh(): Promise<void>;
  /** At the start of every ticket transaction: waits for a change in progress, then adopts a newer one. */
  sync(trx: Transaction<Database>): Promise<void>;
  /** The calendar in force. */
  current(): CalendarConfig;
  /** Replaces the calendar from now on (admins; the route checks the role and the input). */
  change(actor: Actor, next: CalendarConfig): Promise<CalendarChangeResult>;
}

/** Builds the service; call `load()` before using the calendar. */
export function createCalendarService(deps: CalendarServiceDeps): CalendarService {
  const { db } = deps;
  const postgres = db.engine === 'postgres';
  // The fallback until `load()` has read what is stored.
  const live = createLiveCalendar(createCalendar(deps.fallback));
  let version: CalendarVersion = { changes: -1, stored: null };

  // Never goes back past a change: of two loads racing, the one that read more changes wins.
  const adopt = (stored: StoredCalendar): void => {
    if (stored.version.changes < version.changes || sameVersion(stored.version, version)) return;
    version = stored.version;
    live.replace(stored.timeline);
  };
  const refresh = async (): Promise<void> => {
    if (!sameVersion(await calendarVersion(db.kysely), version)) adopt(await loadCalendar(db.kysely, deps.fallback));
  };

  return {
    calendar: live,
    async load() {
      adopt(await loadCalendar(db.kysely, deps.fallback));
    },
    async reload() {
      adopt(await loadCalendar(db.kysely, deps.fallback));
    },
    refresh,
    async sync(trx) {
      if (postgres) await sql`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`.execute(trx);
      if (!sameVersion(await calendarVersion(trx), version)) adopt(await loadCalendar(trx, deps.fallback));
    },
    current: () => live.config,
    async change(actor, next) {
      const done = await db.kysely.transaction().execute(async (trx) => {
        if (postgres) await sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
        const before = await loadCalendar(trx, deps.fallback);
        if (isDeepStrictEqual(before.config, next)) return { stored: before, changed: false, recomputed: 0 };
        // A change never takes effect before the last one (clocks of instances may differ by a little).
        const at = Math.max(deps.now(), before.changedAt ?? Number.NEGATIVE_INFINITY);
        await storeCalendarChange(trx, before.config, next, at, actor.id);
        const after = await loadCalendar(trx, deps.fallback);
        const recomputed = await recomputeRunningClocks(trx, at, { calendar: after.timeline, policy: deps.policy }, postgres);
        await writeAdminAudit(trx, { actorId: actor.id, action: 'calendar_changed', targetKind: 'calendar', targetId: null, detail: { from: before.config, to: next, effectiveAt: at, recomputed }, at });
        await writeEvents(trx, db.engine, [{ type: 'calendar.changed', ticket: null, data: { calendar: next, effectiveAt: at } }], at);
        return { stored: after, changed: true, recomputed };
      });
      adopt(done.stored);
      if (done.changed) deps.onEvents();
      return { calendar: done.stored.config, changed: done.changed, recomputed: done.recomputed };
    },
  };
}
