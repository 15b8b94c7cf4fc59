import { describe, expect, it } from 'vitest';
import { burstsOf, compareRows, distribution, percentile } from '../../../bench/outage-burst/stats.ts';
import { aRow } from '../../support/rows.ts';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it('is the smallest value with at least p% at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7, 9], 50)).toBe(7);
    expect(percentile([7, 9], 51)).toBe(9);
    expect(percentile([3], 99)).toBe(3);
  });
  it('of nothing is NaN', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('distribution', () => {
  it('sorts a copy and rounds to 0.1 ms', () => {
    const values = [5.04, 1, 3, 2, 4];
    expect(distribution(values)).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5 });
    expect(values).toEqual([5.04, 1, 3, 2, 4]);
  });
  it('reads typed arrays', () => {
    expect(distribution(Float64Array.from([2, 1])).p50).toBe(1);
  });
});

describe('compareRows', () => {
  const a = aRow({ id: 1 });
  const b = aRow({ id: 2 });
  const c = aRow({ id: 3 });
  it('is null for the same ids in the same order with equal rows', () => {
    expect(compareRows([a, b], [aRow({ id: 1 }), aRow({ id: 2 })])).toBeNull();
    expect(compareRows([], [])).toBeNull();
  });
  it('names missing and extra ids', () => {
    expect(compareRows([a, c], [a, b])).toEqual({ missing: [2], extra: [3], firstOutOfOrder: -1, changed: [] });
  });
  it('finds the first place the order differs', () => {
    expect(compareRows([a, c, b], [a, b, c])).toEqual({ missing: [], extra: [], firstOutOfOrder: 1, changed: [] });
  });
  it('finds rows whose fields differ, however deep', () => {
    const stale = aRow({ id: 2, sla: { state: 'running', dueAt: 5, warnAt: null, calendar: null } });
    expect(compareRows([a, stale], [a, b])).toEqual({ missing: [], extra: [], firstOutOfOrder: -1, changed: [2] });
    expect(compareRows([aRow({ id: 1, assignee: { id: 4, name: 'Olga' } })], [a])?.changed).toEqual([1]);
  });
  it('notices a row held twice', () => {
    expect(compareRows([a, b, b], [a, b])?.firstOutOfOrder).toBe(2);
  });
});

describe('burstsOf', () => {
  it('counts one burst per window opened by the first event after a quiet spell', () => {
    expect(burstsOf([], 150)).toBe(0);
    expect(burstsOf([0, 10, 149], 150)).toBe(1);
    expect(burstsOf([0, 150, 151, 400], 150)).toBe(3);
    expect(burstsOf([0, 1000, 2000], 150)).toBe(3);
  });
});
