/**
 * The one contract between the renderer and its host: invoke channels (renderer -> main, each
 * returning a Promise) and event channels (main -> renderer). main/ validates every argument with
 * these schemas; the preload exposes one function per channel; the web bridge implements the same
 * surface over HTTP and WebSocket.
 */
import { z } from 'zod';
import {
  adminAuditFilterSchema,
  calendarRequestSchema,
  changePasswordRequestSchema,
  createOverrideRequestSchema,
  createTicketRequestSchema,
  loginRequestSchema,
  otherSessionParamsSchema,
  outageListQuerySchema,
  presenceUpdateSchema,
  setupRequestSchema,
  ticketListQuerySchema,
  queueQuerySchema,
  type QueuePage,
  olaTargetsRequestSchema,
  type OlaReport,
  type demoLoginSchema,
  type OtherSession,
  type TelegramStatus,
  type CannedReplyList,
} from '../api/index.ts';
import { adminCommandSchema, type AdminCommandResult } from '../client/admin-command.ts';
import { cannedCommandSchema, cannedListArgsSchema, type CannedCommandResult } from '../client/canned-command.ts';
import type { SerializedApiError } from '../client/api-error.ts';
import type { OlaTargets } from '../ola/index.ts';
import type {
  AdminAgentList,
  AdminAuditList,
  AdminClientList,
  AdminCustomerList,
  AgentListResponse,
  AvailabilityResponse,
  ChangePasswordResponse,
  ClockResponse,
  EndSessionsResponse,
  MeResponse,
  OnCallResponse,
  Override,
  OverrideList,
} from '../client/api-client.ts';
import type { ConnectionState } from '../client/event-stream.ts';
import { outageCommandSchema } from '../client/outage-command.ts';
import { ticketCommandSchema } from '../client/ticket-command.ts';
import type { OutageDetail, Page, PublicOutage, ServiceEvent, Ticket, TicketDetail } from '../model/index.ts';
import type { PresenceMessage } from '../presence/index.ts';
import { settingsPatchSchema, type Settings } from '../settings.ts';
import type { CalendarConfig } from '../sla/index.ts';

/** A demo account, listed on the login screen when the service runs with demo data. */
export type DemoLogin = z.infer<typeof demoLoginSchema>;

/** What the console knows about where it runs. */
export interface AppInfo {
  readonly version: string;
  readonly mode: 'desktop' | 'browser';
  /** The ticket service's base URL. */
  readonly serverUrl: string;
  /** The service runs inside the desktop app (no server URL configured). */
  readonly embedded: boolean;
  /** Accounts to offer on the login screen; empty unless the service has demo data. */
  readonly demoLogins: readonly DemoLogin[];
  /** Which database the embedded service runs on (WORKSPACES); null when it is not embedded. */
  readonly workspace: Workspace | null;
}

/** The desktop app's embedded databases: the demo data, or the team's own workspace (set up from empty). */
export const WORKSPACES = ['demo', 'own'] as const;
/** An embedded database. */
export type Workspace = (typeof WORKSPACES)[number];

/** Where the first start stands, for the setup screen. */
export interface SetupStatus {
  /** The service has no accounts and waits for setup. */
  readonly waiting: boolean;
  /** The organisation's name once set up. */
  readonly organization: string | null;
  /**
   * The one-time setup code, when the host knows it: the desktop app's embedded service (the
   * person at this computer owns it); null in the browser, where it is read from the service's log.
   */
  readonly code: string | null;
}

/** The signed-in user, or null. */
export type SessionInfo = MeResponse;

const none = z.undefined();
const accountState = z.strictObject({ state: z.enum(['active', 'inactive', 'all']).optional() });

