/**
 * What a failed Bot API call means for the message: when to try again, and the error to show
 * admins (never the bot token, which is part of the Bot API's URL).
 *
 * - 429 Too Many Requests: exactly after `parameters.retry_after` seconds, as Telegram asks.
 * - Network errors, timeouts, 5xx, and every other 4xx (400 chat not found, 403 the bot was
 *   blocked or removed from the group, 401 a revoked token): again with capped exponential
 *   backoff. Each of those can be fixed while the message waits (the bot added back to the chat,
 *   the token replaced), so the message keeps its place until its day is over (outbox-store.ts).
 */
import { GrammyError, HttpError } from 'grammy';
import { backoffDelay, type Backoff } from '../../shared/backoff.ts';

/** The default backoff: up to 5 s after the first failure, doubling to at most 10 minutes. */
export const TELEGRAM_BACKOFF: Backoff = { baseMs: 5_000, capMs: 10 * 60_000 };
/** No retry sooner than this, whatever the jitter draws: a failing chat must not spin. */
export const MIN_RETRY_MS = 1_000;

/** When to try again and what went wrong. */
export interface RetryPlan {
  readonly delayMs: number;
  readonly error: string;
}

/** The plan after attempt number `attempt` (0 for the first) failed with `error`. */
export function retryPlan(error: unknown, attempt: number, backoff: Backoff, random: () => number, token: string): RetryPlan {
  const jittered = (): number => Math.max(MIN_RETRY_MS, backoffDelay(attempt, backoff, random));
  if (error instanceof GrammyError) {
    const text = redact(`${error.error_code}: ${error.description}`, token);
    const after = error.parameters.retry_after;
    // (A retry_after of 0 would spin the chat: it waits the minimum instead.)
    if (error.error_code === 429 && typeof after === 'number' && Number.isFinite(after) && after >= 0) return { delayMs: Math.max(after * 1000, MIN_RETRY_MS), error: text };
    return { delayMs: jittered(), error: text };
  }
  return { delayMs: jittered(), error: redact(describeNetworkError(error, token), token) };
}

/** A network failure in words: the system error code, or what went wrong; never the URL the token is part of. */
function describeNetworkError(error: unknown, token: string): string {
  if (!(error instanceof HttpError)) return error instanceof Error ? error.message : String(error);
  const inner = error.error as { code?: unknown; type?: unknown; message?: unknown } | undefined;
  if (typeof inner?.code === 'string') return `network error (${inner.code})`;
  if (inner?.type === 'invalid-json') return 'not a Bot API answer (the response was not JSON)';
  if (typeof inner?.type === 'string') return `network error (${inner.type})`;
  // grammY's own timeout names no URL; anything else loses the token below.
  return typeof inner?.message === 'string' ? redact(inner.message, token) : error.message;
}

/** `text` without the token, should any library ever put it there. */
export function redact(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('<token>');
}
