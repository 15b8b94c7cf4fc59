/** The ticket service: database, commands, events, scheduler and HTTP, wired around one injectable clock. */
import type { FastifyInstance } from 'fastify';
import packageJson from '../package.json' with { type: 'json' };
import { pagingSettings, type PagingSettings } from '../shared/paging/ladder.ts';
import { DEFAULT_CALENDAR_CONFIG, DEFAULT_POLICY, type Calendar, type SlaPolicy } from '../shared/sla/index.ts';
import { createSessions, type Sessions } from './auth/sessions.ts';
import { startDailyBackups, type DailyBackupOptions } from './backup/daily.ts';
import type { BackupSchedule } from './backup/schedule.ts';
import type { Db } from './db/index.ts';
import { createCalendarService, type CalendarService } from './domain/calendar-service.ts';
import { createClientsService, type ClientsService } from './domain/clients-service.ts';
import { createOnCallService, type OnCallService } from './domain/oncall-service.ts';
import { createPeopleService, type PeopleService } from './domain/people-service.ts';
import { outageAlarms } from './domain/outage-alarms.ts';
import { createOutageService, type OutageService } from './domain/outage-service.ts';
import { createPaging, type Paging, type WhoIsOnCall } from './domain/paging.ts';
import { createSetupService, type SetupService } from './domain/setup-service.ts';
import { createTelegramService, type TelegramService } from './domain/telegram-service.ts';
import { createCannedService } from './domain/canned-service.ts';
import { createOlaService } from './domain/ola-service.ts';
import { createTicketService, type TicketService } from './domain/ticket-service.ts';
import { createEventHub, type EventHub } from './events/hub.ts';
import { listenForEvents, type PgListener } from './events/pg-listener.ts';
import { createPresence } from './events/presence.ts';
import { createPresencePublisher, readRelayedPresence } from './events/presence-relay.ts';
import { PRESENCE_SWEEP_MS, PRESENCE_TTL_MS } from '../shared/presence/index.ts';
import { buildApp } from './http/app.ts';
import { MAX_SOCKETS_PER_SESSION, MAX_SOCKETS_PER_USER, type SocketLimits } from './http/routes/events.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { telegramEnqueue } from './telegram/enqueue.ts';
import { createTelegramSender, type TelegramConfig, type TelegramSender } from './telegram/sender.ts';

/** The service's version, from package.json. */
export const SERVICE_VERSION: string = packageJson.version;

/** What a service instance is made of. */
export interface ServiceOptions {
  readonly db: Db;
  /** Every "now" of the service; tests pass a fake, production passes nothing (Date.now). */
  readonly now?: () => number;
  /**
   * The support calendar in force while the database stores none (default: DEFAULT_CALENDAR_CONFIG,
   * the SLA's hours without holidays); only its `config` is read. Once an admin has set a calendar
   * (PUT /api/v1/admin/calendar) the stored one, with its history, is in force instead. Tests pass
   * one to run on other hours; every instance on one database must pass the same.
   */
  readonly calendar?: Calendar;
  readonly policy?: SlaPolicy;
  /** How long a login token lives; default 7 days. */
  readonly tokenTtlMs?: number;
  /** Scheduler polling period; 0 disables the timer (tests call scheduler.runDue()). Default 1000. */
  readonly schedulerIntervalMs?: number;
  /** Largest accepted request body in bytes; default 1 MiB. */
  readonly bodyLimit?: number;
  /** Safety-net re-read of the event table on PostgreSQL, in case a NOTIFY is lost; default 5000 (0: off). */
  readonly eventPollMs?: number;
  readonly logger?: boolean;
  /** Runs with demo data: GET /api/v1/info lists the demo logins. */
  readonly demo?: boolean;
  /** What `now` is, as GET /api/v1/info reports it: `demo` for a demo clock (server/demo-clock.ts); default `real`. */
  readonly clock?: 'real' | 'demo';
  /** The built renderer to serve at `/` as the browser console. */
  readonly consoleRoot?: string | null;
  /** How often an open event socket re-checks its session; default 30 s. */
  readonly sessionCheckMs?: number;
  /** Open event sockets per session and per user; default 5 and 20 (MAX_SOCKETS_PER_*). */
  readonly eventSocketLimits?: SocketLimits;
  /** The URL of the LISTEN connection when it must differ from the pool's (a pooler that cannot LISTEN); default the database URL. */
  readonly listenUrl?: string;
  /** Daily backups of the database (server/backup/daily.ts); none when absent. */
  readonly backup?: DailyBackupOptions;
  /**
   * Whether an agent is on the on-call roster at an instant; after hours that lets them act on
   * escalated tickets whatever their tier. Default: the roster (GET /api/v1/oncall); tests may
   * pass their own.
   */
  readonly onCall?: (agentId: number, at: number) => Promise<boolean>;
  /**
   * Who is on call at an instant (agent ids), for paging (docs/oncall.md). Default: the roster;
   * tests may pass their own.
   */
  readonly whoIsOnCall?: WhoIsOnCall;
  /** The paging ladder's timings; default 5 min to acknowledge, 3 passes, reminders every 15 min. */
  readonly paging?: Partial<PagingSettings>;
  /**
   * The Telegram status channel (R11, docs/telegram.md): the bot token and where the Bot API is.
   * Absent: nothing is queued or posted. Every instance on one database should pass the same.
   */
  readonly telegram?: TelegramConfig;
  /** Where people reach this service (e.g. https://support.example.com, no trailing slash): Telegram messages link to the portal there; null or absent: no link. */
  readonly publicUrl?: string | null;
  /** How long an agent's presence lives without a refresh, on `now`'s clock; default PRESENCE_TTL_MS (25 s). */
  readonly presenceTtlMs?: number;
  /** How often expired presence is dropped, in real time; default PRESENCE_SWEEP_MS (5 s); 0: no timer. */
  readonly presenceSweepMs?: number;
}

