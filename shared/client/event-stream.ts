import { presenceSchema, presenceSnapshotSchema, serviceEventSchema, streamResetSchema } from '../api/index.ts';
import { backoffDelay, type Backoff } from '../backoff.ts';
import type { ServiceEvent } from '../model/index.ts';
import { PRESENCE_REFRESH_MS, type PresenceMessage, type PresenceState } from '../presence/index.ts';

// Method syntax makes the handler parameter bivariant, so DOM's and Node's WebSocket both fit.
type Handler<E> = { handle(event: E): void }['handle'];

/** The part of a WebSocket the stream needs; Node 24's global WebSocket and browsers' fit. */
export interface SocketLike {
  onopen: Handler<never> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<never> | null;
  close(code?: number, reason?: string): void;
  send(data: string): void;
}

/** Where the connection to the ticket service stands. */
export interface ConnectionState {
  readonly status: 'connecting' | 'online' | 'offline' | 'unauthorized';
  /** The last event received: a reconnect resumes after it. */
  readonly lastSeq: number;
  /** When the next attempt starts, while offline. */
  readonly retryAt: number | null;
}

/** What the stream needs from its host (main or the web bridge); all time comes from here. */
export interface EventStreamOptions {
  /** http(s) base URL of the ticket service. */
  readonly baseUrl: string;
  readonly token: () => string | null;
  readonly openSocket: (url: string) => SocketLike;
  readonly now: () => number;
  readonly schedule: (run: () => void, ms: number) => () => void;
  readonly onEvent: (event: ServiceEvent) => void;
  readonly onState: (state: ConnectionState) => void;
  /** Presence of other agents (agents' streams only): a change on one ticket, or the snapshot when the stream goes live. */
  readonly onPresence?: (message: PresenceMessage) => void;
  /** Asked when a connection fails before opening: false means the session is gone (no retry). */
  readonly sessionValid?: () => Promise<boolean>;
  /** Resume after this sequence number (events at or before it are not delivered). */
  readonly since?: number;
  /** The random source of the reconnect jitter, [0, 1); default Math.random. */
  readonly random?: () => number;
}

/** A live event stream that reconnects by itself and replays what it missed (`?since=`). */
export interface EventStream {
  start(): void;
  stop(): void;
  /**
   * What this console has open (agents): sent now if connected, again on every reconnect and every
   * PRESENCE_REFRESH_MS while a ticket is open, so the service keeps it (and drops it when we go).
   */
  setPresence(presence: PresenceState): void;
  readonly state: ConnectionState;
}

/** Reconnect delays: a uniform draw up to 0.5 s, 1 s, 2 s... at most 15 s, so consoles return spread out after a restart. */
export const RECONNECT_BACKOFF: Backoff = { baseMs: 500, capMs: 15_000 };

/** Connects to /api/v1/events; each event is delivered once, in sequence order, across reconnects. */
export function createEventStream(options: EventStreamOptions): EventStream {
  let state: ConnectionState = { status: 'offline', lastSeq: options.since ?? 0, retryAt: null };
  let socket: SocketLike | null = null;
  let cancelRetry: (() => void) | null = null;
  let failures = 0;
  let running = false;
  let presence: PresenceState = { ticketId: null, typing: false };
  let cancelRefresh: (() => void) | null = null;
  let live: SocketLike | null = null;

  // Sends what we have open on the open socket, and keeps it fresh while a ticket is open.
  const sendPresence = (): void => {
    cancelRefresh?.();
    cancelRefresh = null;
    const s = live;
    if (s === null) return;
    s.send(JSON.stringify({ type: 'presence', ticketId: presence.ticketId, typing: presence.typing }));
    if (presence.ticketId !== null) cancelRefresh = options.schedule(sendPresence, PRESENCE_REFRESH_MS);
  };

  const setState = (next: Partial<ConnectionState>): void => {
    state = { ...state, ...next };
    options.onState(state);
  };

  const url = (): string => {
    const token = options.token();
    const query = [
      ...(state.lastSeq > 0 ? [`since=${state.lastSeq}`] : []),
      ...(token === null ? [] : [`token=${encodeURIComponent(token)}`]),
    ];
    return `${options.baseUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}/api/v1/events${query.length > 0 ? `?${query.join('&')}` : ''}`;
  };

  const retry = async (opened: boolean): Promise<void> => {
    if (!running) return;
    if (!opened && options.sessionValid !== undefined && !(await options.sessionValid().catch(() => true))) {
      running = false;
      setState({ status: 'unauthorized', retryAt: null });
      return;
    }
    const delay = backoffDelay(failures, RECONNECT_BACKOFF, options.random ?? Math.random);
    failures++;
    setState({ status: 'offline', retryAt: options.now() + delay });
    cancelRetry = options.schedule(connect, delay);
  };

  function connect(): void {
    if (!running) return;
    cancelRetry = null;
    setState({ status: 'connecting', retryAt: null });
    let opened = false;
    const s = options.openSocket(url());
    socket = s;
    s.onopen = () => {
      opened = true;
      failures = 0;
      live = s;
      setState({ status: 'online' });
      if (presence.ticketId !== null || presence.typing) sendPresence();
    };
    s.onmessage = ({ data }) => {
      if (typeof data !== 'string') return;
      const message: unknown = JSON.parse(data);
      // Control messages by their type, so an event (nearly every message) is checked once.
      switch (typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined) {
        case 'stream.reset': {
          const reset = streamResetSchema.safeParse(message);
          // The service has nothing after our lastSeq (restored from a backup): continue from its head.
          // Hosts refetch their views on every (re)connect already, so they need no signal of their own.
          if (reset.success) setState({ lastSeq: reset.data.seq });
          return;
        }
        case 'presence': {
          const other = presenceSchema.safeParse(message);
          if (other.success) options.onPresence?.(other.data);
          return;
        }
        case 'presence.snapshot': {
          const snapshot = presenceSnapshotSchema.safeParse(message);
          if (snapshot.success) options.onPresence?.(snapshot.data);
          return;
        }
      }
      const parsed = serviceEventSchema.safeParse(message);
      // Markers such as {type: 'stream.live'} are not events.
      if (!parsed.success || parsed.data.seq <= state.lastSeq) return;
      state = { ...state, lastSeq: parsed.data.seq };
      options.onEvent(parsed.data);
    };
    s.onerror = () => {};
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      live = null;
      cancelRefresh?.();
      cancelRefresh = null;
      void retry(opened);
    };
  }

  return {
    start() {
      if (running) return;
      running = true;
      connect();
    },
    stop() {
      running = false;
      cancelRetry?.();
      cancelRetry = null;
      const s = socket;
      socket = null;
      live = null;
      cancelRefresh?.();
      cancelRefresh = null;
      s?.close(1000, 'client stopped');
      setState({ status: 'offline', retryAt: null });
    },
    setPresence(next) {
      if (next.ticketId === presence.ticketId && next.typing === presence.typing) return;
      presence = { ticketId: next.ticketId, typing: next.ticketId !== null && next.typing };
      sendPresence();
    },
    get state() {
      return state;
    },
  };
}
