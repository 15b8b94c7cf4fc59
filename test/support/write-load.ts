/**
 * Concurrent clients that write to a real service over HTTP (customers filing tickets and replying
 * to them), recording every write the service acknowledged with a 2xx, and every refusal or
 * failure with how long it took to come. Then a check, straight in the database, that every
 * acknowledged write is there with its content and its event, and that `seq` has no gap.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../server/db/index.ts';

/** A write the service acknowledged. */
export interface AckedTicket {
  readonly id: number;
  readonly subject: string;
  readonly body: string;
}
export interface AckedMessage {
  readonly id: number;
  readonly ticketId: number;
  readonly body: string;
}
/** A request that did not get a 2xx: its status (or 'network' when the connection failed) and how long it took. */
export interface FailedWrite {
  readonly status: number | 'network' | 'timeout';
  readonly ms: number;
  /** The `error: message` of the reply's body, when there was one. */
  readonly message?: string;
}

/** The running load. */
export interface WriteLoad {
  readonly tickets: AckedTicket[];
  readonly messages: AckedMessage[];
  readonly failures: FailedWrite[];
  /** Resolves once `n` writes have been acknowledged in total. */
  acknowledged(n: number): Promise<void>;
  /** Stops the clients and waits for every request in flight to settle. */
  stop(): Promise<void>;
}

const CUSTOMERS = ['alpha.user', 'beta.user', 'gamma.user'];

/** Signs the demo customers in (password "demo") and returns their tokens. */
export async function customerTokens(url: string): Promise<string[]> {
  return Promise.all(
    CUSTOMERS.map(async (login) => {
      const r = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
      if (r.status !== 200) throw new Error(`login ${login}: ${r.status}`);
      return ((await r.json()) as { token: string }).token;
    }),
  );
}

/**
 * Starts `clients` concurrent clients against `url`. Each files a ticket, then replies to it, and
 * again, until stopped. After a failure a client waits `pauseMs` and goes on (a killed service
 * refuses connections at once).
 */
export function startWriteLoad(url: string, tokens: readonly string[], options: { clients?: number; pauseMs?: number; timeoutMs?: number } = {}): WriteLoad {
  const tickets: AckedTicket[] = [];
  const messages: AckedMessage[] = [];
  const failures: FailedWrite[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let running = true;
  const acked = (): void => {
    const total = tickets.length + messages.length;
    for (const w of [...waiters]) {
      if (total < w.n) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const post = async (path: string, token: string, body: unknown): Promise<unknown> => {
    const started = performance.now();
    try {
      const r = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      const text = await r.text();
      if (r.status >= 200 && r.status < 300) return JSON.parse(text);
      const reply = (() => {
        try {
          return JSON.parse(text) as { error?: string; message?: string };
        } catch {
          return {};
        }
      })();
      failures.push({ status: r.status, ms: performance.now() - started, message: `${reply.error ?? '?'}: ${reply.message ?? text}` });
    } catch (error) {
      const timeout = error instanceof Error && error.name === 'TimeoutError';
      failures.push({ status: timeout ? 'timeout' : 'network', ms: performance.now() - started });
    }
    await new Promise((r) => setTimeout(r, options.pauseMs ?? 20));
    return null;
  };
  const client = async (n: number): Promise<void> => {
    const token = tokens[n % tokens.length] as string;
    for (let i = 0; running; i++) {
      const tag = `${n}-${i}-${randomUUID()}`;
      const subject = `Load ${tag}`;
      const body = `Calls drop after 30 seconds (${tag}).`;
      const created = (await post('/api/v1/tickets', token, { kind: 'problem', subject, body })) as { ticket: { id: number } } | null;
      if (created === null) continue;
      tickets.push({ id: created.ticket.id, subject, body });
      acked();
      if (!running) break;
      const text = `Still dropping, ${tag}.`;
      const detail = (await post(`/api/v1/tickets/${created.ticket.id}/messages`, token, { type: 'reply', body: text })) as { messages: { id: number; body: string }[] } | null;
      const message = detail?.messages.find((m) => m.body === text);
      if (message !== undefined) {
        messages.push({ id: message.id, ticketId: created.ticket.id, body: text });
        acked();
      }
    }
  };
  const all = Promise.all(Array.from({ length: options.clients ?? 50 }, (_, n) => client(n)));
  return {
    tickets,
    messages,
    failures,
    acknowledged: (n) =>
      new Promise((resolve) => {
        waiters.push({ n, resolve });
        acked();
      }),
    async stop() {
      running = false;
      for (const w of waiters.splice(0)) w.resolve();
      await all;
    },
  };
}

/** What the database holds of acknowledged writes. */
export interface Durability {
  /** Acknowledged tickets and messages missing, or with other content, or without their event. */
  readonly lost: string[];
  /** Sequence numbers missing between 1 and the highest. */
  readonly gaps: number[];
  readonly events: number;
  readonly tickets: number;
  readonly messages: number;
}

/** Reads the database at `location` and checks the acknowledged writes against it. */
export async function checkDurability(location: string, tickets: readonly AckedTicket[], messages: readonly AckedMessage[]): Promise<Durability> {
  const db = await openDatabase(location);
  try {
    const k = db.kysely;
    const ticketRows = new Map((await k.selectFrom('tickets').select(['id', 'subject', 'body']).execute()).map((r) => [Number(r.id), r]));
    const messageRows = new Map((await k.selectFrom('messages').select(['id', 'ticket_id', 'body']).execute()).map((r) => [Number(r.id), r]));
    const events = await k.selectFrom('events').select(['seq', 'type', 'ticket_id', 'payload']).orderBy('seq').execute();
    const created = new Set(events.filter((e) => e.type === 'ticket.created').map((e) => Number(e.ticket_id)));
    const added = new Set(events.filter((e) => e.type === 'message.added').map((e) => (JSON.parse(e.payload) as { data: { message: { id: number } } }).data.message.id));
    const lost: string[] = [];
    for (const t of tickets) {
      const row = ticketRows.get(t.id);
      if (row === undefined || row.subject !== t.subject || row.body !== t.body) lost.push(`ticket ${t.id}`);
      else if (!created.has(t.id)) lost.push(`ticket.created of ${t.id}`);
    }
    for (const m of messages) {
      const row = messageRows.get(m.id);
      if (row === undefined || Number(row.ticket_id) !== m.ticketId || row.body !== m.body) lost.push(`message ${m.id}`);
      else if (!added.has(m.id)) lost.push(`message.added of ${m.id}`);
    }
    const seqs = new Set(events.map((e) => Number(e.seq)));
    const max = events.length === 0 ? 0 : Number(events.at(-1)?.seq);
    const gaps: number[] = [];
    for (let s = 1; s <= max; s++) if (!seqs.has(s)) gaps.push(s);
    return { lost, gaps, events: events.length, tickets: ticketRows.size, messages: messageRows.size };
  } finally {
    await db.close();
  }
}
