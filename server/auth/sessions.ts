import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../shared/model/index.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { tooManyRequests, unauthorized } from '../domain/errors.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { deleteSession, insertSession, sessionByHash, userByLogin } from '../store/users.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';

/** A signed-in caller. */
export interface Session {
  readonly user: User;
  readonly actor: Actor;
  readonly tokenHash: string;
  readonly expiresAt: number;
}

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
    /** Checks the password and issues a token; 401 with one message for a wrong login or password. */
    async login(login: string, password: string): Promise<{ token: string; expiresAt: number; user: User }> {
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
      const token = randomBytes(32).toString('base64url');
      const now = deps.now();
      const expiresAt = now + deps.tokenTtlMs;
      await insertSession(deps.db.kysely, hashToken(token), record.user.id, now, expiresAt);
      return { token, expiresAt, user: record.user };
    },
    /** The session of a bearer token; 401 when missing, unknown or expired. */
    async authenticate(token: string | undefined): Promise<Session> {
      if (token === undefined || token === '') throw unauthorized('sign in first: send Authorization: Bearer <token>');
      const tokenHash = hashToken(token);
      const found = await sessionByHash(deps.db.kysely, tokenHash, deps.now());
      if (found === undefined) throw unauthorized('the token is unknown or has expired; sign in again');
      return { user: found.user, actor: actorOf(found.user), tokenHash, expiresAt: found.expiresAt };
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
