/**
 * What agents and customers share as accounts: a temporary password at creation and on a reset,
 * deactivation that signs the person out everywhere, and logins unique across both. Each helper
 * runs inside the caller's transaction; the sessions it ends are returned so the caller can tell
 * this instance's sockets once the transaction has committed.
 */
import { sql } from 'kysely';
import { hashTemporaryPassword, temporaryPassword } from '../auth/passwords.ts';
import type { Db } from '../db/index.ts';
import { isUniqueViolation } from '../db/unique.ts';
import type { Executor } from '../store/executor.ts';
import { deleteSessionsOf, setPassword, takenLogins } from '../store/people.ts';
import { conflict } from './errors.ts';

/** A fresh temporary password and its hash (hashed before any transaction: the hash is the slow part). */
export async function newTemporaryPassword(): Promise<{ password: string; hash: string }> {
  const password = temporaryPassword();
  return { password, hash: await hashTemporaryPassword(password) };
}

/** 409 when the login is taken (logins are unique whatever their case). */
export async function requireFreeLogin(ex: Executor, login: string): Promise<void> {
  if ((await takenLogins(ex, [login])).size > 0) throw conflict(`the login ${login} is taken`);
}

/** Runs `work` in a transaction; a unique violation (two creations racing for one login or name) is a 409 saying `what`. */
export async function inTransaction<T>(db: Db, what: string, work: (trx: Executor) => Promise<T>): Promise<T> {
  try {
    return await db.kysely.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(what);
    throw error;
  }
}

/** Sets a new temporary password and ends every session of the user; the ended token hashes. */
export async function resetPassword(trx: Executor, userId: number, hash: string): Promise<string[]> {
  await setPassword(trx, userId, hash, true);
  return deleteSessionsOf(trx, userId);
}

/**
 * PostgreSQL: one such change at a time (every instance), held to the end of the transaction:
 * `admins` so two admins demoting or deactivating each other cannot both pass the last-admin
 * check; `clients` so two clients whose names differ only by case cannot both pass the name
 * check. SQLite runs one transaction at a time anyway.
 */
export async function lockFor(trx: Executor, db: Db, what: 'admins' | 'clients'): Promise<void> {
  if (db.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`dutydesk:${what}`}))`.execute(trx);
}

/** The changes between an account's fields before and after, as the audit records them. */
export function changes<T extends object>(before: T, patch: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    const from = (before as Record<string, unknown>)[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}
