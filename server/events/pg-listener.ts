import type pg from 'pg';
import { backoffDelay, type Backoff } from '../../shared/backoff.ts';
import { createPgClient } from '../db/postgres.ts';
import { EVENTS_CHANNEL } from './outbox.ts';
import { PRESENCE_CHANNEL } from './presence-relay.ts';

/** A LISTEN connection that survives restarts of PostgreSQL. */
export interface PgListener {
  close(): Promise<void>;
}

/** Where the listener says what happens to its connection. */
export interface ListenerLog {
  warn(message: string): void;
  info(message: string): void;
}

/** Reconnect delays: a uniform draw up to 250 ms, 500 ms, 1 s... at most 10 s; attempts never stop. */
export const LISTEN_BACKOFF: Backoff = { baseMs: 250, capMs: 10_000 };

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * LISTENs for commits of other instances and pokes the hub. A lost connection is re-established
 * forever, with capped exponential backoff and full jitter (so instances do not return together);
 * each failure is logged once with the next delay, and "LISTEN restored" when back. After each
 * (re)connect it pokes once, since notifications sent while it was away are lost (the event table
 * is not). The first connection must succeed: a service that cannot reach its database does not start.
 */
export async function listenForEvents(
  url: string,
  onNotify: () => void,
  log: ListenerLog,
  options: { readonly backoff?: Backoff; readonly random?: () => number; /** Other instances' presence changes (PRESENCE_CHANNEL), when given. */ readonly onPresence?: (payload: string) => void } = {},
): Promise<PgListener> {
  const backoff = options.backoff ?? LISTEN_BACKOFF;
  const random = options.random ?? Math.random;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  const connect = async (): Promise<void> => {
    const c = createPgClient(url);
    c.on('notification', (n) => (n.channel === PRESENCE_CHANNEL ? options.onPresence?.(n.payload ?? '') : onNotify()));
    // 'error' and 'end' both come for one drop; only the current client's first one counts.
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c, new Error('connection ended')));
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      if (options.onPresence !== undefined) await c.query(`LISTEN ${PRESENCE_CHANNEL}`);
    } catch (error) {
      c.removeAllListeners('end');
      void c.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    onNotify();
  };
  const scheduleRetry = (error: unknown): void => {
    if (closed) return;
    const delay = backoffDelay(failures, backoff, random);
    failures++;
    log.warn(`LISTEN ${EVENTS_CHANNEL}: ${reasonOf(error)}; reconnecting in ${delay} ms (attempt ${failures}); until then other instances' events arrive only by the safety poll`);
    retry = setTimeout(() => {
      connect().then(() => {
        if (closed) return;
        log.info(`LISTEN ${EVENTS_CHANNEL} restored after ${failures} attempt(s)`);
        failures = 0;
      }, scheduleRetry);
    }, delay);
    retry.unref();
  };
  const lost = (c: pg.Client, error: unknown): void => {
    if (closed || client !== c) return;
    client = undefined;
    c.removeAllListeners('end');
    void c.end().catch(() => {});
    scheduleRetry(error);
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      c?.removeAllListeners('end');
      await c?.end();
    },
  };
}