/** Invoke channels and the schema of each one's argument. */
export const invokeArgs = {
  'app:info': none,
  'session:get': none,
  'session:login': loginRequestSchema,
  'session:logout': none,
  /** Whether the service waits for its first start. */
  'setup:status': none,
  /** The first start: sets the service up and signs the new admin in, as session:login does. */
  'setup:complete': setupRequestSchema,
  /** The desktop app only: switch the embedded service to another database (the app restarts). */
  'workspace:switch': z.strictObject({ workspace: z.enum(WORKSPACES) }),
  /** The own password: current and next; afterwards the session no longer needs a change and the event stream starts. */
  'session:changePassword': changePasswordRequestSchema,
  'session:others': none,
  /** Ends one other session (`id`), or every other session (no argument). */
  'session:endOthers': otherSessionParamsSchema.optional(),
  'clock:get': none,
  'tickets:list': ticketListQuerySchema.partial(),
  /** A page of a view's queue rows (GET /api/v1/queue). */
  'tickets:queue': queueQuerySchema.partial(),
  'tickets:get': z.strictObject({ id: z.number().int().positive() }),
  'tickets:command': ticketCommandSchema,
  'tickets:create': createTicketRequestSchema,
  'agents:list': none,
  'oncall:now': none,
  'oncall:overrides': z.strictObject({ from: z.number().int().min(0).optional(), to: z.number().int().min(0).optional() }).optional(),
  'oncall:addOverride': createOverrideRequestSchema,
  'oncall:removeOverride': z.strictObject({ id: z.number().int().positive() }),
  'pages:list': z.strictObject({ state: z.enum(['open', 'all']).optional() }).optional(),
  'pages:ack': z.strictObject({ id: z.number().int().positive() }),
  'outages:list': outageListQuerySchema.partial().optional(),
  'outages:get': z.strictObject({ id: z.number().int().positive() }),
  'outages:command': outageCommandSchema,
  'availability:get': z.strictObject({ year: z.number().int().optional() }).optional(),
  'calendar:get': none,
  'calendar:set': calendarRequestSchema,
  'admin:agents': accountState.optional(),
  'admin:clients': none,
  'admin:customers': accountState.extend({ clientId: z.number().int().positive() }),
  'admin:audit': adminAuditFilterSchema.optional(),
  'admin:telegram': none,
  'admin:command': adminCommandSchema,
  'canned:list': cannedListArgsSchema,
  'canned:command': cannedCommandSchema,
  'ola:targets': none,
  'ola:setTargets': olaTargetsRequestSchema,
  'ola:report': z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) }),
  'settings:get': none,
  'settings:set': settingsPatchSchema,
  /** What this agent's console has open and whether they type a reply there (presence, over the event stream). */
  'presence:set': presenceUpdateSchema.omit({ type: true }),
} as const;

/** Invoke channel names, e.g. `tickets:list`. */
export type InvokeChannel = keyof typeof invokeArgs;
/** The argument of an invoke channel. */
export type InvokeArg<C extends InvokeChannel> = z.input<(typeof invokeArgs)[C]>;

/** What each invoke channel resolves to. */
export interface InvokeResults {
  'app:info': AppInfo;
  'session:get': SessionInfo | null;
  'session:login': SessionInfo;
  'session:logout': null;
  'setup:status': SetupStatus;
  'setup:complete': SessionInfo;
  'workspace:switch': null;
  'session:changePassword': ChangePasswordResponse & { readonly session: SessionInfo };
  'session:others': readonly OtherSession[];
  'session:endOthers': EndSessionsResponse;
  'clock:get': ClockResponse;
  'tickets:list': readonly Ticket[];
  'tickets:queue': QueuePage;
  'tickets:get': TicketDetail;
  'tickets:command': TicketDetail;
  'tickets:create': TicketDetail;
  'agents:list': AgentListResponse;
  'oncall:now': OnCallResponse;
  'oncall:overrides': OverrideList;
  'oncall:addOverride': Override;
  'oncall:removeOverride': null;
  'pages:list': readonly Page[];
  'pages:ack': Page;
  'outages:list': readonly PublicOutage[];
  'outages:get': OutageDetail;
  'outages:command': OutageDetail;
  'availability:get': AvailabilityResponse;
  'calendar:get': CalendarConfig;
  'calendar:set': CalendarConfig;
  'admin:agents': AdminAgentList;
  'admin:clients': AdminClientList;
  'admin:customers': AdminCustomerList;
  'admin:audit': AdminAuditList;
  'admin:telegram': TelegramStatus;
  'admin:command': AdminCommandResult;
  'canned:list': CannedReplyList;
  'canned:command': CannedCommandResult;
  'ola:targets': { readonly targets: OlaTargets };
  'ola:setTargets': { readonly targets: OlaTargets };
  'ola:report': OlaReport;
  'settings:get': Settings;
  'settings:set': Settings;
  'presence:set': null;
}

/** Over IPC a failure travels as data (an Error's fields do not survive the trip). */
export type InvokeOutcome<C extends InvokeChannel> =
  | { readonly ok: true; readonly value: InvokeResults[C] }
  | { readonly ok: false; readonly error: SerializedApiError };

/** Event channels (main -> renderer) and their payloads. */
export interface EventPayloads {
  'service:event': ServiceEvent;
  'connection:changed': ConnectionState;
  /** A notification was clicked: open this ticket. */
  'ticket:open': { readonly id: number };
  'settings:changed': Settings;
  'session:changed': SessionInfo | null;
  /** Other agents' presence: one ticket's change, or the snapshot when the stream goes live. */
  'presence:changed': PresenceMessage;
}
/** Event channel names. */
export type EventChannel = keyof EventPayloads;
/** Every event channel, for the preload's allow-list. */
export const EVENT_CHANNELS: readonly EventChannel[] = ['service:event', 'connection:changed', 'ticket:open', 'settings:changed', 'session:changed', 'presence:changed'];
/** Every invoke channel. */
export const INVOKE_CHANNELS = Object.keys(invokeArgs) as InvokeChannel[];
