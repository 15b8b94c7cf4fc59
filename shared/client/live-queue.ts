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

/**
 * A view's rows, page by page up to `options.max`, each page brought up to date with the recent
 * rows after its head. 'refetch' when a recent row cannot be placed (then the caller shows the
 * pages as read, which are true as of their head, and refetches on the next event).
 */
export async function loadView(
  page: (query: QueueQuery) => Promise<QueuePage>,
  scope: ListScope,
  viewer: Viewer,
  recent: RecentRows,
  options: LoadOptions,
): Promise<LiveList> {
  let tickets: TicketSummary[] = [];
  let next: string | null = null;
  let head = Number.POSITIVE_INFINITY;
  do {
    const got: QueuePage = await page({ ...queryOf(scope), limit: Math.min(options.pageSize, options.max - tickets.length), ...(next === null ? {} : { after: next }) });
    tickets = tickets.concat(got.tickets);
    next = got.next;
    head = Math.min(head, got.head);
  } while (next !== null && tickets.length < options.max);
  const list: LiveList = { tickets, next };
  const patched = patchList(list, recent.after(head), scope, viewer);
  return patched === 'refetch' ? list : patched;
}
