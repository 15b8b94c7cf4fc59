/**
 * Delivers the event table to WebSocket subscribers. The table is the single source: a "poke"
 * (after a local commit, or a PostgreSQL NOTIFY from another instance) makes the hub read every
 * row after the last one it dispatched. Replays for `?since=N` and live dispatch run on one queue,
 * so a subscriber gets each visible event exactly once, in sequence order.
 */
import type { ServiceEvent, User } from '../../shared/model/index.ts';
import type { Db } from '../db/index.ts';

/** One connected client. */
export interface Subscriber {
  readonly user: User;
  /** Sends one serialized event; must not throw. */
  send(json: string): void;
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
  /** Adds a subscriber: replays events after `since` (if given), then live events. Resolves once live. */
  subscribe(sub: Subscriber, since: number | undefined): Promise<() => void>;
  /** Resolves when every poke so far has been dispatched (tests, shutdown). */
  idle(): Promise<void>;
  /** The last sequence number dispatched. */
  head(): number;
}

type EventRow = { seq: number; type: string; at: number; ticket_id: number; client_id: number; audience: string; payload: string };

const PAGE = 500;

/** Whether `user` may receive an event row: agents get every event, customers their client's public ones. */
export function mayReceive(user: User, row: Pick<EventRow, 'client_id' | 'audience'>): boolean {
  return user.kind === 'agent' || (row.audience === 'all' && row.client_id === user.client.id);
}

/** The wire form of an event row. */
export function toServiceEvent(row: EventRow): ServiceEvent {
  const payload = JSON.parse(row.payload) as Pick<ServiceEvent, 'ticket' | 'data'>;
  // The payload was written by writeEvents for this very type, so type and data agree.
  return { seq: row.seq, type: row.type, at: row.at, ticketId: row.ticket_id, ticket: payload.ticket, data: payload.data } as ServiceEvent;
}

/** Builds the hub over a database. */
export function createEventHub(db: Db, onError: (error: unknown) => void): EventHub {
  const live = new Set<Live>();
  let head = 0;
  let queue: Promise<void> = Promise.resolve();
  let pokePending = false;

  const enqueue = (job: () => Promise<void>): Promise<void> => {
    const next = queue.then(job).catch(onError);
    queue = next;
    return next;
  };
  const rowsAfter = (seq: number, upTo?: number): Promise<EventRow[]> =>
    db.kysely
      .selectFrom('events')
      .selectAll()
      .where('seq', '>', seq)
      .$if(upTo !== undefined, (q) => q.where('seq', '<=', upTo ?? 0))
      .orderBy('seq')
      .limit(PAGE)
      .execute();
  // The wire form of a row is made once, however many subscribers receive it.
  const deliver = (l: Live, row: EventRow, json: () => string): void => {
    if (row.seq <= l.last) return;
    l.last = row.seq;
    if (mayReceive(l.sub.user, row)) l.sub.send(json());
  };
  const wireOf = (row: EventRow): (() => string) => {
    let json: string | undefined;
    return () => (json ??= JSON.stringify(toServiceEvent(row)));
  };

  return {
    async start() {
      const row = await db.kysely.selectFrom('events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      head = Number(row?.seq ?? 0);
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
      await enqueue(async () => {
        if (since !== undefined && since < head) {
          l.last = since;
          for (;;) {
            const rows = await rowsAfter(l.last, head);
            for (const row of rows) deliver(l, row, wireOf(row));
            if (rows.length < PAGE) break;
          }
        }
        l.last = Math.max(l.last, head, since ?? 0);
        live.add(l);
        // Tells the client the replay is over: from here on it receives live events.
        sub.send(JSON.stringify({ type: 'stream.live', seq: l.last }));
      });
      return () => {
        live.delete(l);
      };
    },
    idle: () => enqueue(async () => {}),
    head: () => head,
  };
}
