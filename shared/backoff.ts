/** Capped exponential backoff with full jitter: retries of many clients spread out instead of arriving together. */
export interface Backoff {
  /** The first ceiling, in ms. */
  readonly baseMs: number;
  /** The largest ceiling, in ms. */
  readonly capMs: number;
}

/**
 * The delay before retry number `attempt` (0 for the first): a uniform draw in [0, ceiling), the
 * ceiling doubling from `baseMs` up to `capMs`. `random` returns [0, 1) like Math.random.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}
