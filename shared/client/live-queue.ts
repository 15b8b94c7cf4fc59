/**
 * The client side of live lists (shared/tickets/live-list.ts): loading a view page by page, and the
 * rows of recent events, re-applied to a page the service read while they were arriving (its `head`
 * says which events it had seen). The renderer, main's tray counts and the bench's load generator
 * use the same code.
 */
import type { QueuePage } from '../api/index.ts';
import type { QueueQuery } from './api-client.ts';
import type { ServiceEvent, TicketSummary } from '../model/index.ts';
import { patchList, type ListScope, type LiveList, type Viewer } from '../tickets/live-list.ts';

/** The rows the latest events carried, by sequence number. */
export interface RecentRows {
  /** Keeps an event's row (service-wide events carry none). */
  record(event: ServiceEvent): void;
  /** The rows of the events after `seq`, oldest first. */
  after(seq: number): TicketSummary[];
  /** The last sequence number recorded (0 before any). */
  head(): number;
}

/** Recent rows, at most `keep` of them (a page is read in far less time than that many events take). */
export function createRecentRows(keep = 5_000): RecentRows {
  const seqs: number[] = [];
  const rows: TicketSummary[] = [];
  let last = 0;
  return {
    record(event) {
      // Numbers that go back: the service was restored from a backup, and what we kept is void.
      if (event.seq <= last) {
        seqs.length = 0;
        rows.length = 0;
      }
      last = event.seq;
      if (event.ticket === null) return;
      seqs.push(event.seq);
      rows.push(event.ticket);
      if (seqs.length > keep * 2) {
        seqs.splice(0, seqs.length - keep);
        rows.splice(0, rows.length - keep);
      }
    },
    after(seq) {
      let i = seqs.length;
      while (i > 0 && (seqs[i - 1] as number) > seq) i--;
      return rows.slice(i);
    },
    head: () => last,
  };
}

/** A scope as the queue endpoint's query: decimal digits for the client, as on the wire. */
function queryOf({ clientId, ...rest }: ListScope): QueueQuery {
  return { ...rest, ...(clientId === undefined ? {} : { clientId: String(clientId) }) };
}

/** How a view is loaded. */
export interface LoadOptions {
  /** Rows per request. */
  readonly pageSize: number;
  /** Stop after this many rows: the list then ends with a `next` cursor. */
  readonly max: number;
}

/** Asks the service for one page of a view (GET /api/v1/queue). */
export type PageSource = (query: QueueQuery) => Promise<QueuePage>;

/** The next page of a held list: the rows after its last one (null when the view is all there). */
export function nextPage(source: PageSource, list: LiveList, scope: ListScope, limit: number): Promise<QueuePage> | null {
  if (list.next === null) return null;
  return source({ ...queryOf(scope), limit, after: list.next });
}

/**
 * A list with a page the service answered `after` it: the page's rows follow the list's, and
 * the recent rows after the page's head bring both up to date. A list that was read again
 * meanwhile (its `next` is no longer `after`) is left as it is.
 */
export function withPage(list: LiveList, after: string | null, got: QueuePage, scope: ListScope, viewer: Viewer, recent: RecentRows): LiveList {
  if (list.next !== after) return list;
  const fresh = new Set(got.tickets.map((t) => t.id));
  const joined: LiveList = { tickets: [...list.tickets.filter((t) => !fresh.has(t.id)), ...got.tickets], next: got.next };
  const patched = patchList(joined, recent.after(got.head), scope, viewer);
  // Rows that cannot be placed (a search): the pages as read are true as of their head; the next event reads again.
  return patched === 'refetch' ? joined : patched;
}

/**
 * A view's rows, page by page, until `options.max` rows or the view's end. Nothing patches the
 * pages while they load, so at the end every row is brought up to date with the recent rows
 * after the first page's head (re-placing a row as of a later event is harmless: the latest wins).
 */
export async function loadView(source: PageSource, scope: ListScope, viewer: Viewer, recent: RecentRows, options: LoadOptions): Promise<LiveList> {
  let list: LiveList = { tickets: [], next: null };
  let head: number | null = null;
  do {
    const after = list.next;
    const got = await source({ ...queryOf(scope), limit: Math.min(options.pageSize, options.max - list.tickets.length), ...(after === null ? {} : { after }) });
    head ??= got.head;
    list = withPage(list, after, got, scope, viewer, recent);
  } while (list.next !== null && list.tickets.length < options.max);
  const patched = patchList(list, recent.after(head), scope, viewer);
  return patched === 'refetch' ? list : patched;
}
