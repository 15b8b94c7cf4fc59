/**
 * A ticket's arrival in the tier it is in now. The ticket service keeps it in the ticket's row
 * (tier_arrived_at, routed_audit_id, first_answer_at: migration 0017); this reads the routings those
 * rows point to, in one batched query per chunk.
 */
import type { MessageType, Tier } from '../../shared/model/index.ts';
import { inChunks, type Executor } from './executor.ts';

/** The routing (an audit entry) that brought a ticket to its tier. */
export interface Routing {
  readonly fromTier: Tier | null;
  readonly toTier: Tier | null;
  readonly actorId: number | null;
  readonly detail: string | null;
  readonly at: number;
}

/** The routings with these audit ids, by audit id. */
export async function routingsOf(db: Executor, auditIds: readonly number[]): Promise<Map<number, Routing>> {
  const rows = await inChunks(auditIds, (chunk) => db.selectFrom('audit').select(['id', 'from_tier', 'to_tier', 'actor_id', 'detail', 'at']).where('id', 'in', chunk).execute());
  return new Map(rows.map((r) => [r.id, { fromTier: r.from_tier, toTier: r.to_tier, actorId: r.actor_id, detail: r.detail, at: r.at }]));
}

/** The message types that answer a ticket for its tier's internal target (docs/ola.md), when an agent writes them. */
export const ANSWER_TYPES = ['reply', 'question', 'note'] as const;

/** Whether a message of this type, written by a person, answers the ticket for its tier. */
export const isAnswer = (type: MessageType): boolean => (ANSWER_TYPES as readonly MessageType[]).includes(type);
