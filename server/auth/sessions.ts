import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../shared/model/index.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { checkNewPassword } from '../../shared/auth/password-rules.ts';
import type { OtherSession } from '../../shared/api/index.ts';
import { badRequest, notFound, tooManyRequests, unauthorized } from '../domain/errors.ts';
import { writeAdminAudit } from '../store/admin-audit.ts';
import { deleteSessionsOf, passwordHashOf, sessionsOf, setPassword } from '../store/people.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { deleteSession, insertSession, sessionByHash, touchSession, userByLogin } from '../store/users.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';

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

/** The id a session is shown by: derived from its token's hash, so it reveals neither. */
export function sessionIdOf(tokenHash: string): string {
  return createHash('sha256').update(`session-id:${tokenHash}`).digest('base64url').slice(0, 22);
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
  const ended = (tokenHashes: readonly string[]): void => {
    for (const hash of tokenHashes) for (const listener of logoutListeners) listener(hash);
  };
  const tooMany = (claim: { reason: 'busy' } | { reason: 'paused'; until: number }, what: string) => {
    if (claim.reason === 'busy') return tooManyRequests(`too many ${what} for this login at once; try again in a moment`);
    const minutes = Math.max(1, Math.ceil((claim.until - deps.now()) / 60_000));
    return tooManyRequests(`too many wrong passwords for this login; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  };
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
      if (!claim.granted) throw tooMany(claim, 'sign-ins');
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
    ended,
    /**
     * Changes the caller's own password: `current` must be it (a wrong one counts against the
     * login as a wrong sign-in does), `next` follows checkNewPassword and differs from it. Clears
     * the temporary-password mark and ends every OTHER session of the user (whoever else knew the
     * old password is out); this one goes on.
     */
    async changePassword(session: Session, current: string, next: string): Promise<{ otherSessionsEnded: number }> {
      const { user } = session;
      const refusal = checkNewPassword(user.login, next);
      if (refusal !== null) throw badRequest('next', `next: ${refusal.message}`);
      if (next.normalize('NFC') === current.normalize('NFC')) throw badRequest('next', 'next: must differ from the current password');
      const claim = await throttle.claim(user.login, deps.now);
      if (!claim.granted) throw tooMany(claim, 'password changes');
      const stored = await passwordHashOf(deps.db.kysely, user.id);
      if (!(await verifyPassword(current, stored ?? DUMMY_HASH))) {
        await throttle.failed(claim.attempt);
        throw badRequest('current', 'current: is not your current password');
      }
      await throttle.succeeded(user.login);
      const hash = await hashPassword(next);
      const endedHashes = await deps.db.kysely.transaction().execute(async (trx) => {
        await setPassword(trx, user.id, hash, false);
        const hashes = await deleteSessionsOf(trx, user.id, session.tokenHash);
        await writeAdminAudit(trx, { actorId: user.id, action: 'password_changed', targetKind: user.kind, targetId: user.id, detail: { otherSessionsEnded: hashes.length }, at: deps.now() });
        return hashes;
      });
      ended(endedHashes);
      return { otherSessionsEnded: endedHashes.length };
    },
    /** The caller's other unexpired sessions, most recently used first. */
    async others(session: Session): Promise<OtherSession[]> {
      const rows = await sessionsOf(deps.db.kysely, session.user.id, session.tokenHash, deps.now());
      return rows.map((r) => ({ id: sessionIdOf(r.token_hash), createdAt: r.created_at, lastUsedAt: r.last_used_at, userAgent: r.user_agent, expiresAt: r.expires_at }));
    },
    /** Ends the caller's other sessions: the one named `id`, or all of them; how many ended. 404 for an unknown id. */
    async endOthers(session: Session, id?: string): Promise<number> {
      const rows = await sessionsOf(deps.db.kysely, session.user.id, session.tokenHash, deps.now());
      const targets = id === undefined ? rows : rows.filter((r) => sessionIdOf(r.token_hash) === id);
      if (id !== undefined && targets.length === 0) throw notFound(`you have no other session ${id}`);
      const hashes = targets.map((r) => r.token_hash);
      if (hashes.length > 0) await deps.db.kysely.deleteFrom('sessions').where('token_hash', 'in', hashes).where('user_id', '=', session.user.id).execute();
      ended(hashes);
      return hashes.length;
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
