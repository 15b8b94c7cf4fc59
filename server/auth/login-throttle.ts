/**
 * Slows password guessing: after MAX_FAILURES wrong passwords for one login within the window,
 * that login cannot sign in until the oldest failure leaves the window. Each attempt is claimed in
 * the database BEFORE its password is hashed, in a transaction that holds a per-login lock, and
 * counts while it is checked: so a burst of parallel guesses (on one instance or several on one
 * PostgreSQL) checks at most MAX_FAILURES passwords. Attempts beyond that wait for the checks in
 * flight rather than being refused: right passwords in a burst still get in. A successful sign-in
 * clears the login's count.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/** How many wrong passwords one login may have within the window before sign-ins pause. */
export const MAX_FAILURES = 5;
/** The window over which failures count, and how long a paused login waits at most. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** An attempt still "being checked" after this long was cut short (a crash); it no longer counts. */
const CHECK_STALE_MS = 60_000;
/** How long an attempt waits for the checks in flight before it is refused, and how often it looks. */
const WAIT_MS = 10_000;
const POLL_MS = 25;

/**
 * When a login with these failures (instants, oldest first, all within the window) may try again,
 * or null when it may try now.
 */
export function pausedUntil(failures: readonly number[], max = MAX_FAILURES, windowMs = FAILURE_WINDOW_MS): number | null {
  if (failures.length < max) return null;
  const oldestCounted = failures[failures.length - max];
  return oldestCounted === undefined ? null : oldestCounted + windowMs;
}

/** A claim to check one password: granted (and counted until settled), or refused. */
export type AttemptClaim =
  | { readonly granted: true; readonly attempt: number }
  | { readonly granted: false; readonly reason: 'paused'; readonly until: number }
  | { readonly granted: false; readonly reason: 'busy' };

/** The login throttle over the database. */
export interface LoginThrottle {
  /** Claims a check for `login`: waits while MAX_FAILURES checks are in flight; refused while the login is paused. */
  claim(login: string, now: () => number): Promise<AttemptClaim>;
  /** The claimed attempt's password was wrong: it stays counted as a failure. */
  failed(attempt: number): Promise<void>;
  /** Clears the login's count after a successful sign-in. */
  succeeded(login: string): Promise<void>;
}

/** Logins are compared case-insensitively, as users type them. */
const keyOf = (login: string): string => login.toLowerCase();

/** A throttle that counts attempts in `db`, shared by every instance on it. */
export function createLoginThrottle(db: Db, max = MAX_FAILURES, windowMs = FAILURE_WINDOW_MS): LoginThrottle {
  const tryClaim = (key: string, now: number): Promise<AttemptClaim> =>
    db.kysely.transaction().execute(async (trx) => {
      // One decision per login at a time, across instances: PostgreSQL's transaction-scoped
      // advisory lock; SQLite runs one transaction at a time anyway.
      if (db.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`login:${key}`}))`.execute(trx);
      await trx
        .deleteFrom('login_attempts')
        .where((eb) => eb.or([eb('at', '<=', now - windowMs), eb.and([eb('failed', '=', 0), eb('at', '<=', now - CHECK_STALE_MS)])]))
        .execute();
      const rows = await trx.selectFrom('login_attempts').select(['at', 'failed']).where('login', '=', key).orderBy('at').orderBy('id').execute();
      const until = pausedUntil(rows.filter((r) => r.failed === 1).map((r) => Number(r.at)), max, windowMs);
      if (until !== null) return { granted: false, reason: 'paused', until };
      // Checks in flight may all turn out wrong: together with the failures they may not pass the limit.
      if (rows.length >= max) return { granted: false, reason: 'busy' };
      const { id } = await trx.insertInto('login_attempts').values({ login: key, at: now, failed: 0 }).returning('id').executeTakeFirstOrThrow();
      return { granted: true, attempt: id };
    });
  return {
    async claim(login, now) {
      const key = keyOf(login);
      const deadline = Date.now() + WAIT_MS;
      for (;;) {
        const claim = await tryClaim(key, now());
        if (claim.granted || claim.reason === 'paused' || Date.now() >= deadline) return claim;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    async failed(attempt) {
      await db.kysely.updateTable('login_attempts').set({ failed: 1 }).where('id', '=', attempt).execute();
    },
    async succeeded(login) {
      await db.kysely.deleteFrom('login_attempts').where('login', '=', keyOf(login)).execute();
    },
  };
}
