import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../../../server/auth/login-throttle.ts';

const MIN = 60_000;

describe('login throttle', () => {
  it('pauses a login after five failures within fifteen minutes, until the oldest ages out', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 5; i++) throttle.failed('Anna', i * MIN);
    expect(throttle.blockedUntil('anna', 5 * MIN)).toBe(15 * MIN);
    expect(throttle.blockedUntil('ANNA', 15 * MIN - 1)).toBe(15 * MIN);
    // The first failure has left the window: four remain, one more try is allowed.
    expect(throttle.blockedUntil('anna', 15 * MIN)).toBeNull();
  });

  it('forgets failures spread wider than the window, and all of them on success', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 5; i++) throttle.failed('boris', i * 4 * MIN);
    expect(throttle.blockedUntil('boris', 16 * MIN)).toBeNull();
    for (let i = 0; i < 4; i++) throttle.failed('olga', i);
    throttle.succeeded('olga');
    throttle.failed('olga', 10);
    expect(throttle.blockedUntil('olga', 11)).toBeNull();
  });

  it('keeps logins apart', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 5; i++) throttle.failed('ivan', i);
    expect(throttle.blockedUntil('ivan', 10)).not.toBeNull();
    expect(throttle.blockedUntil('dmytro', 10)).toBeNull();
  });
});
