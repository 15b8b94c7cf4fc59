import type { z } from 'zod';
import type {
  AdminAuditFilter,
  adminAgentListResponseSchema,
  adminAuditResponseSchema,
  adminClientListResponseSchema,
  adminCustomerListResponseSchema,
  changePasswordRequestSchema,
  changePasswordResponseSchema,
  endSessionsResponseSchema,
  OtherSession,
  AvailabilityResponse,
  agentListResponseSchema,
  clockResponseSchema,
  createOverrideRequestSchema,
  createTicketRequestSchema,
  ErrorResponse,
  loginRequestSchema,
  meResponseSchema,
  onCallResponseSchema,
  overrideListResponseSchema,
  overrideSchema,
  sessionResponseSchema,
  infoResponseSchema,
  SetupRequest,
  TelegramStatus,
  CannedReplyFilter,
  CannedReplyList,
  outageListQuerySchema,
  ticketListQuerySchema,
  queueQuerySchema,
  QueuePage,
} from '../api/index.ts';
import type { OutageDetail, Page, PublicOutage, Ticket, TicketDetail } from '../model/index.ts';
import type { OlaReport } from '../api/ola.ts';
import type { OlaTargets } from '../ola/index.ts';
import type { CalendarConfig } from '../sla/index.ts';
import type { AdminCommand, AdminCommandResult, AdminCommandResults } from './admin-command.ts';
import type { CannedCommand, CannedCommandResult } from './canned-command.ts';
import { ApiError } from './api-error.ts';
import type { OutageCommand } from './outage-command.ts';
import type { TicketCommand } from './ticket-command.ts';

/** The part of `fetch` the client needs; both Node 24 and browsers provide it. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

/** The support team's clock (R9). */
export type ClockResponse = z.infer<typeof clockResponseSchema>;
/** A signed-in session. */
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
/** Who a token belongs to. */
export type MeResponse = z.infer<typeof meResponseSchema>;
/** Agents to route and assign to. */
export type AgentListResponse = z.infer<typeof agentListResponseSchema>;
/** Query of the ticket list. */
export type TicketListQuery = Partial<z.input<typeof ticketListQuerySchema>>;
/** GET /api/v1/queue query. */
export type QueueQuery = Partial<z.input<typeof queueQuerySchema>>;
/** A new ticket, filed by a customer. */
export type CreateTicketRequest = z.infer<typeof createTicketRequestSchema>;
/** Who is on call at an instant, until when, and the next 14 days. */
export type OnCallResponse = z.infer<typeof onCallResponseSchema>;
/** A roster override as stored. */
export type Override = z.infer<typeof overrideSchema>;
/** Overrides by start. */
export type OverrideList = z.infer<typeof overrideListResponseSchema>;
/** A new override: agentId covers layer over [from, to). */
export type CreateOverrideRequest = z.infer<typeof createOverrideRequestSchema>;
/** Query of the outage list. */
export type OutageListQuery = Partial<z.input<typeof outageListQuerySchema>>;
/** Availability of a year (R17-R20). */
export type { AvailabilityResponse };
/** Credentials. */
export type LoginRequest = z.infer<typeof loginRequestSchema>;
/** Which accounts an admin list shows. */
export type AccountState = 'active' | 'inactive' | 'all';
/** Every agent as administrators see them. */
export type AdminAgentList = z.infer<typeof adminAgentListResponseSchema>;
/** Every client as administrators see them. */
export type AdminClientList = z.infer<typeof adminClientListResponseSchema>;
/** A client's customers as administrators see them. */
export type AdminCustomerList = z.infer<typeof adminCustomerListResponseSchema>;
/** Admin audit entries, newest first. */
export type AdminAuditList = z.infer<typeof adminAuditResponseSchema>;
/** The own-password change. */
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
/** What the own-password change answers. */
export type ChangePasswordResponse = z.infer<typeof changePasswordResponseSchema>;
/** How many sessions were ended. */
export type EndSessionsResponse = z.infer<typeof endSessionsResponseSchema>;

/** What the service says about itself (GET /api/v1/info). */
export type InfoResponse = z.infer<typeof infoResponseSchema>;
export type { SetupRequest };

