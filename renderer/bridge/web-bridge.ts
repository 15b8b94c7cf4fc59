import { adminAuditFilterSchema, changePasswordRequestSchema, createOverrideRequestSchema, createTicketRequestSchema, infoResponseSchema, presenceUpdateSchema, setupRequestSchema } from '../../shared/api/index.ts';
import { adminCommandSchema } from '../../shared/client/admin-command.ts';
import { cannedCommandSchema, cannedListArgsSchema } from '../../shared/client/canned-command.ts';
import type { Bridge } from '../../shared/ipc/bridge.ts';
import type { AppInfo, DemoLogin, EventChannel, EventPayloads, InvokeArg, InvokeChannel, InvokeResults, SessionInfo } from '../../shared/ipc/contract.ts';
import { createApiClient, sessionStillValid, type ApiClient, type FetchLike } from '../../shared/client/api-client.ts';
import { ApiError } from '../../shared/client/api-error.ts';
import { createEventStream, type ConnectionState, type EventStream, type SocketLike } from '../../shared/client/event-stream.ts';
import { outageCommandSchema } from '../../shared/client/outage-command.ts';
import { ticketCommandSchema } from '../../shared/client/ticket-command.ts';
import type { Agent, ServiceEvent } from '../../shared/model/index.ts';
import { decideNotification, type NotificationDecision } from '../../shared/notifications/decide.ts';
import { missedPageNotifications } from '../../shared/notifications/missed-pages.ts';
import { notificationText } from '../../shared/i18n/index.ts';
import { applySettingsPatch, defaultSettings, settingsPatchSchema, settingsSchema, withDefaults, type Settings } from '../../shared/settings.ts';

const TOKEN_KEY = 'dutydesk.token';
const SETTINGS_KEY = 'dutydesk.settings';

/** The Web Notifications API as far as the bridge uses it (absent in some browsers and in jsdom). */
export interface WebNotifications {
  permission(): NotificationPermission;
  request(): Promise<NotificationPermission>;
  show(title: string, options: { body: string; tag: string; silent: boolean; requireInteraction: boolean }, onClick: () => void): void;
}

/** What the web bridge needs from the browser; tests pass fakes, production passes the window's. */
export interface WebBridgeEnv {
  readonly baseUrl: string;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly fetch: FetchLike;
  readonly openSocket: (url: string) => SocketLike;
  readonly notifications: WebNotifications | null;
  readonly focusWindow: () => void;
  readonly now: () => number;
  /** The browser's preferred languages (`navigator.languages`): the console's language until the agent chooses one. */
  readonly languages: readonly string[];
  readonly schedule: (run: () => void, ms: number) => () => void;
}

/** The browser's own environment. */
export function browserEnv(): WebBridgeEnv {
  const hasNotifications = typeof Notification !== 'undefined';
  return {
    baseUrl: location.origin,
    storage: localStorage,
    fetch: (url, init) => fetch(url, init),
    openSocket: (url) => new WebSocket(url),
    notifications: hasNotifications
      ? {
          permission: () => Notification.permission,
          request: () => Notification.requestPermission(),
          show(title, options, onClick) {
            const n = new Notification(title, options);
            n.onclick = () => {
              onClick();
              n.close();
            };
          },
        }
      : null,
    focusWindow: () => window.focus(),
    now: () => Date.now(),
    languages: navigator.languages,
    schedule: (run, ms) => {
      const id = setTimeout(run, ms);
      return () => clearTimeout(id);
    },
  };
}

type Listeners = { [E in EventChannel]: Set<(payload: EventPayloads[E]) => void> };

/**
 * The Bridge of the browser console: the same surface as the desktop preload, over the service's
 * HTTP API and WebSocket event stream (same origin), with settings and the token in localStorage
 * and the Web Notifications API for notifications.
 */