/** A running (not yet listening) service instance. */
export interface Service {
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly tickets: TicketService;
  readonly oncall: OnCallService;
  readonly outages: OutageService;
  readonly people: PeopleService;
  readonly clients: ClientsService;
  /** This instance's Telegram sender, when it has a bot token. */
  readonly telegram: TelegramSender | null;
  /** The Telegram outbox as admins watch it. */
  readonly telegramAdmin: TelegramService;
  readonly paging: Paging;
  readonly sessions: Sessions;
  readonly setup: SetupService;
  /**
   * The one-time setup code issued at this start when the database has no accounts (each start
   * issues a new one and voids the last), for the caller to show once; null when set up.
   */
  readonly setupCode: string | null;
  readonly hub: EventHub;
  readonly scheduler: Scheduler;
  /** The live support calendar: always the one stored now (see CalendarService). */
  readonly calendar: Calendar;
  readonly calendars: CalendarService;
  readonly now: () => number;
  /** The daily backup schedule, when `backup` was given. */
  readonly backups: BackupSchedule | null;
  /** Listens on host:port and resolves to the bound address, e.g. http://127.0.0.1:41234. */
  listen(port: number, host: string): Promise<string>;
  /** Stops timers, closes sockets and the HTTP server; the database stays open (the caller owns it). */
  close(): Promise<void>;
}

