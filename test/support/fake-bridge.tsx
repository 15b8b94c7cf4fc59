/**
 * A Bridge over an in-memory ticket desk for renderer tests: real SLA engine (evaluateSla), real
 * routing rules (isPathMove), real settings validation; the service's refusals come back as
 * ApiErrors like the real bridges'. Tests drive pushed events with `emit`.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { App } from '../../renderer/app.tsx';
import { ApiError } from '../../shared/client/api-error.ts';
import { ticketCommandSchema } from '../../shared/client/ticket-command.ts';
import type { Bridge } from '../../shared/ipc/bridge.ts';
import type { AppInfo, EventChannel, EventPayloads, InvokeArg, InvokeChannel, InvokeResults, SessionInfo } from '../../shared/ipc/contract.ts';
import { isPathMove, type Agent, type AuditEntry, type Client, type Message, type Ticket, type TicketDetail, type TicketStatus, type Tier } from '../../shared/model/index.ts';
import { evaluateSla, type SlaEvent, type TicketKind } from '../../shared/sla/index.ts';
import { applySettingsPatch, DEFAULT_SETTINGS, settingsPatchSchema, type Settings } from '../../shared/settings.ts';
import { supportClock, createCalendar } from '../../shared/sla/index.ts';

const calendar = createCalendar();

/** Demo-like clients. */
export const CLIENTS = {
  alpha: { id: 1, name: 'Alpha', primaryGroup: 'autodialer', language: 'ru' },
  beta: { id: 2, name: 'Beta', primaryGroup: 'inbound', language: 'uk' },
} satisfies Record<string, Client>;

/** Demo-like agents: an L1 engineer, an L2 analyst, a manager. */
export const AGENTS = {
  anna: { kind: 'agent', id: 1, login: 'anna', name: 'Anna Kovalenko', role: 'agent', tiers: ['l1'], language: 'uk' },
  olga: { kind: 'agent', id: 3, login: 'olga', name: 'Olga Shevchenko', role: 'agent', tiers: ['l2-analysts'], language: 'uk' },
  sofia: { kind: 'agent', id: 7, login: 'sofia', name: 'Sofia Tkachenko', role: 'manager', tiers: ['escalation'], language: 'en' },
} satisfies Record<string, Agent>;

interface StoredTicket {
  id: number;
  kind: TicketKind;
  subject: string;
  client: Client;
  status: TicketStatus;
  tier: Tier;
  assignee: Agent | null;
  escalated: boolean;
  justification: string | null;
  compensation: string | null;
  createdAt: number;
  events: SlaEvent[];
  messages: Message[];
  audit: AuditEntry[];
}

/** A seed ticket. */
export interface SeedTicket {
  readonly id: number;
  readonly kind?: TicketKind;
  readonly subject: string;
  readonly client?: Client;
  readonly createdAt: number;
  readonly tier?: Tier;
  readonly escalatedAt?: number;
}

/** The fake bridge and its levers. */
export interface FakeBridge extends Bridge {
  emit<E extends EventChannel>(channel: E, payload: EventPayloads[E]): void;
  signIn(agent: Agent): void;
  /** A customer answers: the ticket is back in work and its clock restarts (R21). */
  customerReplies(id: number, body: string): void;
  readonly calls: { channel: InvokeChannel; arg: unknown }[];
  settings: Settings;
  appInfo: AppInfo;
}

