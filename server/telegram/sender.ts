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
  /** Sends what is due, now or right after the pass in progress; never throws. */
  wake(): void;
  /** One pass: sends every message due now, chat by chat in order; resolves to how many were sent. */
  runDue(): Promise<number>;
  /** Resolves once no pass is running or asked for. */
  idle(): Promise<void>;
  /** Stops: no new pass; a call in flight gets `graceMs` to finish, then is aborted. */
  close(graceMs?: number): Promise<void>;
}

// Chats sent to at once, and heads read per round.
const PARALLEL_CHATS = 8;
const ROUND = 100;

/** Builds a sender over the database. */
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
  let running: Promise<number> | undefined;
  let again = false;

  /** Sends one chat's message; true when sent. */
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
    return true;
  }

  /** Rounds of heads until a round sends nothing: a chat's next message is the next round's head. */
  async function pass(): Promise<number> {
    let sent = 0;
    for (;;) {
      if (closed) return sent;
      const now = deps.now();
      await expireMessages(db.kysely, now);
      const heads = await dueHeads(db.kysely, now, ROUND);
      let round = 0;
      for (let i = 0; i < heads.length && !closed; i += PARALLEL_CHATS) {
        const results = await Promise.all(heads.slice(i, i + PARALLEL_CHATS).map(send));
        round += results.filter(Boolean).length;
      }
      sent += round;
      if (round === 0) return sent;
    }
  }

  function runDue(): Promise<number> {
    if (running !== undefined) {
      again = true;
      return running;
    }
    const run = (async () => {
      let total = 0;
      do {
        again = false;
        total += await pass().catch((error: unknown) => {
          deps.onError(error);
          return 0;
        });
      } while (again && !closed);
      return total;
    })();
    running = run.finally(() => (running = undefined));
    return running;
  }

  return {
    wake() {
      if (!closed) void runDue();
    },
    runDue: () => (closed ? Promise.resolve(0) : runDue()),
    async idle() {
      while (running !== undefined) await running;
    },
    async close(graceMs = 2000) {
      closed = true;
      const inFlight = running;
      if (inFlight === undefined) return;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([inFlight.then(() => undefined), grace]);
      clearTimeout(timer);
      abort.abort();
      await inFlight;
    },
  };
}
