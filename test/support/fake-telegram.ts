/**
 * A local HTTP endpoint that plays the Telegram Bot API at a configurable API root (Telegram
 * itself cannot be reached from the tests): it records every call (token, method, chat_id, text)
 * and answers as told: success, a JSON error (500, 429 with retry_after, 400...), a non-JSON
 * 5xx page from a proxy, or nothing at all (stopped: connections are refused).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** One call as the endpoint received it. */
export interface BotCall {
  readonly token: string;
  readonly method: string;
  readonly chatId: string;
  readonly text: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** How to answer a call. */
export type BotAnswer =
  | { readonly kind: 'ok' }
  | { readonly kind: 'error'; readonly status: number; readonly description: string; readonly retryAfter?: number }
  | { readonly kind: 'html'; readonly status: number }
  /** Never answers (until the endpoint stops). */
  | { readonly kind: 'hang' };

/** The endpoint. */
export interface FakeTelegram {
  /** The API root to configure (`http://127.0.0.1:PORT`). */
  readonly url: string;
  /** Every call received, in order (answered or not). */
  readonly calls: BotCall[];
  /** How calls are answered from now on (default: all succeed). */
  answerWith(answer: (call: BotCall) => BotAnswer | Promise<BotAnswer>): void;
  /** Stops listening (open connections are cut): calls are refused until `start`. */
  stop(): Promise<void>;
  /** Listens again on the same port (nothing when listening). */
  start(): Promise<void>;
  close(): Promise<void>;
}

const OK: BotAnswer = { kind: 'ok' };

/** Starts the endpoint on a free port. */
export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: BotCall[] = [];
  let answer: (call: BotCall) => BotAnswer | Promise<BotAnswer> = () => OK;
  let messageId = 0;
  let port = 0;
  let server: Server | null = null;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.url ?? '');
    const call: BotCall = { token: match?.[1] ?? '', method: match?.[2] ?? '', chatId: String(body.chat_id ?? ''), text: String(body.text ?? ''), body };
    calls.push(call);
    const a = await answer(call);
    const json = (status: number, value: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    switch (a.kind) {
      case 'ok':
        json(200, { ok: true, result: { message_id: ++messageId, date: 1_800_000_000, chat: { id: call.chatId, type: 'group', title: 'Test' }, text: call.text } });
        return;
      case 'error':
        json(a.status, { ok: false, error_code: a.status, description: a.description, ...(a.retryAfter === undefined ? {} : { parameters: { retry_after: a.retryAfter } }) });
        return;
      case 'html':
        response.writeHead(a.status, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>');
        return;
      case 'hang':
        return;
    }
  };

  const start = async (): Promise<void> => {
    if (server !== null) return;
    const s = createServer((request, response) => {
      handle(request, response).catch((error: unknown) => response.writeHead(599).end(String(error)));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  const stop = async (): Promise<void> => {
    const s = server;
    server = null;
    if (s === null) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answerWith(fn) {
      answer = fn;
    },
    stop,
    start,
    close: stop,
  };
}

/** The endpoint for the enclosing describe or file: started before its tests (register it before the service that uses it), closed after. */
export function useFakeTelegram(): FakeTelegram {
  const bot = {} as FakeTelegram;
  let started: FakeTelegram | undefined;
  beforeAll(async () => {
    started = await startFakeTelegram();
    Object.assign(bot, started, { url: started.url, calls: started.calls });
  });
  afterAll(async () => {
    await started?.close();
  });
  return bot;
}
