/**
 * The service's queue order of ticket rows (docs/api.md, "Rows and events"): breached first, then
 * running, paused and idle, closed last; within each by due time (none first), then the most recently
 * changed, then the newest. It reads stored values only, so a row keeps its place until an event
 * changes it (the scheduler marks a running clock breached when its due time passes). The service's
 * SQL orders by the same keys (server/store/tickets.ts); tests hold the two together.
 */
import { OPEN_STATUSES, type TicketSummary } from '../model/index.ts';

/** What the order reads of a row. */
export type Ordered = Pick<TicketSummary, 'id' | 'status' | 'updatedAt'> & { readonly sla: Pick<TicketSummary['sla'], 'state' | 'dueAt'> };

/** The rank of a row: 0 breached, 1 running, 2 paused (waiting for the customer), 3 idle, 4 closed. */
export function queueRank(t: Ordered): number {
  if (!OPEN_STATUSES.includes(t.status)) return 4;
  switch (t.sla.state) {
    case 'breached':
      return 0;
    case 'running':
      return 1;
    case 'paused':
      return 2;
    default:
      return 3;
  }
}

/** Where a row sorts: compare position by position, the first two ascending, the last two descending. */
export interface QueueKey {
  readonly rank: number;
  readonly due: number;
  readonly updatedAt: number;
  readonly id: number;
}

/** A row's sort key. */
export function queueKeyOf(t: Ordered): QueueKey {
  return { rank: queueRank(t), due: t.sla.dueAt ?? 0, updatedAt: t.updatedAt, id: t.id };
}

/** Negative when `a` comes before `b` in the service's order. */
export function compareQueueKeys(a: QueueKey, b: QueueKey): number {
  return a.rank - b.rank || a.due - b.due || b.updatedAt - a.updatedAt || b.id - a.id;
}

/** compareQueueKeys over rows. */
export function compareServiceOrder(a: Ordered, b: Ordered): number {
  return compareQueueKeys(queueKeyOf(a), queueKeyOf(b));
}

/** A page's cursor: the key of its last row, as text ("rank.due.updatedAt.id"). */
export function cursorOf(t: Ordered): string {
  const k = queueKeyOf(t);
  return `${k.rank}.${k.due}.${k.updatedAt}.${k.id}`;
}

/** A cursor's text, decimal integers only. */
export const CURSOR_PATTERN = /^[0-4]\.\d{1,16}\.\d{1,16}\.\d{1,10}$/;

/** The key a cursor names; null when the text is not a cursor. */
export function parseCursor(text: string): QueueKey | null {
  if (!CURSOR_PATTERN.test(text)) return null;
  const [rank, due, updatedAt, id] = text.split('.').map(Number);
  if (rank === undefined || due === undefined || updatedAt === undefined || id === undefined) return null;
  if (![due, updatedAt, id].every(Number.isSafeInteger)) return null;
  return { rank, due, updatedAt, id };
}
