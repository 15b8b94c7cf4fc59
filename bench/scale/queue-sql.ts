/**
 * The queue's order without `now`, and the index that serves it (what the scale bench measures
 * beside today's list query, server/store/tickets.ts listRows).
 *
 * Today's ORDER BY ranks a running clock past its due time with the breached ones, comparing
 * sla_due_at with the request's `now`, so no index can give that order and SQLite sorts every open
 * ticket for each page. But a breached ticket's stored due time is always in the past (the engine
 * says breached only once the nearest clock is due), so ranking breached and running together and
 * then ordering by due time gives the same rows in the same order, and that order is a pure
 * function of stored columns, which an expression index can hold.
 */

/** The now-free rank: breached and running first (by due time), paused, idle, closed last. */
export const QUEUE_RANK = "(case tickets.sla_state when 'breached' then 0 when 'running' then 0 when 'paused' then 2 when 'idle' then 3 else 4 end)";

/** The index we recommend (a migration's DDL) and how the bench removes it again. */
export const QUEUE_ORDER_INDEX = {
  create: `create index tickets_queue_order on tickets (${QUEUE_RANK.replaceAll('tickets.', '')}, coalesce(sla_due_at, 0), updated_at desc, id desc)`,
  drop: 'drop index tickets_queue_order',
} as const;

/**
 * The queue view's first page in the now-free order (the same join as listRows). "Open" is said as
 * rank < 4 (a ticket's SLA state is closed exactly when its status is resolved or merged), so the
 * index's range is the filter too; with `status in (...)` SQLite picks the status index and sorts.
 */
export function rankedQueueSql(limit: number): { sql: string; parameters: (now: number) => (string | number)[] } {
  const sql = `select tickets.* from tickets inner join clients on clients.id = tickets.client_id
    where ${QUEUE_RANK} < 4
    order by ${QUEUE_RANK}, coalesce(tickets.sla_due_at, 0), tickets.updated_at desc, tickets.id desc limit ?`;
  return { sql, parameters: () => [limit] };
}

/** The p-th percentile (nearest rank) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
