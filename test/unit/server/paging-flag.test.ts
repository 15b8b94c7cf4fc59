import { describe, expect, it } from 'vitest';
import { pagingFromFlag } from '../../../server/paging-flag.ts';
import { pagingSettings } from '../../../shared/paging/ladder.ts';

describe('--paging-ack', () => {
  it('sets the ack timeout in minutes, which the service accepts', () => {
    expect(pagingFromFlag('1')).toEqual({ ackTimeoutMs: 60_000 });
    expect(pagingFromFlag('2.5')).toEqual({ ackTimeoutMs: 150_000 });
    expect(pagingSettings(pagingFromFlag('1')).ackTimeoutMs).toBe(60_000);
  });

  it('leaves the default when absent', () => {
    expect(pagingFromFlag(undefined)).toEqual({});
  });

  it.each(['0', '0.5', '-1', '', 'five', '1m', 'Infinity', 'NaN'])('refuses %j with a clear message', (text) => {
    expect(() => pagingFromFlag(text)).toThrow(/--paging-ack .* must be a number of minutes, at least 1/);
  });
});
