/**
 * The queue's first page as the service read it before issue 13 (what the scale bench measures
 * beside today's listRows): a running clock past its due time ranked with the breached ones,
 * comparing sla_due_at with the request's `now`, so no index could give the order and SQLite
 * sorted every open ticket for each page. Today's order (shared/tickets/service-order.ts) reads
 * stored columns only, and migration 0016's index holds it.
 */
export function legacyQueueSql(limit: number): { sql: string; parameters: (now: number) => (string | number)[] } {
  const sql = `select tickets.* from tickets inner join clients on clients.id = tickets.client_id
    where tickets.status in ('new', 'in_work', 'awaiting_customer')
    order by case when tickets.status not in ('new', 'in_work', 'awaiting_customer') then 4
      when tickets.sla_state = 'breached' then 0 when tickets.sla_state = 'running' and tickets.sla_due_at <= ? then 0
      when tickets.sla_state = 'running' then 1 when tickets.sla_state = 'paused' then 2 else 3 end,
      coalesce(tickets.sla_due_at, 0), tickets.updated_at desc, tickets.id desc limit ?`;
  return { sql, parameters: (now) => [now, limit] };
}

/** The p-th percentile (nearest rank) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
