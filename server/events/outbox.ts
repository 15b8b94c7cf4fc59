import { sql } from 'kysely';
import type { ServiceEventData, ServiceEventType, TicketSummary } from '../../shared/model/index.ts';
import type { Engine } from '../db/index.ts';
import type { Executor } from '../store/executor.ts';

/** An event a transaction will write just before it commits; `data` is decided by `type`. */
export type PendingEvent = {
  readonly [T in ServiceEventType]: {
    readonly type: T;
    readonly ticket: TicketSummary;
    /** Internal notes, routing and SLA timers are for agents only. */
    readonly agentsOnly: boolean;
    readonly data: ServiceEventData<T>;
  };
}[ServiceEventType];

/** The PostgreSQL channel that wakes every instance's event hub. */
export const EVENTS_CHANNEL = 'dutydesk_events';
// Any fixed 64-bit key, unique to this purpose within the database.
const EVENT_SEQUENCE_LOCK = 7_310_424_001;

/**
 * Writes a transaction's events. On PostgreSQL a transaction-scoped advisory lock is taken first
 * so sequence numbers are allocated in commit order: a reader that has seen seq N can never later
 * find a smaller one committed (no gaps for ?since replay). NOTIFY is delivered at commit.
 */
export async function writeEvents(db: Executor, engine: Engine, events: readonly PendingEvent[], at: number): Promise<void> {
  if (events.length === 0) return;
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${EVENT_SEQUENCE_LOCK})`.execute(db);
  await db
    .insertInto('events')
    .values(
      events.map((e) => ({
        type: e.type,
        at,
        ticket_id: e.ticket.id,
        client_id: e.ticket.clientId,
        audience: e.agentsOnly ? 'agents' : 'all',
        payload: JSON.stringify({ ticket: e.ticket, data: e.data }),
      })),
    )
    .execute();
  if (engine === 'postgres') await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(db);
}
