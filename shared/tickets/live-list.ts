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
 * support calendar moves every due time, new internal targets every internal clock; a restored
 * outage closes the link of every ticket in it.
 */
export function rereadsLists(event: ServiceEvent): boolean {
  return event.type === 'calendar.changed' || event.type === 'ola.changed' || event.type === 'outage.restored';
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
  const kept = list.tickets.filter((t) => !latest.has(t.id));
  if (kept.length === list.tickets.length && arriving.length === 0) return list;
  arriving.sort(compareServiceOrder);
  return { tickets: mergeSorted(kept, arriving), next: list.next };
}

/** Two lists each in the service's order, as one. */
function mergeSorted(a: readonly TicketSummary[], b: readonly TicketSummary[]): TicketSummary[] {
  if (b.length === 0) return [...a];
  const out: TicketSummary[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as TicketSummary;
    const y = b[j] as TicketSummary;
    if (compareServiceOrder(y, x) < 0) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
    }
  }
  while (i < a.length) out.push(a[i++] as TicketSummary);
  while (j < b.length) out.push(b[j++] as TicketSummary);
  return out;
}
