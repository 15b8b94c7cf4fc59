import { sql } from 'kysely';
import { OPEN_STATUSES } from '../../shared/model/index.ts';
import { evaluateSla, type EvaluateOptions, type SlaEventType, type TicketKind } from '../../shared/sla/index.ts';
import type { SlaClock, SlaStatus } from '../../shared/sla/index.ts';
import { inChunks, type Executor } from './executor.ts';
import { slaEventsOf } from './tickets.ts';

/** A clock whose breach this change revealed: it stopped after its due time and no sla.breached was sent yet. */
export interface LateBreach {
  readonly index: number;
  readonly clock: SlaClock;
}

/**
 * Appends an SLA event to a ticket's history, re-runs the engine and stores what the queue sorts
 * by (state, due time) and what the scheduler watches (each clock's warn and due times).
 * Clocks only ever append: the history is append-only, so clock i stays clock i.
 */
export async function recordSlaEvent(
  db: Executor,
  ticket: { readonly id: number; readonly kind: TicketKind },
  type: SlaEventType,
  now: number,
  options: EvaluateOptions,
): Promise<{ status: SlaStatus; lateBreaches: LateBreach[] }> {
  await db.insertInto('sla_events').values({ ticket_id: ticket.id, type, at: now }).execute();
  const events = await db.selectFrom('sla_events').select(['type', 'at']).where('ticket_id', '=', ticket.id).orderBy('id').execute();
  const status = evaluateSla({ kind: ticket.kind, events: events }, now, options);
  await db.updateTable('tickets').set(storedSlaOf(status)).where('id', '=', ticket.id).execute();

  const stored = await db.selectFrom('sla_clocks').select(['idx', 'stopped_at', 'breached_at']).where('ticket_id', '=', ticket.id).execute();
  const byIndex = new Map(stored.map((c) => [c.idx, c]));
  const lateBreaches: LateBreach[] = [];
  for (const [index, clock] of status.clocks.entries()) {
    const row = byIndex.get(index);
    const late = clock.stoppedAt !== null && clock.breached && (row === undefined || row.breached_at === null);
    if (row === undefined) {
      await db
        .insertInto('sla_clocks')
        .values({
          ticket_id: ticket.id,
          idx: index,
          target: clock.target,
          started_at: clock.startedAt,
          due_at: clock.dueAt,
          warn_at: clock.warnAt,
          stopped_at: clock.stoppedAt,
          warned_at: null,
          breached_at: late ? now : null,
        })
        .execute();
    } else if (row.stopped_at !== clock.stoppedAt || late) {
      await db
        .updateTable('sla_clocks')
        .set({ stopped_at: clock.stoppedAt, ...(late ? { breached_at: now } : {}) })
        .where('ticket_id', '=', ticket.id)
        .where('idx', '=', index)
        .execute();
    }
    if (late) lateBreaches.push({ index, clock });
  }
  return { status, lateBreaches };
}

/** The SLA columns a ticket row keeps (a queue row shows them, docs/api.md). */
export function storedSlaOf(status: SlaStatus): { sla_state: SlaStatus['state']; sla_due_at: number | null; sla_warn_at: number | null; sla_calendar: SlaStatus['calendar'] } {
  return { sla_state: status.state, sla_due_at: status.dueAt, sla_warn_at: status.warnAt, sla_calendar: status.calendar };
}

// Rows per UPDATE when recomputing: 5 parameters a row stay far below either engine's limit.
const UPDATE_BATCH = 500;

/**
 * After a change of the support calendar at `now`: re-runs the engine over the stored history of
 * every open ticket with a running clock (`options.calendar` is the new timeline) and stores its new
 * state and due time (the queue sorts by them) and each running clock's due and warning times (the
 * scheduler watches them). A clock that stopped, or breached (claimed, or due by `now`), is never
 * touched. `lock`: lock the tickets first, in id order (PostgreSQL). Resolves to the number of
 * tickets whose due time moved.
 */
