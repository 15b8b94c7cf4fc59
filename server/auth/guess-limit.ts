/**
 * A per-process limit on guesses of one secret (the setup code): at most `max` wrong guesses
 * within `windowMs`, counting guesses still being checked, so a burst of parallel guesses cannot
 * outrun the count. Unlike the login throttle it lives in memory: the setup code is 80 random
 * bits and a restart makes a new code, so restarting to reset the count gains a guesser nothing,
 * and a stranger's guesses delay the rightful admin by one window at most, never longer.
 */

/** A granted guess: settle it with whether it was wrong. */
export interface GuessTicket {
  settle(wrong: boolean): void;
}

/** A guess allowed now, or when the next one will be. */
export type GuessClaim = { readonly granted: true; readonly ticket: GuessTicket } | { readonly granted: false; readonly retryAt: number };

/** The limit: claim before checking a guess. */
export interface GuessLimit {
  claim(): GuessClaim;
}

/** A limit of `max` wrong (or unsettled) guesses per `windowMs` on the clock `now`. */
export function createGuessLimit(max: number, windowMs: number, now: () => number): GuessLimit {
  // Instants of wrong guesses; guesses in flight count too, until they settle.
  let wrong: number[] = [];
  let inFlight = 0;
  return {
    claim() {
      const at = now();
      wrong = wrong.filter((t) => t > at - windowMs);
      if (wrong.length + inFlight >= max) {
        // Busy with guesses in flight: the caller may try again in a moment.
        const oldest = wrong[wrong.length - max + inFlight];
        return { granted: false, retryAt: oldest === undefined ? at + 1000 : oldest + windowMs };
      }
      inFlight += 1;
      let settled = false;
      return {
        granted: true,
        ticket: {
          settle(isWrong) {
            if (settled) return;
            settled = true;
            inFlight -= 1;
            if (isWrong) wrong.push(now());
          },
        },
      };
    },
  };
}
