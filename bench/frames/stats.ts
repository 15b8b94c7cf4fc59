// Frame statistics for bench/console-frames.bench.ts: percentiles of what the page recorded, and
// how many frames missed the display's cadence. Pure, so test/unit/bench/frame-stats.test.ts checks it.

/** The target frame time: one frame of a 60 Hz display. */
export const FRAME_BUDGET_MS = 1000 / 60;

/**
 * The `p`-th percentile (0-100) of `xs` by the nearest-rank method: the smallest value with at
 * least p % of the values at or below it; NaN for no values.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile ${p} is not within 0-100`);
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Percentiles, maximum and count of a set of durations in ms, rounded to 0.1 ms. */
export interface Spread {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

const tenth = (x: number): number => Math.round(x * 10) / 10;

export function spreadOf(xs: readonly number[]): Spread {
  return {
    count: xs.length,
    p50: tenth(percentile(xs, 50)),
    p95: tenth(percentile(xs, 95)),
    p99: tenth(percentile(xs, 99)),
    max: tenth(xs.length === 0 ? Number.NaN : Math.max(...xs)),
  };
}

/**
 * Frame times from requestAnimationFrame timestamps (each frame's begin time, on the display's
 * cadence) and how many frames were late. Chromium coarsens the timestamps (0.1 ms, with jitter),
 * so an on-time frame at 60 Hz measures 16.5 to 16.9 ms: a frame counts as over budget only past
 * `slackMs` above the budget, and as dropped when at least one whole vsync was missed (past 1.5
 * budgets).
 */
export interface FrameStats extends Spread {
  /** Frames longer than the budget plus the timer slack. */
  readonly overBudget: number;
  /** Frames that missed at least one vsync (longer than 1.5 budgets). */
  readonly dropped: number;
  /** Frames per second over the whole recording. */
  readonly fps: number;
  /** Whether the 95th percentile is within the budget (plus the timer slack). */
  readonly p95WithinBudget: boolean;
}

export function frameStats(timestamps: readonly number[], budgetMs: number = FRAME_BUDGET_MS, slackMs = 0.5): FrameStats {
  const intervals = timestamps.slice(1).map((t, i) => t - (timestamps[i] ?? t));
  const spread = spreadOf(intervals);
  const first = timestamps[0];
  const last = timestamps[timestamps.length - 1];
  const seconds = first === undefined || last === undefined || last === first ? Number.NaN : (last - first) / 1000;
  return {
    ...spread,
    overBudget: intervals.filter((x) => x > budgetMs + slackMs).length,
    dropped: intervals.filter((x) => x > budgetMs * 1.5).length,
    fps: tenth(intervals.length / seconds),
    p95WithinBudget: percentile(intervals, 95) <= budgetMs + slackMs,
  };
}
