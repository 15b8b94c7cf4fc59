import type pg from 'pg';
import { createPgClient } from '../db/postgres.ts';
import { EVENTS_CHANNEL } from './outbox.ts';

/** A LISTEN connection that survives restarts of PostgreSQL. */
export interface PgListener {
  close(): Promise<void>;
}

/**
 * LISTENs for commits of other instances and pokes the hub. After a reconnect it pokes once, since
 * notifications sent while it was away are lost (the event table is not).
 */
export async function listenForEvents(url: string, onNotify: () => void, onError: (error: unknown) => void, retryMs = 1000): Promise<PgListener> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = createPgClient(url);
    c.on('notification', () => onNotify());
    c.on('error', (error) => {
      onError(error);
      reconnect(c);
    });
    c.on('end', () => reconnect(c));
    await c.connect();
    await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    client = c;
    onNotify();
  };
  const reconnect = (c: pg.Client): void => {
    if (closed || client !== c) return;
    client = undefined;
    c.removeAllListeners('end');
    void c.end().catch(() => {});
    retry = setTimeout(() => {
      connect().catch((error: unknown) => {
        onError(error);
        if (!closed) retry = setTimeout(() => void connect().catch(onError), retryMs);
      });
    }, retryMs);
    retry.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}
