import { describe, expect, it } from 'vitest';
import { createGuessLimit, type GuessClaim } from '../../../../server/auth/guess-limit.ts';

const granted = (c: GuessClaim) => {
  if (!c.granted) throw new Error(`refused until ${c.retryAt}`);
  return c.ticket;
};

describe('createGuessLimit', () => {
  it('allows max wrong guesses per window, then refuses until the oldest leaves the window', () => {
    let now = 1000;
    const limit = createGuessLimit(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      granted(limit.claim()).settle(true);
      now += 1000;
    }
    expect(limit.claim()).toEqual({ granted: false, retryAt: 61_000 });
    now = 61_000;
    granted(limit.claim()).settle(false);
  });

  it('right guesses do not count', () => {
    const limit = createGuessLimit(2, 60_000, () => 0);
    for (let i = 0; i < 10; i++) granted(limit.claim()).settle(false);
    expect(limit.claim().granted).toBe(true);
  });

  it('guesses in flight count: a parallel burst gets max checks, no more', () => {
    const limit = createGuessLimit(3, 60_000, () => 0);
    const claims = Array.from({ length: 10 }, () => limit.claim());
    expect(claims.filter((c) => c.granted)).toHaveLength(3);
    // Settled right, a slot is free again; settling twice frees nothing more.
    const first = granted(claims[0] as GuessClaim);
    first.settle(false);
    first.settle(false);
    expect(limit.claim().granted).toBe(true);
    expect(limit.claim().granted).toBe(false);
  });
});
