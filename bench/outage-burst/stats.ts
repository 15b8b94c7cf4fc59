/**
 * The pure arithmetic of the outage-burst bench (bench/outage-burst.bench.ts): percentiles of
 * delivery times, and how a console's rows differ from a fresh fetch of its view.
 */
import type { TicketSummary } from '../../shared/model/index.ts';
import { isDeepStrictEqual } from 'node:util';

/** Percentiles by the nearest-rank method: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The figures of a distribution of milliseconds, rounded to 0.1 ms. */
export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** p50/p95/p99/max of `values` (in any order; not changed). */
export function distribution(values: ArrayLike<number>): Distribution {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { count: sorted.length, p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), p99: r(percentile(sorted, 99)), max: r(sorted.at(-1) ?? Number.NaN) };
}

/** How a console's rows differ from a fresh fetch: null when they are equal (same ids in the same order, rows deep-equal). */
export interface RowsDifference {
  /** Ids a fresh fetch has that the console lacks. */
  readonly missing: number[];
  /** Ids the console shows that a fresh fetch does not have. */
  readonly extra: number[];
  /** The first index where the order differs (both lists hold the same ids), or -1. */
  readonly firstOutOfOrder: number;
  /** Ids in both whose rows differ in some field. */
  readonly changed: number[];
}

/** Compares a console's rows with a fresh fetch of the same view. */
export function compareRows(held: readonly TicketSummary[], fresh: readonly TicketSummary[]): RowsDifference | null {
  const heldById = new Map(held.map((t) => [t.id, t]));
  const freshIds = new Set(fresh.map((t) => t.id));
  const missing = fresh.filter((t) => !heldById.has(t.id)).map((t) => t.id);
  const extra = held.filter((t) => !freshIds.has(t.id)).map((t) => t.id);
  const changed = fresh.filter((t) => heldById.has(t.id) && !isDeepStrictEqual(heldById.get(t.id), t)).map((t) => t.id);
  let firstOutOfOrder = -1;
  if (missing.length === 0 && extra.length === 0) firstOutOfOrder = held.findIndex((t, i) => t.id !== fresh[i]?.id);
  if (held.length !== fresh.length && firstOutOfOrder === -1 && missing.length === 0 && extra.length === 0) firstOutOfOrder = Math.min(held.length, fresh.length);
  if (missing.length === 0 && extra.length === 0 && changed.length === 0 && firstOutOfOrder === -1) return null;
  return { missing, extra, firstOutOfOrder, changed };
}

/**
 * How many list refetches the design before patching would have made: its console read its whole
 * list again once per burst, a burst being the events of one window of `windowMs` (150 ms) after
 * the first event of a quiet spell. `at` are the events' instants in order.
 */
export function burstsOf(at: readonly number[], windowMs: number): number {
  let bursts = 0;
  let windowEnd = Number.NEGATIVE_INFINITY;
  for (const t of at) {
    if (t < windowEnd) continue;
    bursts++;
    windowEnd = t + windowMs;
  }
  return bursts;
}