/** A typed client of the ticket service's /api/v1, for main, the web bridge and tests. */
export interface ApiClient {
  readonly baseUrl: string;
  clock(): Promise<ClockResponse>;
  /** What the service is, and whether it waits for its first start. */
  info(): Promise<InfoResponse>;
  /** The first start (POST /api/v1/setup): the new admin, signed in. */
  setup(request: SetupRequest): Promise<SessionResponse>;
  login(credentials: LoginRequest): Promise<SessionResponse>;
  me(): Promise<MeResponse>;
  logout(): Promise<void>;
  agents(): Promise<AgentListResponse>;
  listTickets(query?: TicketListQuery): Promise<readonly Ticket[]>;
  /** A page of a view's queue rows (GET /api/v1/queue). */
  queue(query?: QueueQuery): Promise<QueuePage>;
  getTicket(id: number): Promise<TicketDetail>;
  createTicket(request: CreateTicketRequest): Promise<TicketDetail>;
  command(command: TicketCommand): Promise<TicketDetail>;
  /** Who is on call now (the service's clock), or at `at`. */
  onCall(at?: number): Promise<OnCallResponse>;
  overrides(range?: { from?: number; to?: number }): Promise<OverrideList>;
  addOverride(request: CreateOverrideRequest): Promise<Override>;
  removeOverride(id: number): Promise<void>;
  /** Pages, newest first: `open` (default) is every page not closed. */
  pages(state?: 'open' | 'all'): Promise<readonly Page[]>;
  /** Acknowledges a page; the page as it now is. */
  ackPage(id: number): Promise<Page>;
  /** Outages, newest first: agents get summaries (`OutageSummary`), customers the public part of their group's. */
  outages(query?: OutageListQuery): Promise<readonly PublicOutage[]>;
  /** One outage with its tickets, timeline and compensations (agents). */
  outage(id: number): Promise<OutageDetail>;
  /** Declares, links, unlinks, restores, excludes or records a compensation; the outage as it now is. */
  outageCommand(command: OutageCommand): Promise<OutageDetail>;
  /** Downtime against the budget per function group and per client, for a year (default: this one). */
  availability(year?: number): Promise<AvailabilityResponse>;
  /** The support calendar in force (agents). */
  calendar(): Promise<CalendarConfig>;
  /** Replaces the support calendar from now on (admins); the calendar as stored. */
  setCalendar(config: CalendarConfig): Promise<CalendarConfig>;
  /** Each tier's internal target (agents). */
  olaTargets(): Promise<{ readonly targets: OlaTargets }>;
  /** Replaces every tier's internal target (admins). */
  setOlaTargets(targets: OlaTargets): Promise<{ readonly targets: OlaTargets }>;
  /** The internal-target report of arrivals in [from, to) (managers and admins). */
  olaReport(from: number, to: number): Promise<OlaReport>;
  /** Changes the caller's own password; every other session of theirs ends. */
  changePassword(request: ChangePasswordRequest): Promise<ChangePasswordResponse>;
  /** The caller's other unexpired sessions, most recently used first. */
  otherSessions(): Promise<readonly OtherSession[]>;
  /** Ends every other session of the caller. */
  endOtherSessions(): Promise<EndSessionsResponse>;
  /** Ends one other session of the caller (its id from otherSessions). */
  endOtherSession(id: string): Promise<void>;
  /** Agents as administrators see them (admins and managers). */
  adminAgents(state?: AccountState): Promise<AdminAgentList>;
  /** Clients as administrators see them (admins and managers). */
  adminClients(): Promise<AdminClientList>;
  /** A client's customers (admins and managers). */
  adminCustomers(clientId: number, state?: AccountState): Promise<AdminCustomerList>;
  /** The admin audit, newest first (admins). */
  adminAudit(filter?: AdminAuditFilter): Promise<AdminAuditList>;
  /** The Telegram status channel's outbox (admins): configured or not, counts, failed messages. */
  adminTelegram(): Promise<TelegramStatus>;
  /** Canned replies, unfilled (agents); a tier gives that team's and the every-team ones. */
  cannedReplies(filter?: CannedReplyFilter): Promise<CannedReplyList>;
  /** Creates, edits or deletes a canned reply (managers and admins). */
  cannedCommand(command: CannedCommand): Promise<CannedCommandResult>;
  /** An administrative change (admins); the answer of its route. */
  adminCommand<C extends AdminCommand>(command: C): Promise<AdminCommandResults[C['command']]>;
}

