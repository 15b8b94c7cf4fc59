/**
 * Simulated consoles of the outage-burst bench, run in a worker thread: each signs in with its own
 * agent account, opens the event stream (shared/client/event-stream.ts over Node's WebSocket, as
 * main does), loads its default view (loadView) and keeps it true from the events (patchList,
 * coalesced like the renderer's use-live-updates.ts). It notes when each event arrives, and counts
 * every list it had to read again.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { createApiClient, type ApiClient } from '../../shared/client/api-client.ts';
import type { EventStream } from '../../shared/client/event-stream.ts';
import { createRecentRows, loadView, nextPage, withPage, type RecentRows } from '../../shared/client/live-queue.ts';
import type { ServiceEvent, TicketSummary } from '../../shared/model/index.ts';
import { patchList, rereadsLists, viewerOf, type ListScope, type LiveList, type Viewer } from '../../shared/tickets/live-list.ts';
import { compareQueueKeys, parseCursor, queueKeyOf } from '../../shared/tickets/service-order.ts';
import { defaultViewOf } from '../../renderer/features/queue/default-view.ts';
import { FIRST_PAGE, QUEUE_LIMIT, QUEUE_PAGE } from '../../renderer/features/queue/queries.ts';
import { stampedStream } from './stamped-socket.ts';
import { compareRows, type RowsDifference } from './stats.ts';

/** What the parent gives a worker. */
export interface ConsolesInput {
  readonly consoles: readonly { readonly login: string; readonly url: string }[];
  readonly password: string;
  /** Views loaded at once while the consoles sign in. */
  readonly loadConcurrency: number;
}

/** Parent to worker. */
export type ToConsoles = { readonly type: 'settle'; readonly head: number };

/** Worker to parent. */
export type FromConsoles =
  | { readonly type: 'ready'; readonly rows: number; readonly views: Readonly<Record<string, number>> }
  | {
      readonly type: 'report';
      /** Per delivery: its message's arrival at the console's socket minus the event's `at`, ms. */
      readonly latencies: Float64Array;
      /** Per delivery: the console's onEvent (after the stream parsed and checked it) minus `at`, ms; 100 consoles share a thread, so one's parsing is another's wait. */
      readonly handled: Float64Array;
      /** Per event seq: its `at`, the slowest client's arrival and onEvent latencies, and how many clients got it. */
      readonly perEvent: ReadonlyArray<readonly [seq: number, at: number, maxMs: number, maxHandledMs: number, clients: number]>;
      readonly eventRefetches: number;
      readonly reconnects: number;
      readonly patches: number;
      readonly mismatches: ReadonlyArray<{ readonly login: string; readonly view: string; readonly difference: RowsDifference }>;
      readonly compared: number;
      readonly unsettled: number;
      /** This thread's garbage-collection pauses during the burst (its consoles wait through each): count, longest, total ms. */
      readonly gc: { readonly count: number; readonly maxMs: number; readonly totalMs: number };
    };

/** The renderer's coalescing of rows into lists (use-live-updates.ts LIST_COALESCE_MS). */
const LIST_COALESCE_MS = 50;

interface SimConsole {
  readonly login: string;
  readonly api: ApiClient;
  readonly viewer: Viewer;
  readonly scope: ListScope;
  readonly group: string;
  readonly recent: RecentRows;
  readonly stream: EventStream;
  list: LiveList | null;
  arrived: TicketSummary[];
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The first page is being read (patching waits for it). */
  reading: boolean;
  /** The view is being read, first page or the rest. */
  busy: boolean;
}

const input = workerData as ConsolesInput;
const latencies: number[] = [];
const handled: number[] = [];
const perEvent = new Map<number, [at: number, maxMs: number, maxHandledMs: number, clients: number]>();

let eventRefetches = 0;
let reconnects = 0;
let patches = 0;

/**
 * Reads the view as the renderer does: the first page (queries.ts), then the rest a page at a time
 * into the same live list (use-rest-of-view.ts), events patching it between pages.
 */
async function refetch(c: SimConsole): Promise<void> {
  c.reading = true;
  c.busy = true;
  try {
    const source = (q: Parameters<ApiClient['queue']>[0]) => c.api.queue(q);
    c.list = await loadView(source, c.scope, c.viewer, c.recent, { pageSize: FIRST_PAGE, max: FIRST_PAGE });
    c.reading = false;
    for (;;) {
      const list: LiveList = c.list;
      if (list.tickets.length >= QUEUE_LIMIT) break;
      const asked = nextPage(source, list, c.scope, Math.min(QUEUE_PAGE, QUEUE_LIMIT - list.tickets.length));
      if (asked === null) break;
      const got = await asked;
      c.list = withPage(c.list, list.next, got, c.scope, c.viewer, c.recent);
      // Read again meanwhile: that read goes on by itself.
      if (c.list.next !== got.next) break;
    }
  } finally {
    c.reading = false;
    c.busy = false;
  }
}

function place(c: SimConsole): void {
  c.timer = undefined;
  const rows = c.arrived;
  c.arrived = [];
  // A list still loading brings itself up to date from the recent rows when its pages arrive.
  if (c.list === null || c.reading) return;
  const patched = patchList(c.list, rows, c.scope, c.viewer);
  patches++;
  if (patched === 'refetch') {
    eventRefetches++;
    void refetch(c);
  } else c.list = patched;
}

