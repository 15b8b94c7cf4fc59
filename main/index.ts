// The desktop shell: lifecycle and wiring. Everything with logic lives in the modules it imports.
import { app, dialog, Menu, nativeImage, Notification, protocol, safeStorage, session, shell, Tray, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import Store from 'electron-store';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { measureClockOffset } from '../shared/client/clock-offset.ts';
import type { AppInfo } from '../shared/ipc/contract.ts';
import { attentionCounts } from '../shared/notifications/attention.ts';
import { viewerOf } from '../shared/tickets/live-list.ts';
import { createTrayRows } from './tray-rows.ts';
import { decideNotification, openPagesForMe, type NotificationDecision } from '../shared/notifications/decide.ts';
import { missedPageNotifications } from '../shared/notifications/missed-pages.ts';
import { defaultSettings } from '../shared/settings.ts';
import { CONSOLE_CSP } from '../shared/csp.ts';
import { APP_SCHEME, resolveAppAsset } from './app-protocol.ts';
import { createConnection, NODE_IO } from './connection.ts';
import { startEmbeddedService, type EmbeddedService } from './embedded-service.ts';
import { reportFatal } from './fatal.ts';
import { registerInvokeHandlers, sendEvent } from './ipc.ts';
import { showNotification } from './notifier.ts';
import { hardenContents, hardenSession } from './security.ts';
import { createSessionGate } from './session-gate.ts';
import { createSettingsStore, createWorkspaceStore } from './settings-store.ts';
import { createTokenStore } from './token-store.ts';
import { trayMenu } from './tray-menu.ts';
import { trayStatus } from './tray-status.ts';
import { createMainWindow, focusWindow } from './window.ts';
import { switchWorkspace } from './workspace.ts';

// Before `ready`: the renderer's scheme must be privileged, and the sandbox on for every renderer.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
app.setAppUserModelId('app.dutydesk.console');

async function main(): Promise<void> {
  let window: BrowserWindow | null = null;
  let quitting = false;
  let embedded: EmbeddedService | null = null;
  // The service's clock minus ours, so tray counts agree with the service's deadlines.
  let clockOffset = 0;
  app.on('second-instance', () => window && focusWindow(window));
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url)));
  app.on('before-quit', () => {
    quitting = true;
  });

  await app.whenReady();
  hardenSession(session.defaultSession);
  const rendererRoot = join(app.getAppPath(), 'out/renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(request.url, rendererRoot);
    if (asset === null) return new Response('Not found', { status: 404 });
    const body = await readFile(asset.path).catch(() => null);
    if (body === null) return new Response('Not found', { status: 404 });
    return new Response(body, { headers: { 'content-type': asset.type, 'content-security-policy': CONSOLE_CSP } });
  });

  const store = new Store<Record<string, unknown>>({ name: 'dutydesk' });
  // Until the agent chooses, the console speaks the OS's language where support speaks it.
  const settings = createSettingsStore(store, Date.now, console.warn, defaultSettings(app.getPreferredSystemLanguages()));
  const tokens = createTokenStore(safeStorage, store);
  const workspaces = createWorkspaceStore(store);
  const configured = settings.get().serverUrl;
  if (configured === null) embedded = await startEmbeddedService(app.getPath('userData'), process.env.DUTYDESK_CLOCK, workspaces.get());
  // The own workspace's code goes to the log as the service's CLI prints it; the setup screen shows it too (setup:status).
  const setupCode = embedded?.setupCode ?? null;
  if (setupCode !== null) console.log(`DutyDesk: the own workspace is not set up yet; setup code ${setupCode}`);
  const baseUrl = configured ?? embedded?.url ?? '';

  const icon = join(app.getAppPath(), 'resources/icon.png');
  window = createMainWindow({
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    icon,
    show: !settings.get().startMinimized,
    isQuitting: () => quitting,
    onLoadFailed: fatal,
  });
  // The renderer logs its render errors to its console (renderer/errors/report.ts); keep them in main's log too.
  window.webContents.on('console-message', (details) => {
    if (details.level === 'error') console.error(`renderer: ${details.message} (${details.sourceId}:${details.lineNumber})`);
  });
  const contents = () => (window === null || window.isDestroyed() ? null : window.webContents);
  const openTicket = (id: number) => {
    if (window === null) return;
    focusWindow(window);
    sendEvent(contents(), 'ticket:open', { id });
  };

  const notify = (decision: NotificationDecision): void => {
    const current = settings.get();
    showNotification(decision, {
      language: current.language,
      sound: current.sound,
      factory: { isSupported: () => Notification.isSupported(), create: (o) => new Notification(o) },
      onClick: openTicket,
    });
  };

  const trayRows = createTrayRows({ queue: (query) => connection.api.queue(query) });
  const tray = new Tray(nativeImage.createFromPath(join(app.getAppPath(), 'resources/tray.png')));
  tray.on('click', () => window && focusWindow(window));
  const refreshTray = async (): Promise<void> => {
    const me = connection.session()?.user;
    const language = settings.get().language;
    const counts = me?.kind === 'agent' ? attentionCounts(await trayRows.rows(viewerOf(me)).catch(() => []), me, Date.now() + clockOffset) : { breached: 0, atRisk: 0 };
    const status = trayStatus(counts, language);
    tray.setToolTip(status.tooltip);
    const pages = me?.kind === 'agent' ? openPagesForMe(await connection.api.pages('open').catch(() => []), me) : [];
    const tickets = await Promise.all(pages.map((p) => connection.api.getTicket(p.ticketId).then((d) => [d.ticket.id, d.ticket.number] as const, () => null)));
    const items = trayMenu(pages, new Map(tickets.filter((t) => t !== null)), me?.kind === 'agent' ? me : null, language);
    tray.setContextMenu(Menu.buildFromTemplate(items.map((item): MenuItemConstructorOptions => {
      switch (item.kind) {
        case 'separator': return { type: 'separator' };
        case 'open': return { label: item.label, click: () => window && focusWindow(window) };
        case 'quit': return { label: item.label, click: () => app.quit() };
        // Acknowledge, then open the ticket whatever the answer (someone may have acknowledged it first).
        case 'ack': return { label: item.label, click: () => void connection.api.ackPage(item.pageId).catch((e: unknown) => console.error('DutyDesk: acknowledge from the tray failed', e)).finally(() => { openTicket(item.ticketId); scheduleTray(); }) };
      }
    })));
    window?.setTitle(status.title);
    app.setBadgeCount(status.badge);
  };
  let trayTimer: NodeJS.Timeout | undefined;
  const scheduleTray = (): void => {
    clearTimeout(trayTimer);
    trayTimer = setTimeout(() => void refreshTray(), 500);
  };
  setInterval(scheduleTray, 30_000).unref();

  const connection = createConnection({
    baseUrl,
    tokens,
    ...NODE_IO,
    onEvent: (event) => {
      sendEvent(contents(), 'service:event', event);
      trayRows.onEvent(event);
      const me = connection.session()?.user;
      const current = settings.get();
      const decision = me?.kind === 'agent' ? decideNotification(event, me, current) : null;
      if (decision !== null) notify(decision);
      // Every event refreshes the tray: counts, and the open pages (page.*) it lists.
      scheduleTray();
    },
    onState: (state) => {
      sendEvent(contents(), 'connection:changed', state);
      if (state.status === 'online') {
        trayRows.reset();
        void measureClockOffset(async () => (await connection.api.clock()).now, Date.now).then((o) => (clockOffset = o), () => undefined);
        scheduleTray();
      }
    },
    onPresence: (message) => sendEvent(contents(), 'presence:changed', message),
    onSession: (s) => {
      sendEvent(contents(), 'session:changed', s);
      trayRows.reset();
      // Pages that came while the console was closed are shown once at sign-in.
      if (s?.user.kind === 'agent') void missedPageNotifications(connection.api, s.user, settings.get()).then((ds) => ds.forEach(notify), () => undefined);
      scheduleTray();
    },
  });

  // The saved session is restored on the renderer's first ask, and asked again while the service is unreachable.
  const sessionGate = createSessionGate(connection);
  const info: AppInfo = {
    version: app.getVersion(),
    mode: 'desktop',
    serverUrl: baseUrl,
    embedded: embedded !== null,
    demoLogins: embedded?.demoLogins ?? [],
    workspace: embedded?.workspace ?? null,
  };
  registerInvokeHandlers({
    'app:info': () => info,
    'session:get': () => sessionGate.get(),
    'session:login': (credentials) => connection.login(credentials),
    'setup:status': async () => {
      const service = await connection.api.info();
      // The person at this computer owns the embedded service: its code is theirs to see.
      return { waiting: service.setup, organization: service.organization, code: service.setup ? (embedded?.setupCode ?? null) : null };
    },
    'setup:complete': (request) => connection.setup(request),
    'workspace:switch': ({ workspace }) =>
      switchWorkspace(workspace, {
        current: embedded?.workspace ?? null,
        workspaces,
        tokens,
        restart: () => {
          app.relaunch();
          app.quit();
        },
      }),
    'session:logout': async () => {
      await connection.logout();
      return null;
    },
    'session:changePassword': (request) => connection.changePassword(request),
    'session:others': () => connection.api.otherSessions(),
    'session:endOthers': async (arg) => {
      if (arg === undefined) return connection.api.endOtherSessions();
      await connection.api.endOtherSession(arg.id);
      return { ended: 1 };
    },
    'clock:get': () => connection.api.clock(),
    'tickets:list': (query) => connection.api.listTickets(query),
    'tickets:queue': (query) => connection.api.queue(query),
    'tickets:get': ({ id }) => connection.api.getTicket(id),
    'tickets:command': (command) => connection.api.command(command),
    'tickets:create': (request) => connection.api.createTicket(request),
    'agents:list': () => connection.api.agents(),
    'oncall:now': () => connection.api.onCall(),
    'oncall:overrides': (range) => connection.api.overrides(range ?? {}),
    'oncall:addOverride': (request) => connection.api.addOverride(request),
    'oncall:removeOverride': async ({ id }) => {
      await connection.api.removeOverride(id);
      return null;
    },
    'pages:list': (query) => connection.api.pages(query?.state),
    'pages:ack': ({ id }) => connection.api.ackPage(id),
    'outages:list': (query) => connection.api.outages(query ?? {}),
    'outages:get': ({ id }) => connection.api.outage(id),
    'outages:command': (command) => connection.api.outageCommand(command),
    'availability:get': (query) => connection.api.availability(query?.year),
    'calendar:get': () => connection.api.calendar(),
    'calendar:set': (config) => connection.api.setCalendar(config),
    'admin:agents': (query) => connection.api.adminAgents(query?.state),
    'admin:clients': () => connection.api.adminClients(),
    'admin:customers': ({ clientId, state }) => connection.api.adminCustomers(clientId, state),
    'admin:audit': (filter) => connection.api.adminAudit(filter),
    'admin:telegram': () => connection.api.adminTelegram(),
    'canned:list': (filter) => connection.api.cannedReplies(filter),
    'canned:command': (command) => connection.api.cannedCommand(command),
    'ola:targets': () => connection.api.olaTargets(),
    'ola:setTargets': ({ targets }) => connection.api.setOlaTargets(targets),
    'ola:report': ({ from, to }) => connection.api.olaReport(from, to),
    'admin:command': (command) => connection.api.adminCommand(command),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => {
      const before = settings.get();
      const next = settings.update(patch);
      sendEvent(contents(), 'settings:changed', next);
      scheduleTray();
      // Another service means another session and event stream: start afresh.
      if (next.serverUrl !== before.serverUrl) {
        tokens.clear();
        app.relaunch();
        app.quit();
      }
      return next;
    },
    'presence:set': (presence) => {
      connection.setPresence(presence);
      return null;
    },
  });

  app.on('will-quit', () => {
    connection.close();
    void embedded?.close();
  });
  // Start restoring now (the renderer's session:get shares this attempt); a failure is the renderer's to show and retry.
  sessionGate.get().catch((error: unknown) => console.error('DutyDesk: the saved session could not be restored yet', error));
}

/** Logs, says so in a dialog and quits: main never hangs half-started. */
function fatal(error: unknown): void {
  reportFatal(error, {
    log: (message, e) => console.error(message, e),
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    exit: (code) => app.exit(code),
  });
}

process.on('unhandledRejection', (reason) => console.error('DutyDesk: unhandled rejection in main', reason));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  await main().catch(fatal);
}
