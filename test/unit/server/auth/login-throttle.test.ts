import { describe, expect, it } from 'vitest';
import { pausedUntil } from '../../../../server/auth/login-throttle.ts';

const MIN = 60_000;

describe('login throttle: when a login may try again', () => {
  it('may try while fewer than five attempts are in the window', () => {
    expect(pausedUntil([])).toBeNull();
    expect(pausedUntil([0, MIN, 2 * MIN, 3 * MIN])).toBeNull();
  });

  it('pauses at five until the oldest counted attempt leaves the fifteen-minute window', () => {
    expect(pausedUntil([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN])).toBe(15 * MIN);
    // With more than five (parallel attempts counted together), the fifth newest decides.
    expect(pausedUntil([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN])).toBe(16 * MIN);
  });

  it('takes its limits as parameters', () => {
    expect(pausedUntil([10, 20], 2, 100)).toBe(110);
    expect(pausedUntil([10], 2, 100)).toBeNull();
  });
});
