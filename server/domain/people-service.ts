/**
 * Agents as administrators manage them: create (with a temporary password), edit name, role,
 * tiers and language, reset the password, deactivate and reactivate. Nobody is ever deleted: a
 * deactivated agent keeps their name on history, cannot sign in, is signed out everywhere and is
 * off the on-call roster from then on. The last active admin can be neither deactivated nor
 * demoted. Every change writes the admin audit in its own transaction.
 */
import type { AdminAgent, AdminAuditEntry } from '../../shared/api/index.ts';
import type { Language, Role, Tier } from '../../shared/model/index.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Db } from '../db/index.ts';
import { writeEvents } from '../events/outbox.ts';
import { readAdminAudit, writeAdminAudit, type AdminAuditQuery } from '../store/admin-audit.ts';
import { adminAgentById, deleteSessionsOf, listAdminAgents, otherActiveAdmins, setTiers, updateAccount, type AccountState } from '../store/people.ts';
import { insertUser } from '../store/users.ts';
import { changes, inTransaction, lockFor, newTemporaryPassword, requireFreeLogin, resetPassword } from './accounts.ts';
import type { Actor } from './actor.ts';
import { conflict, notFound } from './errors.ts';
import { dropAgentFromRoster } from './oncall-service.ts';

/** What the people service needs. */
export interface PeopleServiceDeps {
  readonly db: Db;
  readonly now: () => number;
  /** The support zone now (the roster's weeks are counted in it). */
  readonly zone: () => string;
  /** To close this instance's event sockets of the sessions a change ends. */
  readonly sessions: Pick<Sessions, 'ended'>;
  /** After a committed event (a renamed agent: names.changed), so sockets hear of it. */
  readonly onEvents: () => void;
}

/** A new agent. */
export interface NewAgent {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly tiers: readonly Tier[];
  readonly language?: Language | undefined;
}

/** A change of an agent; `active` deactivates or reactivates. */
export interface AgentPatch {
  readonly name?: string | undefined;
  readonly role?: Role | undefined;
  readonly tiers?: readonly Tier[] | undefined;
  readonly language?: Language | undefined;
  readonly active?: boolean | undefined;
}

/** The people service. */
export type PeopleService = ReturnType<typeof createPeopleService>;

/** Builds the people service. */
export function createPeopleService(deps: PeopleServiceDeps) {
  const { db } = deps;

  async function agentOrThrow(ex: Parameters<typeof adminAgentById>[0], id: number): Promise<AdminAgent> {
    const agent = await adminAgentById(ex, id);
    if (agent === undefined) throw notFound(`no agent ${id}`);
    return agent;
  }

  return {
    /** Agents, by name. */
    agents: (state: AccountState): Promise<AdminAgent[]> => listAdminAgents(db.kysely, state),

    /** Creates an agent with a temporary password (shown once, in the answer). */
    async createAgent(actor: Actor, input: NewAgent): Promise<{ agent: AdminAgent; temporaryPassword: string }> {
      const secret = await newTemporaryPassword();
      const agent = await inTransaction(db, `the login ${input.login} is taken`, async (trx) => {
        await requireFreeLogin(trx, input.login);
        const now = deps.now();
        const id = await insertUser(trx, { login: input.login, name: input.name, kind: 'agent', role: input.role, tiers: input.tiers, language: input.language ?? 'en', passwordHash: secret.hash, mustChangePassword: true }, now);
        const created = await agentOrThrow(trx, id);
        await writeAdminAudit(trx, {
          actorId: actor.id,
          action: 'agent_created',
          targetKind: 'agent',
          targetId: id,
          detail: { login: created.login, name: created.name, role: created.role, tiers: created.tiers, language: created.language },
          at: now,
        });
        return created;
      });
      return { agent, temporaryPassword: secret.password };
    },

    /**
     * Edits an agent. `active: false` signs them out everywhere and takes them off the roster from
     * now on; the last active admin can be neither deactivated nor demoted (409).
     */
    async updateAgent(actor: Actor, id: number, patch: AgentPatch): Promise<AdminAgent> {
      const { agent, ended, renamed } = await inTransaction(db, 'conflicting change', async (trx) => {
        await lockFor(trx, db, 'admins');
        const before = await agentOrThrow(trx, id);
        const losesAdmin = before.role === 'admin' && before.active && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'));
        if (losesAdmin && (await otherActiveAdmins(trx, id)) === 0) {
          throw conflict(`${before.name} is the last active admin: make another agent an admin first`);
        }
        const now = deps.now();
        const { active, tiers, ...fields } = patch;
        const changed = changes(before, { ...fields, ...(tiers !== undefined ? { tiers: [...tiers] } : {}) });
        await updateAccount(trx, id, { ...fields, ...(active !== undefined ? { active } : {}) }, now);
        if (tiers !== undefined) await setTiers(trx, id, tiers);
        if (Object.keys(changed).length > 0) {
          await writeAdminAudit(trx, { actorId: actor.id, action: 'agent_updated', targetKind: 'agent', targetId: id, detail: { login: before.login, changes: changed }, at: now });
        }
        // Rows show agents' names (assignee, routed by): consoles read them again.
        if (changed.name !== undefined) await writeEvents(trx, db.engine, [{ type: 'names.changed', ticket: null, data: { of: 'agent' } }], now);
        let hashes: string[] = [];
        if (active === false && before.active) {
          hashes = await deleteSessionsOf(trx, id);
          await dropAgentFromRoster(trx, db, deps.zone(), id, actor.id, now);
          await writeAdminAudit(trx, { actorId: actor.id, action: 'agent_deactivated', targetKind: 'agent', targetId: id, detail: { login: before.login, name: before.name, sessionsEnded: hashes.length }, at: now });
        } else if (active === true && !before.active) {
          await writeAdminAudit(trx, { actorId: actor.id, action: 'agent_reactivated', targetKind: 'agent', targetId: id, detail: { login: before.login, name: before.name }, at: now });
        }
        return { agent: await agentOrThrow(trx, id), ended: hashes, renamed: changed.name !== undefined };
      });
      deps.sessions.ended(ended);
      if (renamed) deps.onEvents();
      return agent;
    },

    /** A new temporary password: every session of the agent ends, and they must change it at the next sign-in. */
    async resetAgentPassword(actor: Actor, id: number): Promise<{ temporaryPassword: string }> {
      const secret = await newTemporaryPassword();
      const ended = await inTransaction(db, 'conflicting change', async (trx) => {
        const agent = await agentOrThrow(trx, id);
        const hashes = await resetPassword(trx, id, secret.hash);
        await writeAdminAudit(trx, { actorId: actor.id, action: 'agent_password_reset', targetKind: 'agent', targetId: id, detail: { login: agent.login, sessionsEnded: hashes.length }, at: deps.now() });
        return hashes;
      });
      deps.sessions.ended(ended);
      return { temporaryPassword: secret.password };
    },

    /** The admin audit, newest first. */
    audit: (query: AdminAuditQuery): Promise<AdminAuditEntry[]> => readAdminAudit(db.kysely, query),
  };
}
