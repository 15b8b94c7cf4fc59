import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../shared/model/index.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { tooManyRequests, unauthorized } from '../domain/errors.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { deleteSession, insertSession, sessionByHash, touchSession, userByLogin } from '../store/users.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';

/** A signed-in caller. */
export interface Session {
  readonly user: User;
  readonly actor: Actor;
  readonly tokenHash: string;
  readonly expiresAt: number;
  /** The user holds a temporary password: only the password change (and sign-out) are open to them. */
  readonly mustChangePassword: boolean;
}

/** last_used_at is written at most this often per session, so authentication stays a read. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** The longest User-Agent kept with a session. */
export const MAX_USER_AGENT = 300;

/** Tokens are stored as SHA-256: a leaked database does not hand out sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The rules' view of a user. */
export function actorOf(user: User): Actor {
  return user.kind === 'agent'
    ? { kind: 'agent', id: user.id, name: user.name, role: user.role, tiers: user.tiers }
    : { kind: 'customer', id: user.id, name: user.name, clientId: user.client.id };
}

/** Password login and bearer tokens. */
export function createSessions(deps: { readonly db: Db; readonly now: () => number; readonly tokenTtlMs: number }) {
  const logoutListeners = new Set<(tokenHash: string) => void>();
  const throttle = createLoginThrottle(deps.db);
  return {
    /** Calls `listener` with the token hash of every session this instance ends; returns the unsubscribe. */
    onLogout(listener: (tokenHash: string) => void): () => void {
      logoutListeners.add(listener);
      return () => logoutListeners.delete(listener);
    },
    /**
     * Checks the password and issues a token; 401 with one message for a wrong login or password.
     * A deactivated account is named as such, but only to someone who gave its right password.
     */
    async login(login: string, password: string, userAgent?: string): Promise<{ token: string; expiresAt: number; user: User; mustChangePassword: boolean }> {
      // Counted before the slow hash, so parallel guesses cannot outrun the count.
      const claim = await throttle.claim(login, deps.now);
      if (!claim.granted) {
        if (claim.reason === 'busy') throw tooManyRequests('too many sign-ins for this login at once; try again in a moment');
        const minutes = Math.max(1, Math.ceil((claim.until - deps.now()) / 60_000));
        throw tooManyRequests(`too many wrong passwords for this login; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
      }
      const record = await userByLogin(deps.db.kysely, login);
      const valid = await verifyPassword(password, record?.passwordHash ?? DUMMY_HASH);
      if (record === undefined || !valid) {
        await throttle.failed(claim.attempt);
        throw unauthorized('wrong login or password');
      }
      await throttle.succeeded(login);
      if (!record.active) throw unauthorized('this account has been deactivated; ask an administrator');
      const token = randomBytes(32).toString('base64url');
      const now = deps.now();
      const expiresAt = now + deps.tokenTtlMs;
      await insertSession(deps.db.kysely, hashToken(token), record.user.id, now, expiresAt, userAgent?.slice(0, MAX_USER_AGENT));
      return { token, expiresAt, user: record.user, mustChangePassword: record.mustChangePassword };
    },
    /** The session of a bearer token; 401 when missing, unknown or expired. */
    async authenticate(token: string | undefined): Promise<Session> {
      if (token === undefined || token === '') throw unauthorized('sign in first: send Authorization: Bearer <token>');
      const tokenHash = hashToken(token);
      const now = deps.now();
      const found = await sessionByHash(deps.db.kysely, tokenHash, now);
      if (found === undefined) throw unauthorized('the token is unknown or has expired; sign in again');
      if (found.lastUsedAt === null || now - found.lastUsedAt >= LAST_USED_RESOLUTION_MS) await touchSession(deps.db.kysely, tokenHash, now, LAST_USED_RESOLUTION_MS);
      return { user: found.user, actor: actorOf(found.user), tokenHash, expiresAt: found.expiresAt, mustChangePassword: found.mustChangePassword };
    },
    /** Tells this instance's listeners that these sessions ended (their sockets close at once; other instances' at their next check). */
    ended(tokenHashes: readonly string[]): void {
      for (const hash of tokenHashes) for (const listener of logoutListeners) listener(hash);
    },
    /** Ends a session. */
    async logout(session: Session): Promise<void> {
      await deleteSession(deps.db.kysely, session.tokenHash, deps.now());
      for (const listener of logoutListeners) listener(session.tokenHash);
    },
  };
}

/** The session service. */
export type Sessions = ReturnType<typeof createSessions>;
