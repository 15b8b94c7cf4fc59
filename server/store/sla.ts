import { evaluateSla, type EvaluateOptions, type SlaEventType, type TicketKind } from '../../shared/sla/index.ts';
import type { SlaClock, SlaStatus } from '../../shared/sla/index.ts';
import type { Executor } from './executor.ts';

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
  await db.updateTable('tickets').set({ sla_state: status.state, sla_due_at: status.dueAt }).where('id', '=', ticket.id).execute();

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
