/**
 * Accounts and clients as administrators see and change them: agents, customers, clients, their
 * passwords and sessions. Never returns a password hash.
 */
import { sql, type Selectable } from 'kysely';
import type { AdminAgent, AdminClient, AdminCustomer } from '../../shared/api/index.ts';
import type { Language, Role, Tier } from '../../shared/model/index.ts';
import type { FunctionGroup } from '../../shared/sla/index.ts';
import type { UsersTable } from '../db/schema.ts';
import type { Executor } from './executor.ts';

/** Which accounts a list holds. */
export type AccountState = 'active' | 'inactive' | 'all';

type UserRow = Selectable<UsersTable>;

const account = (r: UserRow) => ({
  id: r.id,
  login: r.login,
  name: r.name,
  language: r.language,
  active: r.active === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
  deactivatedAt: r.deactivated_at,
});

async function tiersOf(db: Executor, ids: readonly number[]): Promise<Map<number, Tier[]>> {
  const out = new Map<number, Tier[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('user_tiers').selectAll().where('user_id', 'in', [...ids]).execute();
  for (const r of rows) out.get(r.user_id)?.push(r.tier);
  return out;
}

/** Agents, by name. */
export async function listAdminAgents(db: Executor, state: AccountState, id?: number): Promise<AdminAgent[]> {
  let q = db.selectFrom('users').selectAll().where('kind', '=', 'agent');
  if (state !== 'all') q = q.where('active', '=', state === 'active' ? 1 : 0);
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.orderBy('name').orderBy('id').execute();
  const tiers = await tiersOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...account(r), role: r.role ?? 'agent', tiers: tiers.get(r.id) ?? [] }));
}

/** One agent, or undefined. */
export async function adminAgentById(db: Executor, id: number): Promise<AdminAgent | undefined> {
  return (await listAdminAgents(db, 'all', id))[0];
}

/** A client's customers, by name. */
export async function listAdminCustomers(db: Executor, clientId: number, state: AccountState, id?: number): Promise<AdminCustomer[]> {
  let q = db.selectFrom('users').selectAll().where('kind', '=', 'customer').where('client_id', '=', clientId);
  if (state !== 'all') q = q.where('active', '=', state === 'active' ? 1 : 0);
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ ...account(r), clientId }));
}

/** One customer of a client, or undefined. */
export async function adminCustomerById(db: Executor, clientId: number, id: number): Promise<AdminCustomer | undefined> {
  return (await listAdminCustomers(db, clientId, 'all', id))[0];
}

/** Clients with their customer counts, by name. */
export async function listAdminClients(db: Executor, id?: number): Promise<AdminClient[]> {
  let q = db
    .selectFrom('clients as c')
    .leftJoin('users as u', (j) => j.onRef('u.client_id', '=', 'c.id').on('u.kind', '=', 'customer'))
    .select(['c.id', 'c.name', 'c.primary_group', 'c.language', 'c.telegram_chat_id'])
    .select((eb) => [eb.fn.count<number>('u.id').as('customers'), eb.fn.sum<number>(sql<number>`case when u.active = 1 then 1 else 0 end`).as('active_customers')])
    .groupBy(['c.id', 'c.name', 'c.primary_group', 'c.language', 'c.telegram_chat_id']);
  if (id !== undefined) q = q.where('c.id', '=', id);
  const rows = await q.orderBy('c.name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    primaryGroup: r.primary_group,
    language: r.language,
    customerCount: Number(r.customers),
    activeCustomerCount: Number(r.active_customers ?? 0),
    telegramChatId: r.telegram_chat_id,
  }));
}

/** One client, or undefined. */
export async function adminClientById(db: Executor, id: number): Promise<AdminClient | undefined> {
  return (await listAdminClients(db, id))[0];
}

/** The logins among `logins` that some account holds already (compared lower-case). */
export async function takenLogins(db: Executor, logins: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(logins.map((l) => l.toLowerCase()))];
  const taken = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const rows = await db.selectFrom('users').select(sql<string>`lower(login)`.as('login')).where(sql<string>`lower(login)`, 'in', chunk).execute();
    for (const r of rows) taken.add(r.login);
  }
  return taken;
}

