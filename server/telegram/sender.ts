/**
 * Sends the Telegram outbox through the Bot API (grammY's `Api`), outside every ticket
 * transaction: woken after a commit that queued messages, by the scheduler's tick and at start
 * (a restart sends what was queued). Each chat's messages go in queue order: a chat's next
 * message waits until the one before it is sent or has failed; chats do not wait for each other.
 */
import { randomUUID } from 'node:crypto';
import { Api } from 'grammy';
import type { Backoff } from '../../shared/backoff.ts';
import type { Db } from '../db/index.ts';
import { retryPlan, TELEGRAM_BACKOFF } from './failure.ts';
import { claimMessage, dueHeads, expireMessages, markAttemptFailed, markSent, type QueuedMessage } from './outbox-store.ts';

/** Where and how the service reaches the Bot API. */
export interface TelegramConfig {
  /** The bot's token (from @BotFather); never logged, never returned by the API. */
  readonly token: string;
  /** The Bot API's root, without a trailing slash; default https://api.telegram.org. */
  readonly apiRoot?: string;
  /** How long one call may take; default 30 s. */
  readonly timeoutSeconds?: number;
  /** Retry backoff; default TELEGRAM_BACKOFF. */
  readonly backoff?: Backoff;
  /** The jitter's random source (tests); default Math.random. */
  readonly random?: () => number;
}

/** The Bot API's public root. */
export const TELEGRAM_API_ROOT = 'https://api.telegram.org';

/** The sender of one service instance. */
export interface TelegramSender {
  /** Starts sending what is due now (again, once the look in progress is done); never throws. */
  wake(): void;
  /** Sends every message due now, chat by chat in order, and resolves once nothing is in flight; how many were sent meanwhile. */
  runDue(): Promise<number>;
  /** Resolves once nothing is being sent or looked for. */
  idle(): Promise<void>;
  /** Stops: nothing new starts; calls in flight get `graceMs` to finish, then are aborted. */
  close(graceMs?: number): Promise<void>;
}

// Chats sent to at once by one instance; heads read per look.
const PARALLEL_CHATS = 8;
const HEADS = 100;

/**
 * Builds a sender over the database. Each chat with a message due gets a chain of its own (at
 * most PARALLEL_CHATS at once): it sends the chat's messages one after another until one fails or
 * none is due, so a slow or failing chat holds up only itself.
 */
export function createTelegramSender(deps: { readonly db: Db; readonly now: () => number; readonly config: TelegramConfig; readonly onError: (error: unknown) => void }): TelegramSender {
  const { db, config } = deps;
  const timeoutSeconds = config.timeoutSeconds ?? 30;
  const api = new Api(config.token, { apiRoot: (config.apiRoot ?? TELEGRAM_API_ROOT).replace(/\/+$/, ''), timeoutSeconds });
  const backoff = config.backoff ?? TELEGRAM_BACKOFF;
  const random = config.random ?? Math.random;
  // This instance's name on the rows it claims; a claim outlives any one call (timeout) by a margin.
  const owner = randomUUID();
  const leaseMs = timeoutSeconds * 1000 + 60_000;
  const abort = new AbortController();
  // grammY types its signal as the abort-controller polyfill's; it only calls addEventListener on it.
  const signal = abort.signal as unknown as Parameters<Api['sendMessage']>[3];
  let closed = false;
  let sent = 0;
  const chains = new Map<string, Promise<void>>();
  let looking: Promise<void> | undefined;
  let again = false;

  /** Sends one message; true when sent. */
  async function send(message: QueuedMessage): Promise<boolean> {
    const now = deps.now();
    if (!(await claimMessage(db.kysely, message.id, owner, now, now + leaseMs))) return false;
    try {
      await api.sendMessage(message.chatId, message.text, { link_preview_options: { is_disabled: true } }, signal);
    } catch (error) {
      const at = deps.now();
      const plan = retryPlan(error, message.attempts, backoff, random, config.token);
      await markAttemptFailed(db.kysely, message.id, owner, at, at + plan.delayMs, plan.error);
      return false;
    }
    await markSent(db.kysely, message.id, owner, deps.now());
    sent++;
    return true;
  }

  /** One chat's messages, in order, until one is not sent or none is due. */
  async function chain(first: QueuedMessage): Promise<void> {
    let next: QueuedMessage | undefined = first;
    while (next !== undefined && !closed) {
      if (!(await send(next))) return;
      [next] = await dueHeads(db.kysely, deps.now(), 1, next.chatId);
    }
  }

  /** Starts a chain for each chat with a message due that has none running here. */
  async function look(): Promise<void> {
    const now = deps.now();
    await expireMessages(db.kysely, now);
    if (chains.size >= PARALLEL_CHATS) return;
    for (const head of await dueHeads(db.kysely, now, HEADS)) {
      if (closed || chains.size >= PARALLEL_CHATS) return;
      if (chains.has(head.chatId)) continue;
      const run = chain(head)
        .catch(deps.onError)
        .finally(() => {
          chains.delete(head.chatId);
          // The chat's next message may be due, or another chat may be waiting for a slot.
          wake();
        });
      chains.set(head.chatId, run);
    }
  }

  function wake(): void {
    if (closed) return;
    if (looking !== undefined) {
      again = true;
      return;
    }
    looking = (async () => {
      do {
        again = false;
        await look().catch(deps.onError);
      } while (again && !closed);
    })().finally(() => (looking = undefined));
  }

  async function idle(): Promise<void> {
    while (looking !== undefined || chains.size > 0) await Promise.all([looking, ...chains.values()]);
  }

  return {
    wake,
    async runDue() {
      const before = sent;
      wake();
      await idle();
      return sent - before;
    },
    idle,
    async close(graceMs = 2000) {
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([idle(), grace]);
      clearTimeout(timer);
      abort.abort();
      await idle();
    },
  };
}
