import { createApiClient, sessionStillValid, type ApiClient, type ChangePasswordRequest, type ChangePasswordResponse, type FetchLike, type LoginRequest, type SetupRequest } from '../shared/client/api-client.ts';
import { ApiError } from '../shared/client/api-error.ts';
import { createEventStream, type ConnectionState, type EventStream, type SocketLike } from '../shared/client/event-stream.ts';
import type { SessionInfo } from '../shared/ipc/contract.ts';
import type { ServiceEvent } from '../shared/model/index.ts';
import type { PresenceMessage, PresenceState } from '../shared/presence/index.ts';
import type { TokenStore } from './token-store.ts';

/** What the connection needs from the process around it; all of it injectable for tests. */
export interface ConnectionDeps {
  readonly baseUrl: string;
  readonly tokens: TokenStore;
  readonly fetch: FetchLike;
  readonly openSocket: (url: string) => SocketLike;
  readonly now: () => number;
  readonly schedule: (run: () => void, ms: number) => () => void;
  readonly onEvent: (event: ServiceEvent) => void;
  readonly onState: (state: ConnectionState) => void;
  readonly onSession: (session: SessionInfo | null) => void;
  /** Other agents' presence, from the stream. */
  readonly onPresence?: (message: PresenceMessage) => void;
}

/** The real network and clock of Node 24 (global fetch and WebSocket, timers), for main and tests. */
export const NODE_IO: Pick<ConnectionDeps, 'fetch' | 'openSocket' | 'now' | 'schedule'> = {
  fetch: (url, init) => fetch(url, init),
  openSocket: (url) => new WebSocket(url),
  now: () => Date.now(),
  schedule: (run, ms) => {
    const t = setTimeout(run, ms);
    return () => clearTimeout(t);
  },
};

/** Main's link to the ticket service: the session, the HTTP client and the live event stream. */
export interface Connection {
  readonly api: ApiClient;
  session(): SessionInfo | null;
  /** Signs in again with the saved token, if it is still valid. */
  restore(): Promise<SessionInfo | null>;
  login(credentials: LoginRequest): Promise<SessionInfo>;
  /** The first start (POST /api/v1/setup): signs the new admin in, as login does. */
  setup(request: SetupRequest): Promise<SessionInfo>;
  /** Changes the own password; the session as it now is (no change required any more). */
  changePassword(request: ChangePasswordRequest): Promise<ChangePasswordResponse & { readonly session: SessionInfo }>;
  logout(): Promise<void>;
  state(): ConnectionState;
  /** What this agent has open: kept and sent on the event stream (agents only; a customer's console sends none). */
  setPresence(presence: PresenceState): void;
  close(): void;
}

/** Opens a connection; the event stream runs while someone is signed in. */
export function createConnection(deps: ConnectionDeps): Connection {
  let session: SessionInfo | null = null;
  let stream: EventStream | null = null;
  let lastState: ConnectionState = { status: 'offline', lastSeq: 0, retryAt: null };
  // Kept across stream restarts (a new sign-in starts from nothing open).
  let presence: PresenceState = { ticketId: null, typing: false };
  const api = createApiClient({ baseUrl: deps.baseUrl, token: () => deps.tokens.get(), fetch: deps.fetch });

  const setSession = (next: SessionInfo | null): void => {
    session = next;
    deps.onSession(next);
  };

  const startStream = (): void => {
    stream?.stop();
    stream = createEventStream({
      baseUrl: deps.baseUrl,
      token: () => deps.tokens.get(),
      openSocket: deps.openSocket,
      now: deps.now,
      schedule: deps.schedule,
      // A restart of the stream resumes where the last one stopped: no event twice, none lost.
      since: lastState.lastSeq,
      onEvent: deps.onEvent,
      onPresence: deps.onPresence,
      onState: (state) => {
        lastState = state;
        deps.onState(state);
        if (state.status === 'unauthorized') {
          deps.tokens.clear();
          setSession(null);
        }
      },
      sessionValid: () => sessionStillValid(api),
    });
    stream.start();
    stream.setPresence(presence);
  };

  // A temporary password opens no stream (the service refuses it until the password is changed).
  const startStreamIfAllowed = (): void => {
    if (session !== null && !session.mustChangePassword) startStream();
  };

  /** A new token (from a login or the first start): kept, the session set, the stream started. */
  const signedIn = (created: SessionInfo & { readonly token: string }): SessionInfo => {
    deps.tokens.set(created.token);
    const info: SessionInfo = { user: created.user, expiresAt: created.expiresAt, mustChangePassword: created.mustChangePassword };
    setSession(info);
    startStreamIfAllowed();
    return info;
  };

  const stopStream = (): void => {
    stream?.stop();
    stream = null;
    presence = { ticketId: null, typing: false };
  };

  return {
    api,
    session: () => session,
    async restore() {
      if (deps.tokens.get() === null) return null;
      try {
        setSession(await api.me());
        startStreamIfAllowed();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) deps.tokens.clear();
        else throw error;
      }
      return session;
    },
    async login(credentials) {
      return signedIn(await api.login(credentials));
    },
    async setup(request) {
      // Setup signs the new admin in, as a login does.
      return signedIn(await api.setup(request));
    },
    async changePassword(request) {
      const changed = await api.changePassword(request);
      const next = await api.me();
      setSession(next);
      if (stream === null) startStreamIfAllowed();
      return { ...changed, session: next };
    },
    async logout() {
      stopStream();
      try {
        await api.logout();
      } catch (error) {
        // The token is dropped locally whatever the service says; a dead token is already out.
        if (!(error instanceof ApiError)) throw error;
      } finally {
        deps.tokens.clear();
        setSession(null);
      }
    },
    state: () => lastState,
    setPresence(next) {
      if (session?.user.kind !== 'agent') return;
      presence = next;
      stream?.setPresence(next);
    },
    close: stopStream,
  };
}
