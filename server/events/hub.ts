/**
 * Delivers the event table to WebSocket subscribers. The table is the single source: a "poke"
 * (after a local commit, or a PostgreSQL NOTIFY from another instance) makes the hub read every
 * row after the last one it dispatched, on one queue. A subscriber with `?since=N` replays on its
 * own, page by page, yielding between pages, so a long replay never holds up live delivery or
 * commands; it joins live delivery once it has caught up with the hub's head. A per-subscriber
 * `last` makes each visible event arrive exactly once, in sequence order.
 */
import { AGENTS_ONLY_SERVICE_WIDE, isTicketEvent, type ServiceEvent, type ServiceWideEvent, type User } from '../../shared/model/index.ts';
import type { Db } from '../db/index.ts';
import { eventHead } from './outbox.ts';

/** One connected client. */
export interface Subscriber {
  readonly user: User;
  /** Sends one serialized event or control message; must not throw. */
  send(json: string): void;
  /** False once the client has gone: its replay stops at the next page. */
  readonly active?: () => boolean;
}

interface Live {
  readonly sub: Subscriber;
  last: number;
}

/** The event hub of one instance. */
export interface EventHub {
  /** Reads the current head; call once before accepting subscribers. */
  start(): Promise<void>;
  /** New events may be in the table. */
  poke(): void;
  /**
   * Adds a subscriber: replays events after `since` (if given), then live events. Resolves once
   * live; rejects if the replay fails (the subscriber then gets nothing more).
   */
  subscribe(sub: Subscriber, since: number | undefined): Promise<() => void>;
  /** Resolves when every poke so far has been dispatched (tests, shutdown). */
  idle(): Promise<void>;
  /** The last sequence number dispatched. */
  head(): number;
}

type EventRow = { seq: number; type: string; at: number; ticket_id: number | null; client_id: number | null; audience: string; payload: string };

/** Rows read per query, by live dispatch and by each replay. */
export const PAGE = 200;

/**
 * Whether `user` may receive an event row: agents get every event; customers every event about
 * their client's tickets (those for agents only as `ticket.updated`, toServiceEvent) and the service-wide ones.
 */
export function mayReceive(user: User, row: Pick<EventRow, 'type' | 'client_id' | 'audience'>): boolean {
  if (user.kind === 'agent') return true;
  if (row.audience === 'everyone') return !(AGENTS_ONLY_SERVICE_WIDE as readonly string[]).includes(row.type);
  return row.client_id !== null && row.client_id === user.client.id;
}

/**
 * The wire form of an event row for `user`. The stored summary is the agents' view; a customer gets
 * it without the internal fields (how it was routed, the internal target clock), as in their lists,
 * and an event for agents only as `ticket.updated`: their row changed, and nothing more.
 */
export function toServiceEvent(row: EventRow, user?: User): ServiceEvent {
  const payload = JSON.parse(row.payload) as Pick<ServiceEvent, 'ticket' | 'data'>;
  const base = { seq: row.seq, at: row.at, ticketId: row.ticket_id };
  if (user?.kind !== 'customer' || payload.ticket === null) {
    // The payload was written by writeEvents for this very type, so type, ticket and data agree.
    return { ...base, type: row.type, ticket: payload.ticket, data: payload.data } as ServiceEvent;
  }
  const ticket = { ...payload.ticket, routedFrom: null, ola: null };
  if (row.audience === 'agents') return { ...base, ticketId: ticket.id, type: 'ticket.updated', ticket, data: {} };
  return { ...base, type: row.type, ticket, data: payload.data } as ServiceEvent;
}

/**
 * Lets replays read one page at a time, one page per turn of the event loop: however many sockets
 * replay, commands and live dispatch wait for at most one page between their own steps.
 */
function createTurnstile() {
  const waiting: (() => void)[] = [];
  let busy = false;
  const next = (): void => {
    const w = waiting.shift();
    if (w === undefined) busy = false;
    else w();
  };
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (busy) await new Promise<void>((resolve) => waiting.push(resolve));
    else busy = true;
    try {
      return await job();
    } finally {
      // The next page waits for the event loop's next turn, so I/O (requests, commits) runs in between.
      setImmediate(next);
    }
  };
}

