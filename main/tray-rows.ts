/**
 * The rows main counts for the tray, title and badge (attentionCounts): the agent's whole queue,
 * read once and then kept true by the events main receives anyway (shared/tickets/live-list.ts).
 * Read again after a (re)connect or a new session, after an event that changes other tickets' rows
 * (rereadsLists), or when an event's row cannot be placed.
 */
import type { ApiClient } from '../shared/client/api-client.ts';
import { createRecentRows, loadView } from '../shared/client/live-queue.ts';
import type { ServiceEvent, TicketSummary } from '../shared/model/index.ts';
import { patchList, rereadsLists, type ListScope, type LiveList, type Viewer } from '../shared/tickets/live-list.ts';

const SCOPE: ListScope = { view: 'queue' };
const OPTIONS = { pageSize: 2_000, max: 10_000 };

/** The tray's rows. */
export interface TrayRows {
  /** An event from the stream, in order. */
  onEvent(event: ServiceEvent): void;
  /** Forget the rows: after a (re)connect or a change of session. */
  reset(): void;
  /** The rows now (read from the service when not held). */
  rows(viewer: Viewer): Promise<readonly TicketSummary[]>;
}

/** Tray rows over the service's queue endpoint. */
export function createTrayRows(api: Pick<ApiClient, 'queue'>): TrayRows {
  const recent = createRecentRows();
  let held: { readonly viewer: Viewer; list: LiveList } | null = null;
  let generation = 0;
  return {
    onEvent(event) {
      recent.record(event);
      if (held === null) return;
      if (rereadsLists(event)) held = null;
      if (held === null || event.ticket === null) return;
      const patched = patchList(held.list, [event.ticket], SCOPE, held.viewer);
      if (patched === 'refetch') held = null;
      else held.list = patched;
    },
    reset() {
      held = null;
      generation++;
    },
    async rows(viewer) {
      if (held !== null && held.viewer.id === viewer.id) return held.list.tickets;
      const started = generation;
      const list = await loadView((query) => api.queue(query), SCOPE, viewer, recent, OPTIONS);
      // A reset while reading: what was read may predate it, so it is not kept.
      if (started === generation) held = { viewer, list };
      return list.tickets;
    },
  };
}
