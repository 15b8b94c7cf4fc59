/** Internal per-tier targets (docs/ola.md): the ola_targets table. */
import { OLA_TIERS, type OlaStay, type OlaTargets, type OlaTier } from '../../shared/ola/index.ts';
import { ANSWER_TYPES } from './arrivals.ts';
import { inChunks, type Executor } from './executor.ts';

/** Every tier's target; null where a tier has none. */
export async function olaTargets(db: Executor): Promise<OlaTargets> {
  const rows = await db.selectFrom('ola_targets').select(['tier', 'minutes']).execute();
  const targets = Object.fromEntries(OLA_TIERS.map((t) => [t, null])) as Record<OlaTier, number | null>;
  for (const r of rows) targets[r.tier] = Number(r.minutes);
  return targets;
}

/** Replaces every tier's target (null: none) in one go. */
export async function storeOlaTargets(db: Executor, targets: OlaTargets, actorId: number | null, now: number): Promise<void> {
  await db.deleteFrom('ola_targets').execute();
  const rows = OLA_TIERS.flatMap((tier) => {
    const minutes = targets[tier];
    return minutes === null ? [] : [{ tier, minutes, updated_by: actorId, updated_at: now }];
  });
  if (rows.length > 0) await db.insertInto('ola_targets').values(rows).execute();
}

/**
 * Every stay that began in [from, to) in a tier that may have a target (docs/ola.md): the audit
 * entry that brought the ticket there, and what ended the wait: the first reply, question or note
 * an agent wrote after it, the ticket's next move, or its resolution (or merge), whichever came first.
 */
export async function olaStays(db: Executor, from: number, to: number): Promise<OlaStay[]> {
  const arrivals = await db
    .selectFrom('audit')
    .select(['id', 'ticket_id', 'to_tier', 'at'])
    .where('to_tier', 'in', OLA_TIERS)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('id')
    .execute();
  const ids = arrivals.map((a) => a.ticket_id);
  const stops = await inChunks(ids, (chunk) =>
    db
      .selectFrom('audit')
      .select(['id', 'ticket_id', 'at'])
      .where('ticket_id', 'in', chunk)
      .where('at', '>=', from)
      .where((eb) => eb.or([eb('to_tier', 'is not', null), eb('action', 'in', ['resolved', 'merged'])]))
      .orderBy('id')
      .execute(),
  );
  const answers = await inChunks(ids, (chunk) =>
    db
      .selectFrom('messages')
      .select(['ticket_id', 'created_at'])
      .where('ticket_id', 'in', chunk)
      .where('type', 'in', ANSWER_TYPES)
      .where('author_id', 'is not', null)
      .where('merged_from', 'is', null)
      .where('created_at', '>', from)
      .orderBy('created_at')
      .execute(),
  );
  const group = <T extends { ticket_id: number }>(rows: readonly T[]): Map<number, T[]> => {
    const map = new Map<number, T[]>();
    for (const r of rows) {
      let list = map.get(r.ticket_id);
      if (list === undefined) map.set(r.ticket_id, (list = []));
      list.push(r);
    }
    return map;
  };
  const stopsOf = group(stops);
  const answersOf = group(answers);
  return arrivals.flatMap((a) => {
    if (a.to_tier === null) return [];
    const at = Number(a.at);
    const left = stopsOf.get(a.ticket_id)?.find((s) => s.id > a.id);
    const answer = answersOf.get(a.ticket_id)?.find((m) => Number(m.created_at) > at);
    const ends = [left === undefined ? null : Number(left.at), answer === undefined ? null : Number(answer.created_at)].filter((x): x is number => x !== null);
    return [{ tier: a.to_tier, arrivedAt: at, answeredAt: ends.length === 0 ? null : Math.min(...ends) }];
  });
}
