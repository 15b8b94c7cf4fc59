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
