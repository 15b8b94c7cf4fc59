import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDTHS, gridTemplate, rowWidth, widthsFrom, withWidth } from '../../../../../renderer/features/queue/columns.ts';

describe('queue columns', () => {
  it('lays the columns out with fixed widths and the subject taking what is left', () => {
    expect(gridTemplate(DEFAULT_WIDTHS)).toBe('176px 76px 104px minmax(200px, 1fr) 200px 72px 150px 140px 150px 96px');
    expect(rowWidth(DEFAULT_WIDTHS)).toBe(1364);
  });

  it('keeps widths within bounds, Due wide enough for a countdown', () => {
    expect(withWidth(DEFAULT_WIDTHS, 'due', 10).due).toBe(96);
    expect(withWidth(DEFAULT_WIDTHS, 'kind', 10).kind).toBe(48);
    expect(withWidth(DEFAULT_WIDTHS, 'subject', 5000).subject).toBe(640);
    expect(withWidth(DEFAULT_WIDTHS, 'client', 212.6).client).toBe(213);
  });

  it('reads stored widths, ignoring unknown columns and what is not a number', () => {
    expect(widthsFrom({ due: 208, nope: 300, kind: Number.NaN, tier: 9999 })).toEqual({ ...DEFAULT_WIDTHS, due: 208, tier: 640 });
    expect(widthsFrom(undefined)).toEqual(DEFAULT_WIDTHS);
  });
});
