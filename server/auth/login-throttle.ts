/** How many wrong passwords one login may have within the window before sign-ins pause. */
export const MAX_FAILURES = 5;
/** The window over which failures count, and how long a paused login waits at most. */
export const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Slows password guessing: after MAX_FAILURES wrong passwords for one login within the window,
 * that login cannot sign in until the oldest failure leaves the window. Per service instance; the
 * state is small and lost on restart, which only lets a guesser restart the count.
 */
export interface LoginThrottle {
  /** null when `login` may try now, else when it may try again. */
  blockedUntil(login: string, now: number): number | null;
  failed(login: string, now: number): void;
  succeeded(login: string): void;
}

/** An in-memory throttle. */
export function createLoginThrottle(max = MAX_FAILURES, windowMs = FAILURE_WINDOW_MS): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (login: string, now: number): number[] => {
    const kept = (failures.get(login) ?? []).filter((at) => at > now - windowMs);
    if (kept.length === 0) failures.delete(login);
    else failures.set(login, kept);
    return kept;
  };
  return {
    blockedUntil(login, now) {
      const list = recent(login.toLowerCase(), now);
      return list.length >= max ? (list[list.length - max] ?? now) + windowMs : null;
    },
    failed(login, now) {
      const key = login.toLowerCase();
      failures.set(key, [...recent(key, now), now]);
    },
    succeeded(login) {
      failures.delete(login.toLowerCase());
    },
  };
}