/** A client with this name (compared lower-case) other than `exceptId`, or undefined. */
export async function clientNamed(db: Executor, name: string, exceptId?: number): Promise<{ id: number; name: string } | undefined> {
  let q = db.selectFrom('clients').select(['id', 'name']).where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** What an account change writes. */
export interface AccountPatch {
  readonly name?: string;
  readonly role?: Role;
  readonly language?: Language;
  readonly active?: boolean;
}

/** Writes an account's fields; deactivating stamps `deactivated_at`, reactivating clears it. */
export async function updateAccount(db: Executor, id: number, patch: AccountPatch, now: number): Promise<void> {
  const values = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.language !== undefined ? { language: patch.language } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? (1 as const) : (0 as const), deactivated_at: patch.active ? null : now } : {}),
  };
  if (Object.keys(values).length > 0) await db.updateTable('users').set(values).where('id', '=', id).execute();
}

/** Replaces an agent's tiers. */
export async function setTiers(db: Executor, id: number, tiers: readonly Tier[]): Promise<void> {
  await db.deleteFrom('user_tiers').where('user_id', '=', id).execute();
  for (const tier of tiers) await db.insertInto('user_tiers').values({ user_id: id, tier }).execute();
}

/** Sets a password hash and whether it must be changed at the next sign-in. */
export async function setPassword(db: Executor, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 }).where('id', '=', id).execute();
}

/** The stored hash of a user's password (for checking the current one), or undefined. */
export async function passwordHashOf(db: Executor, id: number): Promise<string | undefined> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst())?.password_hash;
}

/** Deletes a user's sessions (all of them, or all but `keep`); the token hashes ended. */
export async function deleteSessionsOf(db: Executor, userId: number, keep?: string): Promise<string[]> {
  let q = db.selectFrom('sessions').select('token_hash').where('user_id', '=', userId);
  if (keep !== undefined) q = q.where('token_hash', '!=', keep);
  const hashes = (await q.execute()).map((r) => r.token_hash);
  if (hashes.length > 0) await db.deleteFrom('sessions').where('token_hash', 'in', hashes).execute();
  return hashes;
}

/** A user's unexpired sessions other than `except`, most recently used first. */
export async function sessionsOf(db: Executor, userId: number, except: string, now: number) {
  return db
    .selectFrom('sessions')
    .select(['token_hash', 'created_at', 'last_used_at', 'user_agent', 'expires_at'])
    .where('user_id', '=', userId)
    .where('token_hash', '!=', except)
    .where('expires_at', '>', now)
    .orderBy(sql`coalesce(last_used_at, created_at)`, 'desc')
    .execute();
}

/** Active admins other than `except`. */
export async function otherActiveAdmins(db: Executor, except: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'agent')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', except)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Writes a client's fields. */
export async function updateClient(db: Executor, id: number, patch: { name?: string; primaryGroup?: FunctionGroup; language?: Language; telegramChatId?: string | null }): Promise<void> {
  const values = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.primaryGroup !== undefined ? { primary_group: patch.primaryGroup } : {}),
    ...(patch.language !== undefined ? { language: patch.language } : {}),
    ...(patch.telegramChatId !== undefined ? { telegram_chat_id: patch.telegramChatId } : {}),
  };
  if (Object.keys(values).length > 0) await db.updateTable('clients').set(values).where('id', '=', id).execute();
}

/** Inserts customers of a client with temporary passwords, in order; their ids, in the same order. */
export async function insertCustomers(
  db: Executor,
  clientId: number,
  customers: readonly { login: string; name: string; language: Language; passwordHash: string }[],
  now: number,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < customers.length; i += 200) {
    const chunk = customers.slice(i, i + 200);
    const rows = await db
      .insertInto('users')
      .values(chunk.map((c) => ({ login: c.login, name: c.name, kind: 'customer' as const, role: null, client_id: clientId, language: c.language, password_hash: c.passwordHash, created_at: now, must_change_password: 1 as const })))
      .returning(['id', 'login'])
      .execute();
    const byLogin = new Map(rows.map((r) => [r.login, r.id]));
    for (const c of chunk) ids.push(byLogin.get(c.login) ?? 0);
  }
  return ids;
}
