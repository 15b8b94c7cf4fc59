import { describe, expect, it } from 'vitest';
import { FRAME_BUDGET_MS, frameStats, percentile, spreadOf } from '../../../bench/frames/stats.ts';

// The console's frame bench judges the 16.7 ms target on these figures: they must be the
// nearest-rank percentiles, and a frame late by a vsync must count, a timer's jitter must not.
describe('percentile', () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];

  it('is the smallest value with at least p % of the values at or below it (nearest rank)', () => {
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 95)).toBe(10);
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile(ten, 100)).toBe(10);
    expect(percentile([42], 99)).toBe(42);
  });

  it('leaves its input as it was', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('has none for no values and refuses a percentile outside 0-100', () => {
    expect(percentile([], 95)).toBeNaN();
    expect(() => percentile(ten, 101)).toThrow(/0-100/);
    expect(() => percentile(ten, Number.NaN)).toThrow(/0-100/);
  });

  it('spreads durations into p50/p95/p99/max, rounded to 0.1 ms', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1.04);
    // 1.04, 2.04, ... 100.04 ms
    expect(spreadOf(xs)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });
});

describe('frameStats', () => {
  // Timestamps of frames on a 60 Hz cadence, with Chromium's 0.1 ms coarsening (16.6 or 16.7 apart).
  const cadence = (intervals: readonly number[]): number[] => intervals.reduce<number[]>((ts, d) => [...ts, (ts[ts.length - 1] ?? 0) + d], [1000]);
  const onTime = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 16.6 : 16.7));

  it('counts frames on the display cadence as within the budget, jitter included', () => {
    const s = frameStats(cadence([...onTime.slice(0, 98), 16.9, 16.5]));
    expect(s).toMatchObject({ count: 100, overBudget: 0, dropped: 0, p95WithinBudget: true });
    expect(s.fps).toBeCloseTo(60, 0);
  });

  it('counts a frame that missed a vsync as over budget and dropped', () => {
    const s = frameStats(cadence([...onTime.slice(0, 99), 33.3]));
    expect(s).toMatchObject({ count: 100, overBudget: 1, dropped: 1, max: 33.3, p95WithinBudget: true });
  });

  it('misses the target when more than 5 % of the frames are late', () => {
    const late = frameStats(cadence([...onTime.slice(0, 94), 33.3, 33.3, 33.4, 33.3, 50, 33.3]));
    expect(late).toMatchObject({ overBudget: 6, dropped: 6, p95: 33.3, p95WithinBudget: false });
    // Five late frames in a hundred are still a p95 within the budget.
    expect(frameStats(cadence([...onTime.slice(0, 95), 33.3, 33.3, 33.4, 33.3, 50])).p95WithinBudget).toBe(true);
  });

  it('counts a frame over the budget past the slack even when no vsync was missed', () => {
    expect(frameStats(cadence([...onTime.slice(0, 99), 20]))).toMatchObject({ overBudget: 1, dropped: 0 });
  });

  it('has no figures without two frames', () => {
    expect(frameStats([5])).toMatchObject({ count: 0, fps: Number.NaN, p95WithinBudget: false });
    expect(FRAME_BUDGET_MS).toBeCloseTo(16.667, 3);
  });
});
