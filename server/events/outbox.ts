import { sql } from 'kysely';
import type { ServiceEventData, ServiceWideEventType, TicketEventType, TicketStatus, TicketSummary } from '../../shared/model/index.ts';
import type { TicketBrief } from '../store/tickets.ts';
import type { Engine } from '../db/index.ts';
import type { Executor } from '../store/executor.ts';

/** An event about a ticket a transaction will write just before it commits; `data` is decided by `type`. */
export type PendingTicketEvent = {
  readonly [T in TicketEventType]: {
    readonly type: T;
    /** The ticket as the command saw it; the stored event carries its summary as of the commit. */
    readonly ticket: TicketBrief;
    /** Internal notes, routing and SLA timers are for agents only. */
    readonly agentsOnly: boolean;
    readonly data: ServiceEventData<T>;
    /**
     * The ticket's status before the command that raised this event, when the command knew it
     * (never stored or sent: the Telegram channel tells status changes from it, server/telegram).
     */
    readonly statusBefore?: TicketStatus;
  };
}[TicketEventType];

/** A service-wide event (about no ticket): for everyone signed in, customers too. */
export type PendingServiceWideEvent = {
  readonly [T in ServiceWideEventType]: {
    readonly type: T;
    readonly ticket: null;
    readonly data: ServiceEventData<T>;
  };
}[ServiceWideEventType];

/** An event a transaction will write just before it commits. */
export type PendingEvent = PendingTicketEvent | PendingServiceWideEvent;

/**
 * Who may receive a stored event: 'agents'; 'all', the agents and the customers of the ticket's
 * client; 'everyone', every signed-in user (service-wide events, which have no ticket or client).
 */
export type EventAudience = 'all' | 'agents' | 'everyone';

/** The audience an event is stored with. */
function audienceOf(e: PendingEvent): EventAudience {
  if (e.ticket === null) return 'everyone';
  return e.agentsOnly ? 'agents' : 'all';
}

/** The PostgreSQL channel that wakes every instance's event hub. */
export const EVENTS_CHANNEL = 'dutydesk_events';
// Any fixed 64-bit key, unique to this purpose within the database.
const EVENT_SEQUENCE_LOCK = 7_310_424_001;

/** The agents' summaries of tickets as they are now in the transaction (server/store/summaries.ts). */
export type Summaries = (ids: readonly number[]) => Promise<ReadonlyMap<number, TicketSummary>>;

/**
 * Writes a transaction's events. Each event about a ticket carries the ticket's summary as of the
 * commit (the agents' view; customers get it without the internal fields, server/events/hub.ts), so
 * a console can patch its lists from any event and end where a fresh fetch would. On PostgreSQL a transaction-scoped advisory lock is taken first
 * so sequence numbers are allocated in commit order: a reader that has seen seq N can never later
 * find a smaller one committed (no gaps for ?since replay), and each is the last committed one plus
 * one, so a transaction that never commits leaves no hole. NOTIFY is delivered at commit.
 * (SQLite: one writer at a time, and AUTOINCREMENT's counter rolls back with the transaction.)
 */
export async function writeEvents(db: Executor, engine: Engine, events: readonly PendingEvent[], at: number, summaries?: Summaries): Promise<void> {
  if (events.length === 0) return;
  const ids = [...new Set(events.flatMap((e) => (e.ticket === null ? [] : [e.ticket.id])))];
  const rows = ids.length === 0 || summaries === undefined ? new Map<number, TicketSummary>() : await summaries(ids);
  const summaryOf = (id: number): TicketSummary => {
    const summary = rows.get(id);
    if (summary === undefined) throw new Error(`event about ticket ${id}, which is missing`);
    return summary;
  };
  let head = 0;
  if (engine === 'postgres') {
    await sql`select pg_advisory_xact_lock(${EVENT_SEQUENCE_LOCK})`.execute(db);
    // Numbered here, under the lock, rather than by the bigserial: a sequence value taken by a
    // transaction that never commits (a killed service, a lost connection) would leave a gap.
    head = await eventHead(db);
  }
  await db
    .insertInto('events')
    .values(
      events.map((e, i) => ({
        ...(engine === 'postgres' ? { seq: head + i + 1 } : {}),
        type: e.type,
        at,
        ticket_id: e.ticket?.id ?? null,
        client_id: e.ticket?.clientId ?? null,
        audience: audienceOf(e),
        payload: JSON.stringify({ ticket: e.ticket === null ? null : summaryOf(e.ticket.id), data: e.data }),
      })),
    )
    .execute();
  if (engine === 'postgres') await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(db);
}

/** The last event's sequence number (0 with none). */
export async function eventHead(db: Executor): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('head')).executeTakeFirst();
  return Number(row?.head ?? 0);
}
