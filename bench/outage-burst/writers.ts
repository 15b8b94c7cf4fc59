/**
 * The writers of the outage-burst bench: four loops, each a customer filing tickets and a manager
 * working tickets (take, reply, note, route, escalate, resolve), on a fixed schedule over the
 * burst, through the console's own HTTP client.
 */
import { createApiClient, type ApiClient } from '../../shared/client/api-client.ts';
import type { TicketCommand } from '../../shared/client/ticket-command.ts';

/** One writer: whom it signs in as, where, and which seeded tickets it may work on. */
export interface WriterSpec {
  readonly url: string;
  readonly customer: string;
  readonly manager: string;
  readonly password: string;
  readonly seeded: readonly number[];
  readonly filings: number;
  readonly commands: number;
}

/** What a writer did. */
export interface WriterResult {
  readonly filed: number;
  readonly commands: number;
  /** Refused or failed requests, by HTTP status (0: network). */
  readonly errors: Readonly<Record<string, number>>;
  /** Request to response, ms, of every request. */
  readonly responseMs: number[];
  /** The command's `at` (its ticket's updatedAt, the instant its events carry) to the arrival of its answer, ms: the part of an event's delivery spent before and at the commit. */
  readonly atToAnswerMs: number[];
  /** How far behind its schedule the writer was at its last request, ms. */
  readonly lagMs: number;
}

/** What a manager does to one ticket, in order. */
const CYCLE: readonly ((id: number) => TicketCommand)[] = [
  (id) => ({ command: 'take', id }),
  (id) => ({ command: 'message', id, type: 'reply', body: 'We are on it: the outage is confirmed.' }),
  (id) => ({ command: 'message', id, type: 'note', body: 'Same cause as the outage; watching.' }),
  (id) => ({ command: 'route', id, tier: 'l2-analysts', reason: 'Needs the analysts: outage impact.' }),
  (id) => ({ command: 'take', id }),
  (id) => ({ command: 'message', id, type: 'note', body: 'Analysts have it.' }),
  (id) => ({ command: 'escalate', id, justification: 'The customer asks for immediate action: all calls down.' }),
  (id) => ({ command: 'resolve', id, reply: 'Service restored; calls work again.' }),
];

async function signIn(url: string, login: string, password: string): Promise<ApiClient> {
  let token: string | null = null;
  const api = createApiClient({ baseUrl: url, token: () => token, fetch: (u, init) => fetch(u, init) });
  token = (await api.login({ login, password })).token;
  return api;
}

/** Runs one writer from `start` (performance.now() instant) over `ms`, its requests spread evenly, offset by `offset` of a step. */
export async function runWriter(spec: WriterSpec, start: number, ms: number, offset: number): Promise<WriterResult> {
  const customer = await signIn(spec.url, spec.customer, spec.password);
  const manager = await signIn(spec.url, spec.manager, spec.password);
  const total = spec.filings + spec.commands;
  const step = ms / total;
  const errors: Record<string, number> = {};
  const responseMs: number[] = [];
  const atToAnswerMs: number[] = [];
  const fresh: number[] = [];
  const seeded = [...spec.seeded];
  let target: number | null = null;
  let stage = 0;
  let cycles = 0;
  let filed = 0;
  let commands = 0;
  let lagMs = 0;
  const timed = async (run: () => Promise<unknown>): Promise<unknown> => {
    const t0 = performance.now();
    try {
      const answer = await run();
      const at = (answer as { ticket?: { updatedAt?: number } } | undefined)?.ticket?.updatedAt;
      if (at !== undefined) atToAnswerMs.push(Date.now() - at);
      return answer;
    } catch (error) {
      const status = typeof error === 'object' && error !== null && 'status' in error ? String(error.status) : '0';
      errors[status] = (errors[status] ?? 0) + 1;
      return undefined;
    } finally {
      responseMs.push(performance.now() - t0);
    }
  };
  for (let k = 0; k < total; k++) {
    const due = start + (k + offset) * step;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lagMs = Math.max(0, performance.now() - due);
    // Filings spread evenly among the commands.
    const filing = Math.floor(((k + 1) * spec.filings) / total) > Math.floor((k * spec.filings) / total);
    if (filing) {
      const detail = (await timed(() => customer.createTicket({ kind: 'problem', subject: `Outage: calls drop (${filed})`, body: 'All calls drop after 30 seconds since 09:00.' }))) as { ticket: { id: number } } | undefined;
      filed++;
      if (detail !== undefined) fresh.push(detail.ticket.id);
      continue;
    }
    if (target === null || stage >= CYCLE.length) {
      // Every other ticket worked is a new one, the rest from the seeded queue.
      target = (cycles % 2 === 0 ? fresh.shift() : undefined) ?? seeded.shift() ?? fresh.shift() ?? null;
      stage = 0;
      cycles++;
    }
    if (target === null) continue;
    const command = CYCLE[stage++]?.(target);
    if (command !== undefined) await timed(() => manager.command(command));
    commands++;
  }
  return { filed, commands, errors, responseMs, atToAnswerMs, lagMs };
}