/**
 * Builds the hub over a database. `beforeDelivery` runs for each service-wide event this hub
 * dispatches live, before any subscriber gets it (an instance reloads the support calendar there,
 * so a console that refetches on the event finds it current).
 */
export function createEventHub(db: Db, onError: (error: unknown) => void, beforeDelivery?: (event: ServiceWideEvent) => Promise<void>): EventHub {
  const live = new Set<Live>();
  let head = 0;
  let queue: Promise<void> = Promise.resolve();
  let pokePending = false;
  const replayTurn = createTurnstile();

  const enqueue = (job: () => Promise<void>): Promise<void> => {
    const next = queue.then(job).catch(onError);
    queue = next;
    return next;
  };
  const rowsAfter = (seq: number): Promise<EventRow[]> =>
    db.kysely.selectFrom('events').selectAll().where('seq', '>', seq).orderBy('seq').limit(PAGE).execute();
  // The table's real head: on PostgreSQL other instances may have committed past this hub's head.
  const tableHead = (): Promise<number> => eventHead(db.kysely);
  // The wire forms of a row (the agents', the customers') are made once each, however many subscribers receive them.
  type Wire = (user: User) => string;
  const deliver = (l: Live, row: EventRow, json: Wire): void => {
    if (row.seq <= l.last) return;
    l.last = row.seq;
    if (mayReceive(l.sub.user, row)) l.sub.send(json(l.sub.user));
  };
  const wireOf = (row: EventRow): Wire => {
    let agents: string | undefined;
    let customers: string | undefined;
    return (user) => (user.kind === 'customer' ? (customers ??= JSON.stringify(toServiceEvent(row, user))) : (agents ??= JSON.stringify(toServiceEvent(row, user))));
  };
  // Joins live delivery; called synchronously once the subscriber has every row up to the head,
  // so the next dispatched row is the next it needs (rows it already has are skipped by `last`).
  const goLive = (l: Live): (() => void) => {
    l.last = Math.max(l.last, head);
    live.add(l);
    // Tells the client the replay is over: from here on it receives live events.
    l.sub.send(JSON.stringify({ type: 'stream.live', seq: l.last }));
    return () => {
      live.delete(l);
    };
  };

  return {
    async start() {
      head = await tableHead();
    },
    poke() {
      // Many commits in a burst need one read, not one each.
      if (pokePending) return;
      pokePending = true;
      void enqueue(async () => {
        pokePending = false;
        for (;;) {
          const rows = await rowsAfter(head);
          for (const row of rows) {
            if (row.ticket_id === null && beforeDelivery !== undefined) {
              const event = toServiceEvent(row);
              // A failed reload is logged; the event still goes out (consoles refetch what they show).
              if (!isTicketEvent(event)) await beforeDelivery(event).catch(onError);
            }
            const json = wireOf(row);
            for (const l of live) deliver(l, row, json);
            head = row.seq;
          }
          if (rows.length < PAGE) return;
        }
      });
    },
    async subscribe(sub, since) {
      const l: Live = { sub, last: head };
      if (since === undefined) return goLive(l);
      try {
        let from = since;
        if (since > head) {
          const real = await tableHead();
          if (since > real) {
            // A client ahead of the table (a restore from backup, another database): it starts
            // from the real head and refetches what it shows.
            from = real;
            sub.send(JSON.stringify({ type: 'stream.reset', seq: real }));
          }
        }
        l.last = from;
        while (l.last < head && (sub.active?.() ?? true)) {
          const read = await replayTurn(async () => {
            const rows = await rowsAfter(l.last);
            for (const row of rows) deliver(l, row, wireOf(row));
            return rows.length;
          });
          if (read === 0) break;
        }
      } catch (error) {
        onError(error);
        throw error;
      }
      return goLive(l);
    },
    idle: () => enqueue(async () => {}),
    head: () => head,
  };
}