/** Builds a service instance over an open, migrated database. */
export async function createService(options: ServiceOptions): Promise<Service> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const policy = options.policy ?? DEFAULT_POLICY;
  const logError = (error: unknown): void => {
    app.log.error(error);
  };
  const calendars = createCalendarService({ db, now, policy, fallback: options.calendar?.config ?? DEFAULT_CALENDAR_CONFIG, onEvents: () => hub.poke() });
  await calendars.load();
  const { calendar } = calendars;
  // Another instance's calendar.changed: adopt its calendar before any socket hears of it.
  const hub = createEventHub(db, (e) => logError(e), async (event) => {
    if (event.type === 'calendar.changed') await calendars.reload();
  });
  const oncall = createOnCallService({ db, now, calendar });
  // The roster answers who is on call; the ticket rules and paging add "after hours" themselves.
  const whoIsOnCall: WhoIsOnCall = options.whoIsOnCall ?? (async (at) => {
    const { primary, secondary } = await oncall.at(at);
    return { primary, secondary };
  });
  const onRoster = async (agentId: number, at: number): Promise<boolean> => {
    const { primary, secondary } = await whoIsOnCall(at);
    return primary === agentId || secondary === agentId;
  };
  const paging = createPaging({ db, calendar, whoIsOnCall, settings: pagingSettings(options.paging), onError: (e) => logError(e) });
  const telegram = options.telegram === undefined ? null : createTelegramSender({ db, now, config: options.telegram, onError: (e) => logError(e) });
  const tickets = createTicketService({
    db,
    now,
    sla: { calendar, policy },
    onEvents: () => hub.poke(),
    onCall: options.onCall ?? onRoster,
    paging,
    beforeWork: (trx) => calendars.sync(trx),
    ...(telegram === null ? {} : { telegram: { enqueue: telegramEnqueue(options.publicUrl ?? null), queued: () => telegram.wake() } }),
  });
  const telegramAdmin = createTelegramService({ db, now, configured: telegram !== null, wake: () => telegram?.wake() });
  const canned = createCannedService({ db, now });
  const ola = createOlaService({ db, now, calendar, onEvents: () => hub.poke() });
  const outages = createOutageService({ db, now, calendar, policy, inTransaction: tickets.inTransaction, paging });
  const tokenTtlMs = options.tokenTtlMs ?? 7 * 24 * 3600_000;
  const sessions = createSessions({ db, now, tokenTtlMs });
  const setupService = createSetupService({ db, now, tokenTtlMs });
  // The first start may store the support calendar: this instance adopts it at once.
  const setup: SetupService = {
    ...setupService,
    async complete(request, userAgent) {
      const done = await setupService.complete(request, userAgent);
      await calendars.refresh();
      return done;
    },
  };
  const people = createPeopleService({ db, now, zone: () => calendar.zone, sessions, onEvents: () => hub.poke() });
  const clients = createClientsService({ db, now, sessions, onEvents: () => hub.poke() });
  const scheduler = createScheduler({ db, now, tickets, paging, outageAlarms: outageAlarms({ db, policy, inTransaction: tickets.inTransaction }), telegram, onError: (e) => logError(e) });
  // On PostgreSQL presence crosses instances by NOTIFY (server/events/presence-relay.ts).
  const relayed = db.engine === 'postgres' && db.url !== null;
  const presence = createPresence({ now, ttlMs: options.presenceTtlMs ?? PRESENCE_TTL_MS, ...(relayed ? { publish: createPresencePublisher(db, (e) => logError(e)) } : {}) });
  const app = await buildApp({ presence, tickets, oncall, outages, people, clients, telegram: telegramAdmin, canned, ola, paging, sessions, setup, hub, calendar, calendars, policy, now, db, bodyLimit: options.bodyLimit ?? 1024 * 1024, logger: options.logger ?? false, version: SERVICE_VERSION, demo: options.demo ?? false, clock: options.clock ?? 'real', consoleRoot: options.consoleRoot ?? null, sessionCheckMs: options.sessionCheckMs ?? 30_000, eventSocketLimits: options.eventSocketLimits ?? { perSession: MAX_SOCKETS_PER_SESSION, perUser: MAX_SOCKETS_PER_USER } });

  // Before listening: a console that asks /api/v1/info meanwhile finds the code it is asked for.
  const setupCode = await setup.issueCode();
  await hub.start();
  let listener: PgListener | undefined;
  let poll: NodeJS.Timeout | undefined;
  if (db.engine === 'postgres' && db.url !== null) {
    const onPresence = (payload: string): void => {
      const change = readRelayedPresence(payload);
      if (change === null) app.log.warn('presence: ignored a malformed notification from another instance');
      else presence.remote(change);
    };
    listener = await listenForEvents(options.listenUrl ?? db.url, () => hub.poke(), { warn: (m) => app.log.warn(m), info: (m) => app.log.info(m) }, { onPresence });
    const pollMs = options.eventPollMs ?? 5000;
    if (pollMs > 0) {
      poll = setInterval(() => hub.poke(), pollMs);
      poll.unref();
    }
  }
  scheduler.start(options.schedulerIntervalMs ?? 1000);
  const sweepMs = options.presenceSweepMs ?? PRESENCE_SWEEP_MS;
  const presenceSweep = sweepMs > 0 ? setInterval(() => presence.sweep(), sweepMs) : undefined;
  presenceSweep?.unref();
  // What an earlier run (or another instance) left queued goes out now.
  telegram?.wake();
  const backups = options.backup === undefined ? null : startDailyBackups(db, options.backup, now, calendar.zone);

  return {
    app,
    db,
    tickets,
    oncall,
    outages,
    people,
    clients,
    telegram,
    telegramAdmin,
    paging,
    sessions,
    setup,
    setupCode,
    hub,
    scheduler,
    calendar,
    calendars,
    now,
    backups,
    async listen(port, host) {
      await app.listen({ port, host });
      const address = app.server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    },
    async close() {
      scheduler.stop();
      clearInterval(presenceSweep);
      await telegram?.close();
      backups?.stop();
      clearInterval(poll);
      await listener?.close();
      await app.close();
      await hub.idle();
    },
  };
}
