import type { Selectable } from 'kysely';
import type { Client, Language, PersonRef, Role, Tier, User } from '../../shared/model/index.ts';
import type { ClientsTable } from '../db/schema.ts';
import { inChunks, type Executor } from './executor.ts';

/** A user row with what authentication needs. */
export interface UserRecord {
  readonly user: User;
  readonly passwordHash: string;
  /** False once deactivated: cannot sign in. */
  readonly active: boolean;
  /** True while the password is a temporary one. */
  readonly mustChangePassword: boolean;
}

type ClientRow = Selectable<ClientsTable>;

/** A client row as the model's Client. */
export function toClient(row: ClientRow): Client {
  return { id: row.id, name: row.name, primaryGroup: row.primary_group, language: row.language };
}

/** These clients, by id. */
export async function clientsByIds(db: Executor, ids: readonly number[]): Promise<Map<number, Client>> {
  const rows = await inChunks([...new Set(ids)], (chunk) => db.selectFrom('clients').selectAll().where('id', 'in', chunk).execute());
  return new Map(rows.map((r) => [r.id, toClient(r)]));
}

/** Every client, by id (a handful of rows). */
export async function clientsById(db: Executor): Promise<Map<number, Client>> {
  const rows = await db.selectFrom('clients').selectAll().execute();
  return new Map(rows.map((r) => [r.id, toClient(r)]));
}

/** Loads users by id or login, with tiers and client. */
async function loadUsers(db: Executor, where: { ids?: readonly number[]; login?: string }): Promise<UserRecord[]> {
  let q = db.selectFrom('users').selectAll();
  if (where.ids !== undefined) q = q.where('id', 'in', where.ids.length > 0 ? [...where.ids] : [-1]);
  if (where.login !== undefined) q = q.where('login', '=', where.login);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const tiers = await db.selectFrom('user_tiers').selectAll().where('user_id', 'in', rows.map((r) => r.id)).execute();
  const clients = await clientsById(db);
  return rows.map((r) => {
    const user: User =
      r.kind === 'customer'
        ? { kind: 'customer', id: r.id, login: r.login, name: r.name, language: r.language, client: clients.get(r.client_id ?? -1) ?? missingClient(r.id) }
        : {
            kind: 'agent',
            id: r.id,
            login: r.login,
            name: r.name,
            language: r.language,
            role: r.role ?? 'agent',
            tiers: tiers.filter((t) => t.user_id === r.id).map((t) => t.tier),
          };
    return { user, passwordHash: r.password_hash, active: r.active === 1, mustChangePassword: r.must_change_password === 1 };
  });
}

function missingClient(userId: number): never {
  throw new Error(`customer ${userId} has no client`);
}

/** A user by login, or undefined. */
export async function userByLogin(db: Executor, login: string): Promise<UserRecord | undefined> {
  return (await loadUsers(db, { login }))[0];
}

/** A user by id, or undefined. */
export async function userById(db: Executor, id: number): Promise<User | undefined> {
  return (await loadUsers(db, { ids: [id] }))[0]?.user;
}

/** Whether a user exists and is active (not deactivated). */
export async function isActive(db: Executor, id: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('active').where('id', '=', id).executeTakeFirst();
  return row?.active === 1;
}

/** Names of the given users, by id. */
export async function personsById(db: Executor, ids: readonly number[]): Promise<Map<number, PersonRef>> {
  const rows = await inChunks(ids, (chunk) => db.selectFrom('users').select(['id', 'name']).where('id', 'in', chunk).execute());
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
}

/** Stores a session token's hash. */
export async function insertSession(db: Executor, tokenHash: string, userId: number, now: number, expiresAt: number, userAgent?: string): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt, user_agent: userAgent ?? null, last_used_at: now })
    .execute();
}

/** Records a session's use, unless it was recorded within `resolutionMs` (another request may have just done it). */
export async function touchSession(db: Executor, tokenHash: string, now: number, resolutionMs: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_used_at: now })
    .where('token_hash', '=', tokenHash)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - resolutionMs)]))
    .execute();
}

/** A session as authentication sees it. */
export interface SessionRecord {
  readonly user: User;
  readonly expiresAt: number;
  readonly mustChangePassword: boolean;
  readonly lastUsedAt: number | null;
}

/** The user and expiry of an unexpired session of an active user, or undefined. */
export async function sessionByHash(db: Executor, tokenHash: string, now: number): Promise<SessionRecord | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
  if (row === undefined) return undefined;
  const record = (await loadUsers(db, { ids: [row.user_id] }))[0];
  // A deactivated user's sessions are deleted; this refuses one that raced the deactivation.
  if (record === undefined || !record.active) return undefined;
  return { user: record.user, expiresAt: row.expires_at, mustChangePassword: record.mustChangePassword, lastUsedAt: row.last_used_at };
}

/** Ends a session; also sweeps expired ones so the table does not grow for ever. */
export async function deleteSession(db: Executor, tokenHash: string, now: number): Promise<void> {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('token_hash', '=', tokenHash), eb('expires_at', '<=', now)])).execute();
}

/** What creating a user needs. */
export interface NewUser {
  readonly login: string;
  readonly name: string;
  readonly kind: 'agent' | 'customer';
  readonly role?: Role;
  readonly tiers?: readonly Tier[];
  readonly clientId?: number;
  readonly language: Language;
  readonly passwordHash: string;
  /** A temporary password: to be changed at the first sign-in. */
  readonly mustChangePassword?: boolean;
}

/** Inserts a user (and an agent's tiers); returns the id. */
export async function insertUser(db: Executor, u: NewUser, now: number): Promise<number> {
  const { id } = await db
    .insertInto('users')
    .values({
      login: u.login,
      name: u.name,
      kind: u.kind,
      role: u.kind === 'agent' ? (u.role ?? 'agent') : null,
      client_id: u.clientId ?? null,
      language: u.language,
      password_hash: u.passwordHash,
      created_at: now,
      // Left to the column's default (0) unless set: the migration tests seed people into a schema older than the column.
      ...(u.mustChangePassword === true ? { must_change_password: 1 as const } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const tier of u.tiers ?? []) await db.insertInto('user_tiers').values({ user_id: id, tier }).execute();
  return id;
}

/** Inserts a client; returns the id. */
export async function insertClient(db: Executor, c: Omit<Client, 'id'>): Promise<number> {
  const { id } = await db.insertInto('clients').values({ name: c.name, primary_group: c.primaryGroup, language: c.language }).returning('id').executeTakeFirstOrThrow();
  return id;
}
