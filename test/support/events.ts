/** Helpers for event-stream suites: many stored events at once, raw sockets that report how they end. */
import WebSocket from 'ws';
import type { Db } from '../../server/db/index.ts';
import { eventHead } from '../../server/events/outbox.ts';

/** Appends `count` copies of the stored event `seq` straight to the table, in batches, numbered after the head as the service numbers them. */
export async function copyEvent(db: Db, seq: number, count: number): Promise<void> {
  const row = await db.kysely.selectFrom('events').select(['type', 'at', 'ticket_id', 'client_id', 'audience', 'payload']).where('seq', '=', seq).executeTakeFirstOrThrow();
  for (let done = 0; done < count; done += 500) {
    const head = await tableHead(db);
    await db.kysely.insertInto('events').values(Array.from({ length: Math.min(500, count - done) }, (_, i) => ({ ...row, seq: head + i + 1 }))).execute();
  }
}

/** The largest stored sequence number. */
export function tableHead(db: Db): Promise<number> {
  return eventHead(db.kysely);
}

/** A raw event socket: resolves `opened` (or the refusal's HTTP status), `closed` with the close code, and counts messages. */
export function rawEventSocket(url: string, token: string, since?: number) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/events?token=${encodeURIComponent(token)}${since !== undefined ? `&since=${since}` : ''}`);
  const messages: { type: string; seq?: number }[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as { type: string; seq?: number }));
  const opened = new Promise<{ status: number; body: string }>((resolve, reject) => {
    ws.once('open', () => resolve({ status: 101, body: '' }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (e) => (ws.readyState === WebSocket.CLOSED ? undefined : reject(e)));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { ws, messages, opened, closed, live: () => messages.some((m) => m.type === 'stream.live') };
}
