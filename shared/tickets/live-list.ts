/**
 * Ticket lists kept true by events (docs/api.md, "Rows and events"). Every event about a ticket
 * carries the ticket's row as of its commit, so a console (the renderer, main's tray counts, the
 * load generator of `npm run bench`) places that row in each list it holds: it moves, arrives,
 * leaves or changes in place, in the service's order (service-order.ts). It asks the service again
 * only when it cannot decide: a search (the service matches text its own way), another person's
 * "mine", or a change that is not about one ticket (the support calendar moves every due time).
 */
import type { TicketView } from '../api/index.ts';
import { OPEN_STATUSES, type ServiceEvent, type TicketSummary, type Tier, type User } from '../model/index.ts';
import { compareQueueKeys, compareServiceOrder, parseCursor, queueKeyOf, type QueueKey } from './service-order.ts';

/** Who looks at a list: what the service scopes a view by. */
export type Viewer =
  | { readonly kind: 'agent'; readonly id: number; readonly tiers: readonly Tier[] }
  | { readonly kind: 'customer'; readonly id: number; readonly clientId: number };

/**
 * Whether an event changes rows of tickets it does not carry, so held lists are read again: a new
 * support calendar moves every due time, new internal targets every internal clock, a renamed agent
 * or client the names rows show; a restored outage closes the link of every ticket in it.
 */
export function rereadsLists(event: ServiceEvent): boolean {
  return event.type === 'calendar.changed' || event.type === 'ola.changed' || event.type === 'names.changed' || event.type === 'outage.restored';
}

/** The viewer a signed-in user is. */
export function viewerOf(user: User): Viewer {
  return user.kind === 'agent' ? { kind: 'agent', id: user.id, tiers: user.tiers } : { kind: 'customer', id: user.id, clientId: user.client.id };
}

/** A list's question to the service (GET /api/v1/queue), as far as it decides which rows belong. */
export interface ListScope {
  readonly view: TicketView;
  readonly tier?: Tier | undefined;
  readonly q?: string | undefined;
  readonly clientId?: number | undefined;
}

/** One view's rows as a console holds them. */
export interface LiveList {
  /** In the service's order. */
  readonly tickets: readonly TicketSummary[];
  /** The cursor after the last loaded row when the view has more (GET /api/v1/queue's `next`); null: the whole view is here. */
  readonly next: string | null;
}

/**
 * Whether a row belongs to a view for this viewer, as the service decides it in SQL
 * (server/store/tickets.ts listRows); null when it cannot be told from the row.
 */
export function inView(t: TicketSummary, scope: ListScope, viewer: Viewer): boolean | null {
  if (scope.q !== undefined && scope.q.trim() !== '') return null;
  if (viewer.kind === 'customer' && t.client.id !== viewer.clientId) return false;
  if (scope.clientId !== undefined && t.client.id !== scope.clientId) return false;
  const open = OPEN_STATUSES.includes(t.status);
  switch (scope.view) {
    case 'all':
      return true;
    case 'queue':
      return open;
    case 'escalated':
      return open && t.escalated;
    case 'mine':
      // A customer's "mine" is what they wrote, which a row does not say.
      if (viewer.kind === 'customer') return null;
      return open && t.assignee?.id === viewer.id;
    case 'tier': {
      if (viewer.kind === 'customer') return open;
      const tiers = scope.tier !== undefined ? [scope.tier] : viewer.tiers;
      return open && tiers.includes(t.tier);
    }
  }
}

/**
 * The list with these rows placed (each a row as of its event's commit, later ones last): rows that
 * left the view are gone, rows in it stand where the service's order puts them. Past the end of a
 * partly loaded view a row is left out, as the service would have. Returns 'refetch' when a row's
 * place cannot be decided (inView is null): the caller asks the service again.
 */
export function patchList(list: LiveList, rows: readonly TicketSummary[], scope: ListScope, viewer: Viewer): LiveList | 'refetch' {
  if (rows.length === 0) return list;
  const latest = new Map<number, TicketSummary>();
  for (const row of rows) latest.set(row.id, row);
  const boundary: QueueKey | null = list.next === null ? null : parseCursor(list.next);
  if (list.next !== null && boundary === null) return 'refetch';
  const arriving: TicketSummary[] = [];
  for (const row of latest.values()) {
    const member = inView(row, scope, viewer);
    if (member === null) return 'refetch';
    if (member && (boundary === null || compareQueueKeys(queueKeyOf(row), boundary) <= 0)) arriving.push(row);
  }
  const kept = without(list.tickets, latest);
  if (kept === list.tickets && arriving.length === 0) return list;
  arriving.sort(compareServiceOrder);
  return { tickets: mergeSorted(kept, arriving), next: list.next };
}

/** The rows whose ids are not in `ids`; the same array when none is. A few ids are looked up one by one (a tight scan each), many in one pass. */
function without(rows: readonly TicketSummary[], ids: ReadonlyMap<number, unknown>): readonly TicketSummary[] {
  if (ids.size > 16) {
    const kept = rows.filter((t) => !ids.has(t.id));
    return kept.length === rows.length ? rows : kept;
  }
  const at: number[] = [];
  for (const id of ids.keys()) {
    for (let i = 0; i < rows.length; i++) {
      if ((rows[i] as TicketSummary).id === id) {
        at.push(i);
        break;
      }
    }
  }
  if (at.length === 0) return rows;
  at.sort((a, b) => a - b);
  const parts: (readonly TicketSummary[])[] = [];
  let from = 0;
  for (const i of at) {
    parts.push(rows.slice(from, i));
    from = i + 1;
  }
  parts.push(rows.slice(from));
  return ([] as TicketSummary[]).concat(...parts);
}

/**
 * Two lists each in the service's order, as one. `b` is the few rows that arrive, `a` the thousands
 * kept: each arriving row's place is found by binary search and the runs between are copied, so a
 * patch costs a copy of the list and a few comparisons, not one comparison per row (200 simulated
 * consoles patch in one process in `npm run bench`; a console patches on every burst).
 */
function mergeSorted(a: readonly TicketSummary[], b: readonly TicketSummary[]): TicketSummary[] {
  const parts: (readonly TicketSummary[])[] = [];
  let from = 0;
  for (const y of b) {
    const key = queueKeyOf(y);
    // The first row at or after `from` that `y` sorts before (a is in order, so the test is monotone).
    let lo = from;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareQueueKeys(key, queueKeyOf(a[mid] as TicketSummary)) < 0) hi = mid;
      else lo = mid + 1;
    }
    parts.push(a.slice(from, lo), [y]);
    from = lo;
  }
  parts.push(a.slice(from));
  return ([] as TicketSummary[]).concat(...parts);
}