export async function recomputeRunningClocks(db: Executor, now: number, options: EvaluateOptions, lock: boolean): Promise<number> {
  const running = await db
    .selectFrom('sla_clocks')
    .innerJoin('tickets', 'tickets.id', 'sla_clocks.ticket_id')
    .select('tickets.id')
    .distinct()
    .where('sla_clocks.stopped_at', 'is', null)
    .where('tickets.status', 'in', OPEN_STATUSES)
    .orderBy('tickets.id')
    .execute();
  const ids = running.map((r) => r.id);
  if (ids.length === 0) return 0;
  const rows = await inChunks(ids, (chunk) =>
    db.selectFrom('tickets').select(['id', 'kind', 'sla_state', 'sla_due_at', 'sla_warn_at']).where('id', 'in', chunk).orderBy('id').$if(lock, (q) => q.forUpdate()).execute(),
  );
  const histories = await slaEventsOf(db, ids);
  const clocks = await inChunks(ids, (chunk) =>
    db.selectFrom('sla_clocks').select(['ticket_id', 'idx', 'due_at', 'warn_at', 'stopped_at', 'breached_at']).where('ticket_id', 'in', chunk).where('stopped_at', 'is', null).execute(),
  );
  const runningOf = new Map<number, typeof clocks>();
  for (const c of clocks) runningOf.set(c.ticket_id, [...(runningOf.get(c.ticket_id) ?? []), c]);
  const ticketUpdates: { id: number; state: SlaStatus['state']; dueAt: number | null; warnAt: number | null }[] = [];
  const stored = (v: number | null): number | null => (v === null ? null : Number(v));
  const clockUpdates: { ticketId: number; idx: number; dueAt: number; warnAt: number }[] = [];
  for (const row of rows) {
    const status = evaluateSla({ kind: row.kind, events: histories.get(row.id) ?? [] }, now, options);
    // The calendar of the clock that sets the due time cannot change: the history did not.
    if (status.state !== row.sla_state || status.dueAt !== stored(row.sla_due_at) || status.warnAt !== stored(row.sla_warn_at)) {
      ticketUpdates.push({ id: row.id, state: status.state, dueAt: status.dueAt, warnAt: status.warnAt });
    }
    for (const stored of runningOf.get(row.id) ?? []) {
      if (stored.breached_at !== null || Number(stored.due_at) <= now) continue;
      const clock = status.clocks[stored.idx];
      // The history did not change, so a clock that runs in the table runs in the engine.
      if (clock === undefined || clock.stoppedAt !== null) throw new Error(`ticket ${row.id}: clock ${stored.idx} runs in sla_clocks but not in its history`);
      if (clock.dueAt !== Number(stored.due_at) || clock.warnAt !== Number(stored.warn_at)) clockUpdates.push({ ticketId: row.id, idx: stored.idx, dueAt: clock.dueAt, warnAt: clock.warnAt });
    }
  }
  // A few statements of many rows each, not one round trip per row: the change holds every ticket meanwhile.
  for (let i = 0; i < ticketUpdates.length; i += UPDATE_BATCH) {
    const batch = ticketUpdates.slice(i, i + UPDATE_BATCH);
    const state = sql.join(batch.map((u) => sql`when ${u.id} then cast(${u.state} as text)`), sql` `);
    const due = sql.join(batch.map((u) => sql`when ${u.id} then cast(${u.dueAt} as bigint)`), sql` `);
    const warn = sql.join(batch.map((u) => sql`when ${u.id} then cast(${u.warnAt} as bigint)`), sql` `);
    await sql`update tickets set sla_state = case id ${state} end, sla_due_at = case id ${due} end, sla_warn_at = case id ${warn} end
      where id in (${sql.join(batch.map((u) => u.id))})`.execute(db);
  }
  for (let i = 0; i < clockUpdates.length; i += UPDATE_BATCH) {
    const batch = clockUpdates.slice(i, i + UPDATE_BATCH);
    const which = (u: (typeof batch)[number]) => sql`ticket_id = ${u.ticketId} and idx = ${u.idx}`;
    const due = sql.join(batch.map((u) => sql`when ${which(u)} then cast(${u.dueAt} as bigint)`), sql` `);
    const warn = sql.join(batch.map((u) => sql`when ${which(u)} then cast(${u.warnAt} as bigint)`), sql` `);
    await sql`update sla_clocks set due_at = case ${due} else due_at end, warn_at = case ${warn} else warn_at end
      where ticket_id in (${sql.join([...new Set(batch.map((u) => u.ticketId))])}) and stopped_at is null and breached_at is null`.execute(db);
  }
  const moved = ticketUpdates.length;
  return moved;
}
