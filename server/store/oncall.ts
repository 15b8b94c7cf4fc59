/** The on-call roster's rows: layers (weekly rotations), overrides, and the roster's audit. */
import type { Selectable } from 'kysely';
import { LAYERS, type Layer, type Rotation } from '../../shared/oncall/index.ts';
import type { OnCallAuditAction, OnCallOverridesTable } from '../db/schema.ts';
import type { Executor } from './executor.ts';

/** An override as the API shows it. */
export interface StoredOverride {
  readonly id: number;
  readonly layer: Layer;
  readonly agentId: number;
  readonly from: number;
  readonly to: number;
  readonly reason: string | null;
  readonly createdAt: number;
  readonly createdBy: number | null;
}

const toOverride = (r: Selectable<OnCallOverridesTable>): StoredOverride => ({
  id: r.id,
  layer: r.layer,
  agentId: r.agent_id,
  from: Number(r.starts_at),
  to: Number(r.ends_at),
  reason: r.reason,
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
});

/** Both layers' rotations. */
export async function loadRotations(db: Executor): Promise<Record<Layer, Rotation>> {
  const rows = await db.selectFrom('oncall_layers').selectAll().execute();
  const out = {} as Record<Layer, Rotation>;
  for (const layer of LAYERS) {
    const r = rows.find((row) => row.layer === layer);
    if (r === undefined) throw new Error(`oncall_layers has no row for ${layer} (migration 0005 inserts both)`);
    out[layer] = {
      agents: JSON.parse(r.agents) as number[],
      start: r.start_date,
      handovers: JSON.parse(r.handovers) as Rotation['handovers'],
      rotateAt: { weekday: r.rotate_weekday, time: r.rotate_time },
    };
  }
  return out;
}

/** Replaces a layer's rotation. */
export async function saveRotation(db: Executor, layer: Layer, rotation: Rotation, actorId: number, now: number): Promise<void> {
  await db
    .updateTable('oncall_layers')
    .set({
      agents: JSON.stringify(rotation.agents),
      start_date: rotation.start,
      handovers: JSON.stringify(rotation.handovers),
      rotate_weekday: rotation.rotateAt.weekday,
      rotate_time: rotation.rotateAt.time,
      updated_at: now,
      updated_by: actorId,
    })
    .where('layer', '=', layer)
    .execute();
}

/** PostgreSQL: holds the layer's row until the transaction ends, so overlap checks of one layer run one at a time. */
export async function lockLayer(db: Executor, layer: Layer): Promise<void> {
  await db.selectFrom('oncall_layers').select('id').where('layer', '=', layer).forUpdate().execute();
}

/** Overrides overlapping [from, to) (to = null: no end), optionally of one layer, by start. */
export async function overridesBetween(db: Executor, from: number, to: number | null, layer?: Layer): Promise<StoredOverride[]> {
  let q = db.selectFrom('oncall_overrides').selectAll().where('ends_at', '>', from);
  if (to !== null) q = q.where('starts_at', '<', to);
  if (layer !== undefined) q = q.where('layer', '=', layer);
  return (await q.orderBy('starts_at').orderBy('id').execute()).map(toOverride);
}

/** An override by id, or undefined. */
export async function overrideById(db: Executor, id: number): Promise<StoredOverride | undefined> {
  const row = await db.selectFrom('oncall_overrides').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toOverride(row);
}

/** Inserts an override; returns it. */
export async function insertOverride(db: Executor, o: Omit<StoredOverride, 'id'>): Promise<StoredOverride> {
  const row = await db
    .insertInto('oncall_overrides')
    .values({ layer: o.layer, agent_id: o.agentId, starts_at: o.from, ends_at: o.to, reason: o.reason, created_at: o.createdAt, created_by: o.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOverride(row);
}

/** Deletes an override. */
export async function deleteOverride(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('oncall_overrides').where('id', '=', id).execute();
}

/** Appends to the roster's audit. */
export async function auditOnCall(db: Executor, actorId: number | null, action: OnCallAuditAction, detail: unknown, at: number): Promise<void> {
  await db.insertInto('oncall_audit').values({ actor_id: actorId, action, detail: JSON.stringify(detail), at }).execute();
}

/** Ends an override at `at` (it started before). */
export async function endOverrideAt(db: Executor, id: number, at: number): Promise<void> {
  await db.updateTable('oncall_overrides').set({ ends_at: at }).where('id', '=', id).execute();
}
