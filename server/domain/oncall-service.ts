/**
 * The on-call roster's queries and commands: who is on call (shared/oncall decides), the weekly
 * schedule, and overrides. Each change is one transaction that also writes the roster's audit.
 */
import { LAYERS, onCallAt, overlaps, withoutAgent, type Layer, type OnCallAnswer, type Rotation } from '../../shared/oncall/index.ts';
import type { Calendar } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import {
  auditOnCall,
  deleteOverride,
  endOverrideAt,
  insertOverride,
  loadRotations,
  lockLayer,
  overrideById,
  overridesBetween,
  saveRotation,
  type StoredOverride,
} from '../store/oncall.ts';
import type { Executor } from '../store/executor.ts';
import type { Actor } from './actor.ts';
import { badRequest, conflict, notFound } from './errors.ts';

/** What the roster needs. */
export interface OnCallServiceDeps {
  readonly db: Db;
  readonly now: () => number;
  readonly calendar: Calendar;
}

/** A new override as the caller asks for it. */
export interface OverrideRequest {
  readonly agentId: number;
  readonly layer: Layer;
  readonly from: number;
  readonly to: number;
  readonly reason?: string | undefined;
}

/** The roster service. */
export type OnCallService = ReturnType<typeof createOnCallService>;

/**
 * Takes a deactivated agent off the roster from `now` on, in the deactivation's transaction: out of
 * each rotation (withoutAgent: whoever holds the layer now keeps it, the next one takes over if it
 * was them), their running override cut at `now`, their future ones removed. Past overrides and
 * the roster's audit stay; each change is audited as the roster's own changes are.
 */
export async function dropAgentFromRoster(trx: Executor, db: Db, zone: string, agentId: number, actorId: number, now: number): Promise<void> {
  for (const layer of LAYERS) if (db.engine === 'postgres') await lockLayer(trx, layer);
  const rotations = await loadRotations(trx);
  const next = { primary: withoutAgent(rotations.primary, agentId, zone, now), secondary: withoutAgent(rotations.secondary, agentId, zone, now) };
  if (LAYERS.some((l) => next[l] !== rotations[l])) {
    for (const layer of LAYERS) await saveRotation(trx, layer, next[layer], actorId, now);
    await auditOnCall(trx, actorId, 'schedule_set', { ...next, reason: 'agent_deactivated', agentId }, now);
  }
  for (const o of (await overridesBetween(trx, now, null)).filter((x) => x.agentId === agentId)) {
    if (o.from >= now) await deleteOverride(trx, o.id);
    else await endOverrideAt(trx, o.id, now);
    await auditOnCall(trx, actorId, 'override_removed', { ...o, ...(o.from < now ? { endedAt: now } : {}), reason: 'agent_deactivated' }, now);
  }
}

/** Builds the roster service over a database. */
export function createOnCallService(deps: OnCallServiceDeps) {
  const { db, calendar } = deps;

  /** The agents among `ids` that exist and are active; everyone else is named in a 400 on `field`. */
  async function requireAgents(ex: Executor, ids: readonly number[], field: string): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const rows = await ex.selectFrom('users').select(['id', 'active']).where('kind', '=', 'agent').where('id', 'in', unique).execute();
    const known = new Set(rows.map((r) => r.id));
    const unknown = unique.filter((id) => !known.has(id));
    if (unknown.length > 0) throw badRequest(field, `no agent with id ${unknown.join(', ')}`);
    const inactive = rows.filter((r) => r.active !== 1).map((r) => r.id);
    if (inactive.length > 0) throw badRequest(field, `agent ${inactive.join(', ')} is deactivated and cannot be on call`);
  }

  return {
    /** Who is on call at `at` (default: now) and for 14 days after. */
    async at(at: number = deps.now()): Promise<OnCallAnswer> {
      const layers = await loadRotations(db.kysely);
      // Overrides that can matter within the answer's 14 days.
      const overrides = await overridesBetween(db.kysely, at, at + 15 * 86_400_000);
      return onCallAt({ layers, overrides }, calendar, at);
    },

    /** Both layers' rotations. */
    schedule: (): Promise<Record<Layer, Rotation>> => loadRotations(db.kysely),

    /** Replaces both rotations (managers and admins; the route checks the role). */
    async setSchedule(actor: Actor, schedule: Record<Layer, Rotation>): Promise<Record<Layer, Rotation>> {
      return db.kysely.transaction().execute(async (trx) => {
        for (const layer of LAYERS) await requireAgents(trx, schedule[layer].agents, `${layer}.agents`);
        const now = deps.now();
        for (const layer of LAYERS) await saveRotation(trx, layer, schedule[layer], actor.id, now);
        await auditOnCall(trx, actor.id, 'schedule_set', schedule, now);
        return loadRotations(trx);
      });
    },

    /** Overrides overlapping [from, to); from defaults to now, to to no end. */
    overrides: (from: number | undefined, to: number | undefined): Promise<StoredOverride[]> => overridesBetween(db.kysely, from ?? deps.now(), to ?? null),

    /** Adds an override; 409 when it overlaps another of its layer. */
    async addOverride(actor: Actor, request: OverrideRequest): Promise<StoredOverride> {
      if (request.from >= request.to) throw badRequest('to', 'must be later than from');
      return db.kysely.transaction().execute(async (trx) => {
        if (db.engine === 'postgres') await lockLayer(trx, request.layer);
        await requireAgents(trx, [request.agentId], 'agentId');
        const clash = (await overridesBetween(trx, request.from, request.to, request.layer)).find((o) => overlaps(o, request));
        if (clash !== undefined) {
          throw conflict(`overlaps override ${clash.id} of the ${request.layer} layer (${new Date(clash.from).toISOString()} to ${new Date(clash.to).toISOString()})`);
        }
        const now = deps.now();
        const created = await insertOverride(trx, {
          layer: request.layer,
          agentId: request.agentId,
          from: request.from,
          to: request.to,
          reason: request.reason ?? null,
          createdAt: now,
          createdBy: actor.id,
        });
        await auditOnCall(trx, actor.id, 'override_added', created, now);
        return created;
      });
    },

    /** Removes an override; 404 when there is none with that id. */
    async removeOverride(actor: Actor, id: number): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        const existing = await overrideById(trx, id);
        if (existing === undefined) throw notFound(`no on-call override ${id}`);
        if (db.engine === 'postgres') await lockLayer(trx, existing.layer);
        await deleteOverride(trx, id);
        await auditOnCall(trx, actor.id, 'override_removed', existing, deps.now());
      });
    },
  };
}