/** Builds a client; `token()` is read on every call so a new login takes effect at once. */
export function createApiClient(options: { baseUrl: string; token: () => string | null; fetch: FetchLike }): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');

  /** `body` goes as JSON, or as it is when `contentType` is given (a CSV file). */
  const call = async <T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
    const payload = body === undefined ? {} : { body: contentType === undefined ? JSON.stringify(body) : String(body) };
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await options.fetch(`${base}${path}`, { method, headers, ...payload });
    } catch (error) {
      throw new ApiError(0, 'network', `The ticket service at ${base} cannot be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    const data: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) {
      const e = (data ?? {}) as Partial<ErrorResponse>;
      throw new ApiError(response.status, e.error ?? 'internal', e.message ?? `HTTP ${response.status}`, e.field);
    }
    return data as T;
  };

  const query = (params: Record<string, string | number | boolean | undefined>): string => {
    const pairs = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
  };

  const adminCall = (c: AdminCommand): Promise<AdminCommandResult> => {
    switch (c.command) {
      case 'createAgent':
        return call('POST', '/api/v1/admin/agents', { login: c.login, name: c.name, role: c.role, tiers: c.tiers, ...(c.language === undefined ? {} : { language: c.language }) });
      case 'updateAgent':
        return call('PATCH', `/api/v1/admin/agents/${c.id}`, c.patch);
      case 'resetAgentPassword':
        return call('POST', `/api/v1/admin/agents/${c.id}/password`);
      case 'createClient':
        return call('POST', '/api/v1/admin/clients', { name: c.name, primaryGroup: c.primaryGroup, language: c.language, ...(c.telegramChatId === undefined ? {} : { telegramChatId: c.telegramChatId }) });
      case 'updateClient':
        return call('PATCH', `/api/v1/admin/clients/${c.id}`, c.patch);
      case 'createCustomer':
        return call('POST', `/api/v1/admin/clients/${c.clientId}/customers`, { login: c.login, name: c.name, ...(c.language === undefined ? {} : { language: c.language }) });
      case 'updateCustomer':
        return call('PATCH', `/api/v1/admin/clients/${c.clientId}/customers/${c.customerId}`, c.patch);
      case 'resetCustomerPassword':
        return call('POST', `/api/v1/admin/clients/${c.clientId}/customers/${c.customerId}/password`);
      case 'importCustomers':
        return call('POST', `/api/v1/admin/clients/${c.clientId}/customers/import${query({ dryRun: c.dryRun })}`, c.csv, 'text/csv; charset=utf-8');
      case 'retryTelegram':
        return call('POST', `/api/v1/admin/telegram/${c.id}/retry`);
    }
  };

  return {
    baseUrl: base,
    clock: () => call('GET', '/api/v1/clock'),
    info: () => call('GET', '/api/v1/info'),
    setup: (request) => call('POST', '/api/v1/setup', request),
    login: (credentials) => call('POST', '/api/v1/session', credentials),
    me: () => call('GET', '/api/v1/session'),
    logout: () => call('DELETE', '/api/v1/session'),
    agents: () => call('GET', '/api/v1/agents'),
    listTickets: async (q = {}) => (await call<{ tickets: readonly Ticket[] }>('GET', `/api/v1/tickets${query(q)}`)).tickets,
    queue: (q = {}) => call('GET', `/api/v1/queue${query(q)}`),
    onCall: (at) => call('GET', `/api/v1/oncall${query({ at })}`),
    overrides: (range = {}) => call('GET', `/api/v1/oncall/overrides${query(range)}`),
    addOverride: (request) => call('POST', '/api/v1/oncall/overrides', request),
    removeOverride: (id) => call('DELETE', `/api/v1/oncall/overrides/${id}`),
    pages: async (state) => (await call<{ pages: readonly Page[] }>('GET', `/api/v1/pages${query({ state })}`)).pages,
    ackPage: async (id) => (await call<{ page: Page }>('POST', `/api/v1/pages/${id}/ack`)).page,
    outages: async (q = {}) => (await call<{ outages: readonly PublicOutage[] }>('GET', `/api/v1/outages${query(q)}`)).outages,
    outage: (id) => call('GET', `/api/v1/outages/${id}`),
    outageCommand: (c) => {
      const path = `/api/v1/outages/${c.command === 'declare' ? '' : c.id}`;
      switch (c.command) {
        case 'declare':
          return call('POST', '/api/v1/outages', { groups: c.groups, summary: c.summary, ticketId: c.ticketId });
        case 'link':
          return call('POST', `${path}/tickets`, { ticketId: c.ticketId });
        case 'unlink':
          return call('DELETE', `${path}/tickets/${c.ticketId}`);
        case 'restore':
          return call('POST', `${path}/restore`, c.at === undefined ? undefined : { at: c.at });
        case 'exclude':
          return call('POST', `${path}/exclude`, { reason: c.reason });
        case 'compensation':
          return call('POST', `${path}/compensation`, { decision: c.decision });
      }
    },
    availability: (year) => call('GET', `/api/v1/availability${query({ year })}`),
    calendar: () => call('GET', '/api/v1/admin/calendar'),
    setCalendar: (config) => call('PUT', '/api/v1/admin/calendar', config),
    olaTargets: () => call('GET', '/api/v1/ola/targets'),
    setOlaTargets: (targets) => call('PUT', '/api/v1/ola/targets', { targets }),
    olaReport: (from, to) => call('GET', `/api/v1/ola/report${query({ from, to })}`),
    changePassword: (request) => call('POST', '/api/v1/session/password', request),
    otherSessions: async () => (await call<{ sessions: readonly OtherSession[] }>('GET', '/api/v1/session/others')).sessions,
    endOtherSessions: () => call('DELETE', '/api/v1/session/others'),
    endOtherSession: (id) => call('DELETE', `/api/v1/session/others/${encodeURIComponent(id)}`),
    adminAgents: (state) => call('GET', `/api/v1/admin/agents${query({ state })}`),
    adminClients: () => call('GET', '/api/v1/admin/clients'),
    adminCustomers: (clientId, state) => call('GET', `/api/v1/admin/clients/${clientId}/customers${query({ state })}`),
    adminAudit: (filter = {}) => call('GET', `/api/v1/admin/audit${query({ ...filter })}`),
    adminTelegram: () => call('GET', '/api/v1/admin/telegram'),
    cannedReplies: (filter = {}) => call('GET', `/api/v1/canned-replies${query({ ...filter })}`),
    cannedCommand: (c) => {
      switch (c.command) {
        case 'create':
          return call('POST', '/api/v1/canned-replies', { title: c.title, body: c.body, language: c.language, tier: c.tier });
        case 'update':
          return call('PATCH', `/api/v1/canned-replies/${c.id}`, c.patch);
        case 'delete':
          return call('DELETE', `/api/v1/canned-replies/${c.id}`);
      }
    },
    adminCommand: <C extends AdminCommand>(c: C) => adminCall(c) as Promise<AdminCommandResults[C['command']]>,
    getTicket: (id) => call('GET', `/api/v1/tickets/${id}`),
    createTicket: (request) => call('POST', '/api/v1/tickets', request),
    command: (c) => {
      const path = `/api/v1/tickets/${c.id}`;
      switch (c.command) {
        case 'take':
          return call('POST', `${path}/take`, c.takeOver === true ? { takeOver: true } : undefined);
        case 'resolve':
          return call('POST', `${path}/resolve`, c.withoutReply === true ? { withoutReply: true } : { reply: c.reply });
        case 'reopen':
          return call('POST', `${path}/reopen`, c.reason === undefined ? undefined : { reason: c.reason });
        case 'message':
          return call('POST', `${path}/messages`, { type: c.type, body: c.body });
        case 'route':
          return call('POST', `${path}/route`, { tier: c.tier, reason: c.reason, ...(c.assigneeId === undefined ? {} : { assigneeId: c.assigneeId }) });
        case 'escalate':
          return call('POST', `${path}/escalate`, { justification: c.justification });
        case 'merge':
          return call('POST', `${path}/merge`, { into: c.into });
        case 'compensation':
          return call('POST', `${path}/compensation`, { decision: c.decision });
      }
    },
  };
}

/** Whether the client's token still signs in: false only when the service says 401. */
export async function sessionStillValid(api: Pick<ApiClient, 'me'>): Promise<boolean> {
  try {
    await api.me();
    return true;
  } catch (error) {
    return !(error instanceof ApiError && error.status === 401);
  }
}