async function open(login: string, url: string): Promise<SimConsole> {
  let token: string | null = null;
  const api = createApiClient({ baseUrl: url, token: () => token, fetch: (u, init) => fetch(u, init) });
  const session = await api.login({ login, password: input.password });
  token = session.token;
  if (session.user.kind !== 'agent') throw new Error(`${login} is not an agent`);
  const view = defaultViewOf(session.user);
  let online = false;
  let connected = false;
  let live: () => void = () => {};
  const isLive = new Promise<void>((resolve) => {
    live = resolve;
  });
  const c: SimConsole = {
    login,
    api,
    viewer: viewerOf(session.user),
    scope: { view },
    group: `${view}:${[...session.user.tiers].sort().join(',')}`,
    recent: createRecentRows(),
    list: null,
    arrived: [],
    timer: undefined,
    reading: false,
    busy: false,
    stream: stampedStream({
      url,
      token: () => token,
      onEvent: (event: ServiceEvent, arrivedAt: number) => {
        // The service's clock and ours are the machine's (whole milliseconds both).
        const ms = arrivedAt - event.at;
        const inConsole = Date.now() - event.at;
        latencies.push(ms);
        handled.push(inConsole);
        const seen = perEvent.get(event.seq);
        if (seen === undefined) perEvent.set(event.seq, [event.at, ms, inConsole, 1]);
        else {
          seen[1] = Math.max(seen[1], ms);
          seen[2] = Math.max(seen[2], inConsole);
          seen[3]++;
        }
        c.recent.record(event);
        // A new support calendar, new internal targets, a restored outage: the renderer reads its lists again.
        if (rereadsLists(event)) {
          eventRefetches++;
          void refetch(c);
          return;
        }
        if (event.ticket === null) return;
        c.arrived.push(event.ticket);
        c.timer ??= setTimeout(() => place(c), LIST_COALESCE_MS);
      },
      onState: (state) => {
        if (state.status === 'online' && !online) {
          online = true;
          // Coming back online, the renderer reads every list again (the first connect precedes the load itself).
          if (connected) {
            reconnects++;
            void refetch(c);
          }
          connected = true;
          live();
        } else if (state.status !== 'online') online = false;
      },
    }),
  };
  c.stream.start();
  // The view is read once the stream is live (the renderer reads its lists again when it goes online), so no event falls between.
  await isLive;
  return c;
}

const consoles: SimConsole[] = [];
let nextIndex = 0;
await Promise.all(Array.from({ length: input.loadConcurrency }, async () => {
  for (let i = nextIndex++; i < input.consoles.length; i = nextIndex++) {
    const spec = input.consoles[i];
    if (spec === undefined) continue;
    const c = await open(spec.login, spec.url);
    consoles.push(c);
    await refetch(c);
  }
}));
const views: Record<string, number> = {};
for (const c of consoles) views[c.group] = (views[c.group] ?? 0) + 1;
// Only the burst counts: what arrived while the consoles signed in is not measured.
const gc = { count: 0, maxMs: 0, totalMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count += 1;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
    gc.totalMs += e.duration;
  }
}).observe({ entryTypes: ['gc'] });
latencies.length = 0;
handled.length = 0;
perEvent.clear();
parentPort?.postMessage({ type: 'ready', rows: consoles.reduce((n, c) => n + (c.list?.tickets.length ?? 0), 0), views } satisfies FromConsoles);

/** The rows a fresh fetch has within the part of the view this list holds (a partly loaded view ends at its cursor). */
function within(fresh: readonly TicketSummary[], list: LiveList): readonly TicketSummary[] {
  if (list.next === null) return fresh;
  const boundary = parseCursor(list.next);
  if (boundary === null) return fresh;
  return fresh.filter((t) => compareQueueKeys(queueKeyOf(t), boundary) <= 0);
}

parentPort?.on('message', (m: ToConsoles) => {
  if (m.type !== 'settle') return;
  void (async () => {
    // Until every console has the last event and has placed it (or 30 s pass).
    const until = Date.now() + 30_000;
    const settled = (c: SimConsole): boolean => c.stream.state.lastSeq >= m.head && c.timer === undefined && !c.busy && c.list !== null;
    while (Date.now() < until && !consoles.every(settled)) await new Promise((r) => setTimeout(r, 20));
    const unsettled = consoles.filter((c) => !settled(c)).length;
    for (const c of consoles) c.stream.stop();
    // One fresh fetch per distinct view (agents of the same tiers are answered the same rows), the whole view.
    const fresh = new Map<string, readonly TicketSummary[]>();
    for (const c of consoles) {
      if (fresh.has(c.group)) continue;
      fresh.set(c.group, (await loadView((q) => c.api.queue(q), c.scope, c.viewer, createRecentRows(), { pageSize: QUEUE_PAGE, max: 1_000_000 })).tickets);
    }
    const mismatches: { login: string; view: string; difference: RowsDifference }[] = [];
    for (const c of consoles) {
      const list = c.list ?? { tickets: [], next: null };
      const difference = compareRows(list.tickets, within(fresh.get(c.group) ?? [], list));
      if (difference !== null) mismatches.push({ login: c.login, view: c.group, difference });
    }
    parentPort?.postMessage({
      type: 'report',
      latencies: Float64Array.from(latencies),
      handled: Float64Array.from(handled),
      perEvent: [...perEvent].map(([seq, [at, max, maxHandled, n]]) => [seq, at, max, maxHandled, n] as const),
      eventRefetches,
      reconnects,
      patches,
      mismatches,
      compared: consoles.length,
      unsettled,
      gc: { count: gc.count, maxMs: Math.round(gc.maxMs * 10) / 10, totalMs: Math.round(gc.totalMs) },
    } satisfies FromConsoles);
  })();
});
