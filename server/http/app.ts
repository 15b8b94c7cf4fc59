import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Sessions } from '../auth/sessions.ts';
import type { Db } from '../db/index.ts';
import type { CalendarService } from '../domain/calendar-service.ts';
import type { ClientsService } from '../domain/clients-service.ts';
import type { OnCallService } from '../domain/oncall-service.ts';
import type { PeopleService } from '../domain/people-service.ts';
import type { OutageService } from '../domain/outage-service.ts';
import type { TicketService } from '../domain/ticket-service.ts';
import type { Paging } from '../domain/paging.ts';
import type { SetupService } from '../domain/setup-service.ts';
import type { TelegramService } from '../domain/telegram-service.ts';
import type { CannedService } from '../domain/canned-service.ts';
import type { Presence } from '../events/presence.ts';
import type { OlaService } from '../domain/ola-service.ts';
import type { EventHub } from '../events/hub.ts';
import type { Calendar, SlaPolicy } from '../../shared/sla/index.ts';
import { errorHandler } from './errors.ts';
import { clientErrorHandler, frameworkErrors } from './framework-errors.ts';
import { checkInput } from './input.ts';
import { swaggerOptions } from './openapi.ts';
import { recordRouteAccess, registerAuth, type RouteAccess } from './auth.ts';
import { registerConsole } from './console.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAvailabilityRoute } from './routes/availability.ts';
import { registerCalendarRoutes } from './routes/calendar.ts';
import { registerEventRoutes, type SocketLimits } from './routes/events.ts';
import { registerEventSchemaRoute } from './routes/event-schema.ts';
import { registerInfoRoute } from './routes/info.ts';
import { registerOnCallRoutes } from './routes/oncall.ts';
import { registerOutageRoutes } from './routes/outages.ts';
import { registerSessionRoutes } from './routes/session.ts';
import { registerSetupRoute } from './routes/setup.ts';
import { registerPageRoutes } from './routes/pages.ts';
import { registerTelegramRoutes } from './routes/telegram.ts';
import { registerCannedRoutes } from './routes/canned.ts';
import { registerOlaRoutes } from './routes/ola.ts';
import { registerTicketRoutes } from './routes/tickets.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with whether it is public, as registered. */
    readonly routeAccess: readonly RouteAccess[];
  }
}

/** What the HTTP layer calls into. */
export interface AppDeps {
  readonly tickets: TicketService;
  readonly oncall: OnCallService;
  readonly outages: OutageService;
  readonly people: PeopleService;
  readonly clients: ClientsService;
  /** The Telegram status channel's outbox, for admins. */
  readonly telegram: TelegramService;
  /** Canned replies (docs/canned-replies.md). */
  readonly canned: CannedService;
  /** Internal per-tier targets (docs/ola.md). */
  readonly ola: OlaService;
  readonly paging: Paging;
  readonly sessions: Sessions;
  readonly setup: SetupService;
  readonly hub: EventHub;
  /** Which agents have which ticket open (in memory, per event socket). */
  readonly presence: Presence;
  readonly calendar: Calendar;
  /** The editable support calendar (GET/PUT /api/v1/admin/calendar). */
  readonly calendars: CalendarService;
  /** The SLA's numbers (the availability budget and the outage limit among them). */
  readonly policy: SlaPolicy;
  readonly now: () => number;
  readonly db: Db;
  readonly bodyLimit: number;
  readonly logger: boolean;
  /** This service's version (GET /api/v1/info). */
  readonly version: string;
  /** Whether it runs with demo data, so the login screen may list the demo logins. */
  readonly demo: boolean;
  /** Whether `now` is the real clock or a demo clock (GET /api/v1/info). */
  readonly clock: 'real' | 'demo';
  /** The built renderer to serve at `/` (the browser console), or null. */
  readonly consoleRoot: string | null;
  /** How often an open event socket re-checks its session (expiry, logout on another instance). */
  readonly sessionCheckMs: number;
  /** Open event sockets allowed per session and per user (on this instance). */
  readonly eventSocketLimits: SocketLimits;
}

/** The fastify app: /api/v1 routes, OpenAPI, WebSocket events, one error mapping. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger, bodyLimit: deps.bodyLimit, frameworkErrors, clientErrorHandler });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const routes = recordRouteAccess(app);
  app.decorate('routeAccess', routes);
  checkInput(app);
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}` }));

  await app.register(fastifySwagger, swaggerOptions());
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  // After the WebSocket plugin: its onRequest hook must mark upgrade requests first, so a refused
  // upgrade's socket is closed with the 401.
  registerAuth(app, deps.sessions);

  registerInfoRoute(app, deps);
  registerSessionRoutes(app, deps);
  registerSetupRoute(app, deps);
  registerTicketRoutes(app, deps);
  registerOnCallRoutes(app, deps);
  registerPageRoutes(app, deps);
  registerOutageRoutes(app, deps);
  registerAvailabilityRoute(app, deps);
  registerCalendarRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerTelegramRoutes(app, deps);
  registerCannedRoutes(app, deps);
  registerOlaRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerEventSchemaRoute(app);
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  if (deps.consoleRoot !== null) await registerConsole(app, deps.consoleRoot);
  await app.ready();
  return app;
}
