/**
 * Slows password guessing: after MAX_FAILURES wrong passwords for one login within the window,
 * that login cannot sign in until the oldest failure leaves the window. Each attempt is counted in
 * the database BEFORE its password is hashed, in a transaction that holds a per-login lock, so a
 * burst of parallel guesses (on one instance or several on one PostgreSQL) checks at most
 * MAX_FAILURES passwords. A successful sign-in clears the login's count.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/** How many wrong passwords one login may have within the window before sign-ins pause. */
export const MAX_FAILURES = 5;
/** The window over which failures count, and how long a paused login waits at most. */
export const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * When a login with these attempts (instants, oldest first, all within the window) may try again,
 * or null when it may try now.
 */
export function pausedUntil(attempts: readonly number[], max = MAX_FAILURES, windowMs = FAILURE_WINDOW_MS): number | null {
  if (attempts.length < max) return null;
  const oldestCounted = attempts[attempts.length - max];
  return oldestCounted === undefined ? null : oldestCounted + windowMs;
}

/** A claim to check one password: granted (and counted), or refused until an instant. */
export type AttemptClaim = { readonly granted: true } | { readonly granted: false; readonly until: number };

/** The login throttle over the database. */
export interface LoginThrottle {
  /** Counts an attempt for `login` at `now`, unless the login is paused. */
  claim(login: string, now: number): Promise<AttemptClaim>;
  /** Clears the login's count after a successful sign-in. */
  succeeded(login: string): Promise<void>;
}

/** Logins are compared case-insensitively, as users type them. */
const keyOf = (login: string): string => login.toLowerCase();

/** A throttle that counts attempts in `db`, shared by every instance on it. */
export function createLoginThrottle(db: Db, max = MAX_FAILURES, windowMs = FAILURE_WINDOW_MS): LoginThrottle {
  return {
    async claim(login, now) {
      const key = keyOf(login);
      return db.kysely.transaction().execute(async (trx) => {
        // One decision per login at a time, across instances: PostgreSQL's transaction-scoped
        // advisory lock; SQLite runs one transaction at a time anyway.
        if (db.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`login:${key}`}))`.execute(trx);
        await trx.deleteFrom('login_attempts').where('at', '<=', now - windowMs).execute();
        const rows = await trx.selectFrom('login_attempts').select('at').where('login', '=', key).orderBy('at').orderBy('id').execute();
        const until = pausedUntil(rows.map((r) => Number(r.at)), max, windowMs);
        if (until !== null) return { granted: false, until };
        await trx.insertInto('login_attempts').values({ login: key, at: now }).execute();
        return { granted: true };
      });
    },
    async succeeded(login) {
      await db.kysely.deleteFrom('login_attempts').where('login', '=', keyOf(login)).execute();
    },
  };
}