export function createWebBridge(env: WebBridgeEnv): Bridge & { dispose(): void } {
  const listeners: Listeners = {
    'service:event': new Set(),
    'connection:changed': new Set(),
    'ticket:open': new Set(),
    'settings:changed': new Set(),
    'session:changed': new Set(),
    'presence:changed': new Set(),
  };
  const emit = <E extends EventChannel>(channel: E, payload: EventPayloads[E]): void => {
    for (const l of listeners[channel]) (l as (p: EventPayloads[E]) => void)(payload);
  };

  const token = (): string | null => env.storage.getItem(TOKEN_KEY);
  const api: ApiClient = createApiClient({ baseUrl: env.baseUrl, token, fetch: env.fetch });

  let me: Agent | null = null;
  let stream: EventStream | null = null;
  let connection: ConnectionState = { status: 'offline', lastSeq: 0, retryAt: null };

  const defaults = defaultSettings(env.languages);
  const readSettings = (): Settings => {
    const raw = env.storage.getItem(SETTINGS_KEY);
    if (raw === null) return defaults;
    try {
      const parsed = settingsSchema.safeParse(withDefaults(JSON.parse(raw)));
      return parsed.success ? parsed.data : defaults;
    } catch {
      return defaults;
    }
  };

  const canNotify = (): boolean => env.notifications !== null && env.notifications.permission() === 'granted';
  // A page stays until the agent acts (requireInteraction) and always sounds: it must wake someone.
  const show = (decision: NotificationDecision, tag: string, settings: Settings): void => {
    const { title, body } = notificationText(settings.language, decision);
    env.notifications?.show(title, { body, tag, silent: decision.urgent ? false : !settings.sound, requireInteraction: decision.urgent }, () => {
      env.focusWindow();
      emit('ticket:open', { id: decision.ticketId });
    });
  };

  const notify = (event: ServiceEvent): void => {
    if (me === null || !canNotify()) return;
    const settings = readSettings();
    const decision = decideNotification(event, me, settings);
    if (decision !== null) show(decision, `dutydesk-${event.seq}`, settings);
  };

  // Pages that came while the console was closed, shown once when the session starts.
  const notifyMissedPages = async (agent: Agent): Promise<void> => {
    if (!canNotify()) return;
    const settings = readSettings();
    for (const decision of await missedPageNotifications(api, agent, settings)) show(decision, `dutydesk-page-${decision.ticketId}`, settings);
  };

  const signedOut = (): void => {
    stream?.stop();
    stream = null;
    me = null;
    env.storage.removeItem(TOKEN_KEY);
    emit('session:changed', null);
  };

  const startStream = (session: SessionInfo): void => {
    me = session.user.kind === 'agent' ? session.user : null;
    // A temporary password opens no stream (the service refuses it until the password is changed).
    if (stream !== null || session.mustChangePassword) return;
    if (me !== null) void notifyMissedPages(me).catch(() => undefined);
    stream = createEventStream({
      baseUrl: env.baseUrl,
      token,
      openSocket: env.openSocket,
      now: env.now,
      schedule: env.schedule,
      onEvent: (event) => {
        emit('service:event', event);
        notify(event);
      },
      onPresence: (message) => emit('presence:changed', message),
      onState: (state) => {
        connection = state;
        emit('connection:changed', state);
        if (state.status === 'unauthorized') signedOut();
      },
      sessionValid: () => sessionStillValid(api),
    });
    stream.start();
  };

  const appInfo = async (): Promise<AppInfo> => {
    let demoLogins: readonly DemoLogin[] = [];
    let version = 'browser';
    try {
      const response = await env.fetch(`${env.baseUrl}/api/v1/info`, { method: 'GET', headers: { accept: 'application/json' } });
      if (response.ok) {
        const info = infoResponseSchema.safeParse(JSON.parse(await response.text()));
        if (info.success) {
          if (info.data.demo) demoLogins = info.data.demoLogins;
          version = info.data.version;
        }
      }
    } catch {
      // An older service without /api/v1/info: no demo logins to offer.
    }
    return { version, mode: 'browser', serverUrl: env.baseUrl, embedded: false, demoLogins, workspace: null };
  };

  const handlers: { [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeResults[C]> } = {
    'app:info': appInfo,
    'session:get': async () => {
      if (token() === null) return null;
      try {
        const session = await api.me();
        startStream(session);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          env.storage.removeItem(TOKEN_KEY);
          return null;
        }
        throw error;
      }
    },
    'session:login': async (credentials) => {
      // Asked here because browsers grant the prompt only during a user gesture such as signing in.
      if (env.notifications !== null && env.notifications.permission() === 'default') void env.notifications.request().catch(() => 'denied');
      const session = await api.login(credentials);
      env.storage.setItem(TOKEN_KEY, session.token);
      const info: SessionInfo = { user: session.user, expiresAt: session.expiresAt, mustChangePassword: session.mustChangePassword };
      startStream(info);
      emit('session:changed', info);
      return info;
    },
    'setup:status': async () => {
      const info = await api.info();
      // The browser cannot know the code: the person reads it from the service's log.
      return { waiting: info.setup, organization: info.organization, code: null };
    },
    'setup:complete': async (request) => {
      const parsed = setupRequestSchema.safeParse(request);
      if (!parsed.success) throw ApiError.badRequest(parsed.error);
      const session = await api.setup(parsed.data);
      env.storage.setItem(TOKEN_KEY, session.token);
      const info: SessionInfo = { user: session.user, expiresAt: session.expiresAt, mustChangePassword: session.mustChangePassword };
      startStream(info);
      emit('session:changed', info);
      return info;
    },
    'workspace:switch': () => Promise.reject(new ApiError(400, 'bad_request', 'workspaces are a feature of the desktop app: the browser console talks to the service that served it')),
    'session:logout': async () => {
      try {
        if (token() !== null) await api.logout();
      } catch {
        // The token may already have expired: signing out locally is what matters.
      }
      signedOut();
      return null;
    },
    'session:changePassword': async (request) => {
      const parsed = changePasswordRequestSchema.safeParse(request);
      if (!parsed.success) throw ApiError.badRequest(parsed.error);
      const changed = await api.changePassword(parsed.data);
      const session = await api.me();
      startStream(session);
      emit('session:changed', session);
      return { ...changed, session };
    },
    'session:others': () => api.otherSessions(),
    'session:endOthers': async (arg) => {
      if (arg === undefined) return api.endOtherSessions();
      await api.endOtherSession(arg.id);
      return { ended: 1 };
    },
    'clock:get': () => api.clock(),
    'tickets:list': (query) => api.listTickets(query ?? {}),
    'tickets:queue': (query) => api.queue(query ?? {}),
    'tickets:get': ({ id }) => api.getTicket(id),
    'tickets:command': (command) => {
      const parsed = ticketCommandSchema.safeParse(command);
      return parsed.success ? api.command(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'tickets:create': (request) => {
      const parsed = createTicketRequestSchema.safeParse(request);
      return parsed.success ? api.createTicket(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'agents:list': () => api.agents(),
    'oncall:now': () => api.onCall(),
    'oncall:overrides': (range) => api.overrides(range ?? {}),
    'oncall:addOverride': (request) => {
      const parsed = createOverrideRequestSchema.safeParse(request);
      return parsed.success ? api.addOverride(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'oncall:removeOverride': async ({ id }) => {
      await api.removeOverride(id);
      return null;
    },
    'pages:list': (query) => api.pages(query?.state),
    'pages:ack': ({ id }) => api.ackPage(id),
    'outages:list': (query) => api.outages(query ?? {}),
    'outages:get': ({ id }) => api.outage(id),
    'outages:command': (command) => {
      const parsed = outageCommandSchema.safeParse(command);
      return parsed.success ? api.outageCommand(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'availability:get': (query) => api.availability(query?.year),
    'calendar:get': () => api.calendar(),
    // The service checks the calendar and says what is wrong with it.
    'calendar:set': (config) => api.setCalendar(config),
    'admin:agents': (query) => api.adminAgents(query?.state),
    'admin:clients': () => api.adminClients(),
    'admin:customers': ({ clientId, state }) => api.adminCustomers(clientId, state),
    'admin:audit': (filter) => {
      const parsed = adminAuditFilterSchema.optional().safeParse(filter);
      return parsed.success ? api.adminAudit(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'admin:telegram': () => api.adminTelegram(),
    'canned:list': (filter) => {
      const parsed = cannedListArgsSchema.safeParse(filter);
      return parsed.success ? api.cannedReplies(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'canned:command': (command) => {
      const parsed = cannedCommandSchema.safeParse(command);
      return parsed.success ? api.cannedCommand(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'ola:targets': () => api.olaTargets(),
    // The service checks the targets and names the field that is wrong.
    'ola:setTargets': ({ targets }) => api.setOlaTargets(targets),
    'ola:report': ({ from, to }) => api.olaReport(from, to),
    'admin:command': (command) => {
      const parsed = adminCommandSchema.safeParse(command);
      return parsed.success ? api.adminCommand(parsed.data) : Promise.reject(ApiError.badRequest(parsed.error));
    },
    'presence:set': async (presence) => {
      const parsed = presenceUpdateSchema.omit({ type: true }).safeParse(presence);
      if (!parsed.success) throw ApiError.badRequest(parsed.error);
      // Customers take no part in presence.
      if (me !== null) stream?.setPresence(parsed.data);
      return null;
    },
    'settings:get': async () => readSettings(),
    'settings:set': async (patch) => {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw ApiError.badRequest(parsed.error);
      const next = applySettingsPatch(readSettings(), parsed.data);
      env.storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      emit('settings:changed', next);
      return next;
    },
  };

  return {
    invoke(channel, arg) {
      return (handlers[channel] as (a: typeof arg) => Promise<InvokeResults[typeof channel]>)(arg);
    },
    on(channel, listener) {
      const set = listeners[channel] as Set<typeof listener>;
      set.add(listener);
      // A late subscriber learns where the connection stands (the desktop sends it on every change).
      if (channel === 'connection:changed' && stream !== null) {
        const current = connection;
        queueMicrotask(() => set.has(listener) && (listener as (p: ConnectionState) => void)(current));
      }
      return () => void set.delete(listener);
    },
    dispose() {
      stream?.stop();
      stream = null;
    },
  };
}