/** Builds the fake over `tickets`; `now` is read on every call (fake timers drive Date.now). */
export function createFakeBridge(seed: readonly SeedTicket[], now: () => number = () => Date.now()): FakeBridge {
  const listeners = new Map<EventChannel, Set<(p: never) => void>>();
  let session: SessionInfo | null = null;
  let seq = 0;
  let auditId = 1;
  let messageId = 1;
  const tickets = new Map<number, StoredTicket>();
  for (const s of seed) {
    const events: SlaEvent[] = [{ type: 'created', at: s.createdAt }];
    if (s.escalatedAt !== undefined) events.push({ type: 'escalated', at: s.escalatedAt });
    tickets.set(s.id, {
      id: s.id,
      kind: s.kind ?? 'problem',
      subject: s.subject,
      client: s.client ?? CLIENTS.alpha,
      status: 'new',
      tier: s.escalatedAt !== undefined ? 'escalation' : (s.tier ?? 'l1'),
      assignee: null,
      escalated: s.escalatedAt !== undefined,
      justification: s.escalatedAt !== undefined ? 'Our broadcast is live and calls fail right now.' : null,
      compensation: null,
      createdAt: s.createdAt,
      events,
      messages: [{ id: messageId++, ticketId: s.id, type: 'customer', author: { id: 100, name: 'Алексей Смирнов' }, body: `<b>${s.subject}</b>`, createdAt: s.createdAt, mergedFrom: null }],
      audit: [{ id: auditId++, ticketId: s.id, actor: { id: 100, name: 'Алексей Смирнов' }, action: 'created', fromTier: null, toTier: null, detail: null, at: s.createdAt }],
    });
  }

  const toTicket = (t: StoredTicket): Ticket => ({
    id: t.id,
    number: t.id,
    kind: t.kind,
    subject: t.subject,
    body: t.subject,
    language: t.client.language,
    client: t.client,
    author: { id: 100, name: 'Алексей Смирнов' },
    status: t.status,
    tier: t.tier,
    assignee: t.assignee === null ? null : { id: t.assignee.id, name: t.assignee.name },
    escalated: t.escalated,
    escalationJustification: t.justification,
    compensation: t.compensation,
    duplicateOf: null,
    createdAt: t.createdAt,
    updatedAt: t.createdAt,
    sla: evaluateSla({ kind: t.kind, events: t.events }, now(), { calendar }),
  });
  const detail = (t: StoredTicket): TicketDetail => ({ ticket: toTicket(t), messages: [...t.messages], audit: [...t.audit] });
  const get = (id: number): StoredTicket => {
    const t = tickets.get(id);
    if (t === undefined) throw new ApiError(404, 'not_found', `ticket #${id} not found`);
    return t;
  };
  const me = (): Agent => {
    if (session === null || session.user.kind !== 'agent') throw new ApiError(401, 'unauthorized', 'sign in first');
    return session.user;
  };
  const emit = <E extends EventChannel>(channel: E, payload: EventPayloads[E]): void => {
    for (const l of listeners.get(channel) ?? []) (l as (p: EventPayloads[E]) => void)(payload);
  };
  const changed = (t: StoredTicket): void => {
    const ticket = toTicket(t);
    emit('service:event', {
      seq: ++seq, type: 'ticket.changed', at: now(), ticketId: t.id,
      ticket: { id: t.id, number: t.id, kind: t.kind, subject: t.subject, clientId: t.client.id, status: t.status, tier: t.tier, assigneeId: t.assignee?.id ?? null, escalated: t.escalated, slaState: ticket.sla.state, slaDueAt: ticket.sla.dueAt },
      data: { action: 'taken' },
    });
  };
  const onTier = (agent: Agent, t: StoredTicket) => agent.role === 'manager' || agent.tiers.includes(t.tier);
  const log = (t: StoredTicket, agent: Agent | null, action: AuditEntry['action'], extra: Partial<AuditEntry> = {}) =>
    t.audit.push({ id: auditId++, ticketId: t.id, actor: agent === null ? null : { id: agent.id, name: agent.name }, action, fromTier: null, toTier: null, detail: null, at: now(), ...extra });

  const handlers: { [C in InvokeChannel]: (arg: InvokeArg<C>) => InvokeResults[C] } = {
    'app:info': () => fake.appInfo,
    'session:get': () => session,
    'session:login': ({ login, password }) => {
      const agent: Agent | undefined = (AGENTS as Record<string, Agent>)[login];
      if (agent === undefined || password !== 'demo') throw new ApiError(401, 'unauthorized', 'wrong login or password');
      session = { user: agent, expiresAt: now() + 86_400_000 };
      return session;
    },
    'session:logout': () => {
      session = null;
      return null;
    },
    'clock:get': () => supportClock(calendar, now()),
    'tickets:list': (query) => {
      const agent = me();
      const q = query?.q?.toLowerCase();
      return [...tickets.values()]
        .filter((t) => {
          switch (query?.view ?? 'queue') {
            case 'tier': return agent.tiers.includes(t.tier) && t.status !== 'resolved';
            case 'mine': return t.assignee?.id === agent.id && t.status !== 'resolved';
            case 'escalated': return t.escalated;
            case 'all': return true;
            default: return t.status !== 'resolved';
          }
        })
        .filter((t) => q === undefined || String(t.id) === q.replace('#', '') || t.subject.toLowerCase().includes(q) || t.client.name.toLowerCase().includes(q))
        .map(toTicket)
        .sort((a, b) => (a.sla.dueAt ?? Infinity) - (b.sla.dueAt ?? Infinity));
    },
    'tickets:get': ({ id }) => detail(get(id)),
    'tickets:command': (c) => {
      const agent = me();
      const t = get(c.id);
      switch (c.command) {
        case 'take':
          if (!onTier(agent, t)) throw new ApiError(403, 'forbidden', `only agents of tier ${t.tier} may do this`);
          t.status = 'in_work';
          t.assignee = agent;
          t.events.push({ type: 'taken', at: now() });
          log(t, agent, 'taken');
          break;
        case 'message':
          t.messages.push({ id: messageId++, ticketId: t.id, type: c.type, author: { id: agent.id, name: agent.name }, body: c.body, createdAt: now(), mergedFrom: null });
          if (c.type === 'question') {
            t.status = 'awaiting_customer';
            t.events.push({ type: 'question_asked', at: now() });
          } else if (c.type === 'reply') t.events.push({ type: 'agent_replied', at: now() });
          log(t, agent, c.type === 'question' ? 'asked' : c.type === 'reply' ? 'replied' : 'noted');
          break;
        case 'route':
          if (!isPathMove(t.kind, t.tier, c.tier) && agent.role !== 'manager') throw new ApiError(403, 'forbidden', 'out of turn: managers only (R6)');
          log(t, agent, 'routed', { fromTier: t.tier, toTier: c.tier, detail: c.reason });
          t.tier = c.tier;
          t.assignee = c.assigneeId === undefined ? null : (Object.values(AGENTS).find((a) => a.id === c.assigneeId) ?? null);
          break;
        case 'resolve':
          t.status = 'resolved';
          t.events.push({ type: 'resolved', at: now() });
          log(t, agent, 'resolved');
          break;
        case 'merge':
          if (!tickets.has(c.into)) throw new ApiError(400, 'bad_request', 'into: no such ticket', 'into');
          t.status = 'merged';
          log(t, agent, 'merged');
          break;
        case 'compensation':
          t.compensation = c.decision;
          log(t, agent, 'compensation', { detail: c.decision });
          break;
        case 'escalate': {
          // As the real bridges do: the command is validated before it leaves the console.
          const parsed = ticketCommandSchema.safeParse(c);
          if (!parsed.success) throw ApiError.badRequest(parsed.error);
          log(t, agent, 'escalated', { fromTier: t.tier, toTier: 'escalation', detail: `on the customer's request: ${c.justification}` });
          t.tier = 'escalation';
          t.assignee = null;
          t.escalated = true;
          t.justification = c.justification;
          t.events.push({ type: 'escalated', at: now() });
          break;
        }
        case 'reopen':
          throw new ApiError(403, 'forbidden', 'not for agents here');
      }
      changed(t);
      return detail(t);
    },
    'agents:list': () => ({ agents: Object.values(AGENTS).map(({ id, login, name, role, tiers }) => ({ id, login, name, role, tiers })) }),
    'settings:get': () => fake.settings,
    'settings:set': (patch) => {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new ApiError(400, 'bad_request', parsed.error.issues[0]?.message ?? 'invalid');
      fake.settings = applySettingsPatch(fake.settings, parsed.data);
      emit('settings:changed', fake.settings);
      return fake.settings;
    },
  };

  const fake: FakeBridge = {
    calls: [],
    settings: DEFAULT_SETTINGS,
    appInfo: { version: 'test', mode: 'browser', serverUrl: 'http://127.0.0.1:1', embedded: false, demoLogins: [] },
    async invoke(channel, arg) {
      fake.calls.push({ channel, arg });
      await Promise.resolve();
      return (handlers[channel] as (a: typeof arg) => InvokeResults[typeof channel])(arg);
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (set === undefined) listeners.set(channel, (set = new Set()));
      set.add(listener as (p: never) => void);
      return () => void set.delete(listener as (p: never) => void);
    },
    emit,
    signIn(agent) {
      session = { user: agent, expiresAt: now() + 86_400_000 };
    },
    customerReplies(id, body) {
      const t = get(id);
      t.messages.push({ id: messageId++, ticketId: id, type: 'customer', author: { id: 100, name: 'Алексей Смирнов' }, body, createdAt: now(), mergedFrom: null });
      t.status = 'in_work';
      t.events.push({ type: 'customer_replied', at: now() });
      log(t, null, 'customer_replied');
      changed(t);
    },
  };
  return fake;
}

/** A query client per test: no retries, no cache shared between tests. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
}

/** Renders the whole console over `bridge`. */
export function renderConsole(bridge: Bridge): ReturnType<typeof render> {
  const ui: ReactElement = <App bridge={bridge} queryClient={testQueryClient()} />;
  return render(ui);
}
