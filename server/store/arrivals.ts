/**
 * When each ticket arrived in the tier it is in now, and how (created at l1, routed, escalated):
 * the latest audit entry that moved it, read in one batched query per chunk of tickets.
 */
import type { Tier } from '../../shared/model/index.ts';
import type { AuditAction } from '../../shared/model/index.ts';
import { inChunks, type Executor } from './executor.ts';

/** The audit entry that brought a ticket where it is now. */
export interface Arrival {
  readonly ticketId: number;
  readonly action: AuditAction;
  readonly fromTier: Tier | null;
  readonly toTier: Tier;
  readonly actorId: number | null;
  readonly detail: string | null;
  readonly at: number;
}

/** Each ticket's latest tier-moving audit entry (created, routed, escalated), for those that have one. */
export async function arrivalsOf(db: Executor, ids: readonly number[]): Promise<Map<number, Arrival>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('audit')
      .select(['ticket_id', 'action', 'from_tier', 'to_tier', 'actor_id', 'detail', 'at'])
      .where('id', 'in', (eb) =>
        eb.selectFrom('audit as latest').select((e) => e.fn.max('latest.id').as('id')).where('latest.ticket_id', 'in', chunk).where('latest.to_tier', 'is not', null).groupBy('latest.ticket_id'),
      )
      .execute(),
  );
  const map = new Map<number, Arrival>();
  for (const r of rows) {
    if (r.to_tier === null) continue;
    map.set(r.ticket_id, { ticketId: r.ticket_id, action: r.action, fromTier: r.from_tier, toTier: r.to_tier, actorId: r.actor_id, detail: r.detail, at: r.at });
  }
  return map;
}

/** The message types that answer a ticket for its tier's internal target (docs/ola.md), when an agent writes them. */
export const ANSWER_TYPES = ['reply', 'question', 'note'] as const;

/**
 * Each ticket's first answer in its current tier: the earliest reply, question or note an agent
 * wrote after the ticket arrived there (copies merged in from a duplicate do not count). Strictly
 * after: what was written at the instant of the move belongs to the tier it left.
 */
export async function firstAnswersOf(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('messages as m')
      .select((eb) => ['m.ticket_id', eb.fn.min('m.created_at').as('at')])
      .where('m.ticket_id', 'in', chunk)
      .where('m.type', 'in', ANSWER_TYPES)
      .where('m.author_id', 'is not', null)
      .where('m.merged_from', 'is', null)
      .where('m.created_at', '>', (eb) =>
        eb.selectFrom('audit as a').select((e) => e.fn.max('a.at').as('at')).whereRef('a.ticket_id', '=', 'm.ticket_id').where('a.to_tier', 'is not', null),
      )
      .groupBy('m.ticket_id')
      .execute(),
  );
  return new Map(rows.map((r) => [r.ticket_id, Number(r.at)]));
}
