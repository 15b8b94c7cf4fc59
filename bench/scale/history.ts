/**
 * The scale bench's tickets, as pure data: each ticket's life is a short script of the commands a
 * desk runs (file, take, ask, customer reply, route, escalate, resolve), decided by the service's own
 * rules (shared/workflow `decide`) and turned into the rows the service writes for them: the ticket
 * with its stored SLA columns, its SLA history, clocks, audit trail, messages and (optionally) its
 * events. No Node built-ins: the seeder (seed.ts) writes the rows, the unit tests read them.
 */
import type { AuditAction, Client, Language, MessageType, TicketStatus, TicketSummary, Tier } from '../../shared/model/index.ts';
import { isPathMove, TIER_PATHS, supportTypeOf } from '../../shared/model/routing.ts';
import { evaluateSla, TICKET_KINDS, type EvaluateOptions, type SlaEvent, type SlaEventType, type SlaState, type SlaStatus, type SlaTargetId, type TicketKind } from '../../shared/sla/index.ts';
import { decide, type Actor, type TicketChange, type TicketCommand, type TicketFacts } from '../../shared/workflow/index.ts';
import { seededRandom } from '../../test/support/random.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A small fast deterministic PRNG (mulberry32): the same seed gives the same database. */
export const rng = seededRandom;

/** An agent as the rules see them. */
export type AgentActor = Extract<Actor, { kind: 'agent' }>;
/** A customer as the rules see them, with the language they write in. */
export type CustomerActor = Extract<Actor, { kind: 'customer' }> & { readonly language: Language; readonly client: Client };

/** Who works the tickets: agents by the tier they work, and the customers who file them. */
export interface Cast {
  readonly agentsByTier: Readonly<Record<Tier, readonly AgentActor[]>>;
  readonly customers: readonly CustomerActor[];
}

/** One command of a ticket's script, by whom and when. */
export interface Step {
  readonly at: number;
  readonly actor: Actor;
  readonly command: TicketCommand | { readonly type: 'customer_reply'; readonly body: string };
}

/** A ticket's whole script: who files what, when, and what happens to it after. */
export interface Plan {
  readonly kind: TicketKind;
  readonly customer: CustomerActor;
  readonly subject: string;
  readonly body: string;
  readonly createdAt: number;
  readonly steps: readonly Step[];
}

/** The rows one ticket puts in each table (ids of child rows are the table's to give). */
export interface TicketRows {
  readonly ticket: {
    id: number; kind: TicketKind; subject: string; body: string; language: Language; client_id: number; author_id: number;
    status: TicketStatus; tier: Tier; assignee_id: number | null; escalated: 0 | 1; escalation_justification: string | null;
    compensation: null; duplicate_of: null; created_at: number; updated_at: number; sla_state: SlaState; sla_due_at: number | null;
    sla_warn_at: number | null; sla_calendar: SlaStatus['calendar'];
  };
  readonly slaEvents: readonly SlaEvent[];
  readonly clocks: readonly {
    idx: number; target: SlaTargetId; started_at: number; due_at: number; warn_at: number;
    stopped_at: number | null; warned_at: number | null; breached_at: number | null;
  }[];
  readonly audit: readonly { actor_id: number | null; action: AuditAction; from_tier: Tier | null; to_tier: Tier | null; detail: string | null; at: number }[];
  /** `id` is the one the caller's allocator gave (events carry it). */
  readonly messages: readonly { id: number; type: MessageType; author_id: number | null; body: string; created_at: number; notice: string | null }[];
  readonly events: readonly { type: string; at: number; audience: 'all' | 'agents'; payload: string }[];
}

/** The ticket's SLA status at `now`, as the engine computes it from the seeded history. */
export function slaOf(rows: Pick<TicketRows, 'ticket' | 'slaEvents'>, now: number, sla: EvaluateOptions): SlaStatus {
  return evaluateSla({ kind: rows.ticket.kind, events: rows.slaEvents }, now, sla);
}

// The agents' row as the service stores it with each event (server/store/summaries.ts); the seeded
// tickets are never routed out of turn or linked to outages, and their internal clocks are left out.
const summaryOf = (t: TicketRows['ticket'], client: Client, names: ReadonlyMap<number, string>): TicketSummary => ({
  id: t.id, number: t.id, kind: t.kind, subject: t.subject, language: t.language, client, status: t.status, tier: t.tier,
  assignee: t.assignee_id === null ? null : { id: t.assignee_id, name: names.get(t.assignee_id) ?? '?' }, escalated: t.escalated === 1,
  duplicateOf: null, outage: null, createdAt: t.created_at, updatedAt: t.updated_at,
  sla: { state: t.sla_state, dueAt: t.sla_due_at, warnAt: t.sla_warn_at, calendar: t.sla_calendar }, routedFrom: null, ola: null,
});

/** The ticket-level event data of a change, as the ticket service writes it (server/domain/ticket-service.ts ticketEvent). */
function ticketEventData(change: TicketChange): { type: string; agentsOnly: boolean; data: unknown } | null {
  const e = change.event;
  if (e === undefined) return null;
  const { action, fromTier, toTier } = change.audit;
  switch (e.type) {
    case 'ticket.changed':
      return { type: e.type, agentsOnly: e.agentsOnly, data: { action } };
    case 'ticket.routed':
      return { type: e.type, agentsOnly: e.agentsOnly, data: { action: 'routed', fromTier, toTier, reason: e.reason, outOfTurn: e.outOfTurn ?? false } };
    case 'ticket.escalated':
      return { type: e.type, agentsOnly: e.agentsOnly, data: { action: 'escalated', fromTier, toTier: 'escalation' } };
  }
}

/**
 * Plays a plan as the ticket service would have, at the instants it names, and returns the rows.
 * `withEvents`: also the event stream (and the ticket summaries it carries, which needs the engine
 * at every step); without, the engine runs once, at `now`. Throws when the rules refuse a step.
 */
export function playTicket(id: number, plan: Plan, now: number, sla: EvaluateOptions, nextMessageId: () => number, withEvents: boolean): TicketRows {
  const { customer } = plan;
  const t: TicketRows['ticket'] = {
    id, kind: plan.kind, subject: plan.subject, body: plan.body, language: customer.language, client_id: customer.clientId, author_id: customer.id,
    status: 'new', tier: 'l1', assignee_id: null, escalated: 0, escalation_justification: null, compensation: null, duplicate_of: null,
    created_at: plan.createdAt, updated_at: plan.createdAt, sla_state: 'idle', sla_due_at: null, sla_warn_at: null, sla_calendar: null,
  };
  const slaEvents: SlaEvent[] = [];
  const audit: TicketRows['audit'][number][] = [];
  const messages: TicketRows['messages'][number][] = [];
  const events: TicketRows['events'][number][] = [];
  const names = new Map<number, string>();
  const evaluate = (at: number): void => {
    if (!withEvents) return;
    const status = evaluateSla({ kind: t.kind, events: slaEvents }, at, sla);
    t.sla_state = status.state;
    t.sla_due_at = status.dueAt;
    t.sla_warn_at = status.warnAt;
    t.sla_calendar = status.calendar;
  };
  const record = (type: SlaEventType, at: number): void => {
    slaEvents.push({ type, at });
    evaluate(at);
  };
  const message = (type: MessageType, body: string, author: Actor | null, at: number, notice: unknown = null) => {
    const m = { id: nextMessageId(), type, author_id: author?.id ?? null, body, created_at: at, notice: notice === null ? null : JSON.stringify(notice) };
    messages.push(m);
    if (author !== null) names.set(author.id, author.name);
    return m;
  };
  const event = (type: string, agentsOnly: boolean, data: unknown, at: number): void => {
    if (withEvents) events.push({ type, at, audience: agentsOnly ? 'agents' : 'all', payload: JSON.stringify({ ticket: summaryOf(t, customer.client, names), data }) });
  };
  const wireMessage = (m: TicketRows['messages'][number]) => {
    const notice = m.notice === null ? {} : { notice: JSON.parse(m.notice) as unknown };
    return { id: m.id, ticketId: id, type: m.type, author: m.author_id === null ? null : { id: m.author_id, name: names.get(m.author_id) ?? '?' }, body: m.body, createdAt: m.created_at, mergedFrom: null, ...notice };
  };

  // Filing (ticket-service create): the ticket, its first clock, audit, the customer's message, two events.
  record('created', plan.createdAt);
  audit.push({ actor_id: customer.id, action: 'created', from_tier: null, to_tier: 'l1', detail: null, at: plan.createdAt });
  const first = message('customer', plan.body, customer, plan.createdAt);
  event('ticket.created', false, { action: 'created', toTier: 'l1' }, plan.createdAt);
  event('message.added', false, { message: wireMessage(first) }, plan.createdAt);

  for (const step of plan.steps) {
    names.set(step.actor.id, step.actor.name);
    const facts: TicketFacts = {
      id, kind: t.kind, clientId: t.client_id, status: t.status, tier: t.tier,
      assignee: t.assignee_id === null ? null : { id: t.assignee_id, name: names.get(t.assignee_id) ?? '?' },
      escalated: t.escalated === 1, escalationJustification: t.escalation_justification, duplicateOf: null, inOpenOutage: false,
    };
    const command: TicketCommand = step.command.type === 'customer_reply' ? { type: 'message', messageType: 'reply', body: step.command.body } : step.command;
    const verdict = decide(step.actor, facts, command);
    if (!verdict.ok) throw new Error(`ticket ${id}: the rules refuse ${command.type}: ${verdict.error.message}`);
    const change = verdict.change;
    names.set(step.actor.id, step.actor.name);
    // Applied as ticket-service apply() does: columns, SLA event, audit, message, then the events.
    if (change.status !== undefined) t.status = change.status;
    if (change.tier !== undefined) t.tier = change.tier;
    if (change.assigneeId !== undefined) t.assignee_id = change.assigneeId;
    if (change.escalated !== undefined) t.escalated = change.escalated ? 1 : 0;
    if (change.escalationJustification !== undefined) t.escalation_justification = change.escalationJustification;
    t.updated_at = step.at;
    if (change.slaEvent !== undefined) record(change.slaEvent, step.at);
    const a = change.audit;
    audit.push({ actor_id: step.actor.id, action: a.action, from_tier: a.fromTier ?? null, to_tier: a.toTier ?? null, detail: a.detail ?? null, at: step.at });
    const m = change.message === undefined ? undefined : message(change.message.type, change.message.body, change.message.system === true ? null : step.actor, step.at, change.message.notice ?? null);
    const te = ticketEventData(change);
    if (te !== null) event(te.type, te.agentsOnly, te.data, step.at);
    if (m !== undefined) event('message.added', m.type === 'note', { message: wireMessage(m) }, step.at);
  }

  // What is stored now: the engine's state at `now`, and each clock with the scheduler's claims
  // as a running scheduler would have made them (warned at warnAt, breached at dueAt).
  const status = evaluateSla({ kind: t.kind, events: slaEvents }, now, sla);
  t.sla_state = status.state;
  t.sla_due_at = status.dueAt;
  t.sla_warn_at = status.warnAt;
  t.sla_calendar = status.calendar;
  const clocks = status.clocks.map((c, idx) => {
    const until = c.stoppedAt ?? now;
    return {
      idx, target: c.target, started_at: c.startedAt, due_at: c.dueAt, warn_at: c.warnAt, stopped_at: c.stoppedAt,
      warned_at: c.warnAt <= until ? c.warnAt : null,
      breached_at: c.dueAt <= until && (c.stoppedAt === null || c.stoppedAt > c.dueAt) ? c.dueAt : null,
    };
  });
  return { ticket: t, slaEvents, clocks, audit, messages, events };
}

/** Texts per language, enough to look like a desk. */
const TEXTS: Readonly<Record<Language, { subjects: readonly string[]; body: string; reply: string; question: string; answer: string }>> = {
  en: {
    subjects: ['Calls drop after 30 seconds', 'Campaign does not start', 'Report export fails', 'Agents cannot hear callers', 'How do I set up a queue?', 'Add a callback button'],
    body: 'Since this morning our operators see the problem on every call; the campaign is stuck and customers are waiting. Please look at it urgently.',
    reply: 'We found the cause and fixed the configuration; calls go through again. Please check on your side.',
    question: 'Could you send us the campaign name and the time of one failed call?',
    answer: 'Campaign "Winter", the last failed call was at 10:42.',
  },
  uk: {
    subjects: ['Дзвінки обриваються через 30 секунд', 'Кампанія не запускається', 'Не вивантажується звіт', 'Оператори не чують абонентів', 'Як налаштувати чергу?', 'Додайте кнопку зворотного дзвінка'],
    body: 'З ранку оператори бачать проблему на кожному дзвінку; кампанія стоїть, клієнти чекають. Будь ласка, подивіться терміново.',
    reply: 'Ми знайшли причину і виправили налаштування; дзвінки знову проходять. Перевірте, будь ласка.',
    question: 'Надішліть, будь ласка, назву кампанії і час одного невдалого дзвінка.',
    answer: 'Кампанія «Зима», останній невдалий дзвінок о 10:42.',
  },
  ru: {
    subjects: ['Звонки обрываются через 30 секунд', 'Кампания не запускается', 'Не выгружается отчёт', 'Операторы не слышат абонентов', 'Как настроить очередь?', 'Добавьте кнопку обратного звонка'],
    body: 'С утра операторы видят проблему на каждом звонке; кампания стоит, клиенты ждут. Пожалуйста, посмотрите срочно.',
    reply: 'Мы нашли причину и исправили настройки; звонки снова проходят. Проверьте, пожалуйста.',
    question: 'Пришлите, пожалуйста, название кампании и время одного неудачного звонка.',
    answer: 'Кампания «Зима», последний неудачный звонок в 10:42.',
  },
};

/** The kinds of life a ticket has; the open ones stop where the desk is now. */
const CLOSED_SCRIPTS = ['resolved', 'asked-resolved', 'routed-resolved', 'escalated-resolved'] as const;
const OPEN_SCRIPTS = ['filed', 'taken', 'asked', 'answered', 'routed', 'escalated'] as const;
/** Cumulative weights of the scripts above. */
const CLOSED_WEIGHTS = [0.6, 0.75, 0.9, 1];
const OPEN_WEIGHTS = [0.4, 0.55, 0.65, 0.75, 0.9, 1];

const pickWeighted = <T>(items: readonly T[], cumulative: readonly number[], r: number): T => items[cumulative.findIndex((w) => r < w)] ?? (items.at(-1) as T);
const pick = <T>(items: readonly T[], random: () => number): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/**
 * The script of one ticket filed at `createdAt` by `customer`: closed (resolved) or still open at
 * `now`. Every step happens at or before `now`, in order; minutes apart, as on a busy desk.
 */
export function planTicket(random: () => number, cast: Cast, customer: CustomerActor, createdAt: number, open: boolean, now: number): Plan {
  const kind = pick(TICKET_KINDS, random);
  const text = TEXTS[customer.language];
  const steps: Step[] = [];
  let at = createdAt;
  const later = (minutes: number): number => (at = Math.min(now, at + Math.round((1 + random() * minutes) * MINUTE)));
  const agentOf = (tier: Tier): AgentActor => pick(cast.agentsByTier[tier], random);
  const add = (actor: Actor, command: Step['command'], minutes: number): void => {
    steps.push({ at: later(minutes), actor, command });
  };
  const path = TIER_PATHS[supportTypeOf(kind)];
  const routeUp = (): Tier => {
    // One to three steps up the ticket's R5 path, each by an agent of the tier it is at.
    let tier: Tier = 'l1';
    const hops = 1 + Math.floor(random() * (path.length - 1));
    for (let h = 0; h < hops; h++) {
      const to: Tier | undefined = path[path.indexOf(tier) + 1];
      if (to === undefined || !isPathMove(kind, tier, to)) break;
      add(agentOf(tier), { type: 'route', tier: to, reason: 'Needs the next line', assignee: undefined }, 90);
      tier = to;
    }
    return tier;
  };
  const resolve = (tier: Tier): void => add(agentOf(tier), { type: 'resolve', reply: text.reply }, 240);

  if (open) {
    switch (pickWeighted(OPEN_SCRIPTS, OPEN_WEIGHTS, random())) {
      case 'filed':
        break;
      case 'taken':
        add(agentOf('l1'), { type: 'take' }, 60);
        break;
      case 'asked':
        add(agentOf('l1'), { type: 'take' }, 30);
        add(agentOf('l1'), { type: 'message', messageType: 'question', body: text.question }, 30);
        break;
      case 'answered': {
        const agent = agentOf('l1');
        add(agent, { type: 'take' }, 30);
        add(agent, { type: 'message', messageType: 'question', body: text.question }, 30);
        add(customer, { type: 'customer_reply', body: text.answer }, 120);
        break;
      }
      case 'routed': {
        add(agentOf('l1'), { type: 'take' }, 30);
        const tier = routeUp();
        if (random() < 0.5) add(agentOf(tier), { type: 'take' }, 60);
        break;
      }
      case 'escalated':
        add(customer, { type: 'escalate', justification: 'No answer for too long, our calls are down' }, 60);
        break;
    }
  } else {
    switch (pickWeighted(CLOSED_SCRIPTS, CLOSED_WEIGHTS, random())) {
      case 'resolved': {
        const agent = agentOf('l1');
        add(agent, { type: 'take' }, 60);
        resolve('l1');
        break;
      }
      case 'asked-resolved': {
        const agent = agentOf('l1');
        add(agent, { type: 'take' }, 30);
        add(agent, { type: 'message', messageType: 'question', body: text.question }, 30);
        add(customer, { type: 'customer_reply', body: text.answer }, 600);
        add(agent, { type: 'message', messageType: 'reply', body: text.reply }, 60);
        resolve('l1');
        break;
      }
      case 'routed-resolved': {
        add(agentOf('l1'), { type: 'take' }, 30);
        const tier = routeUp();
        add(agentOf(tier), { type: 'take' }, 120);
        resolve(tier);
        break;
      }
      case 'escalated-resolved':
        add(customer, { type: 'escalate', justification: 'No answer for too long, our calls are down' }, 60);
        add(agentOf('escalation'), { type: 'take' }, 15);
        resolve('escalation');
        break;
    }
  }
  const subject = pick(text.subjects, random);
  return { kind, customer, subject, body: text.body, createdAt, steps };
}

/** How many tickets, and over what span of time. */
export interface ScaleShape {
  readonly total: number;
  readonly open: number;
  /** The open tickets (and as many closed ones again, half as many) were filed over the last this many days. */
  readonly recentDays: number;
  /** The older (closed) tickets over this many days before that. */
  readonly historyDays: number;
}

/**
 * Each ticket's filing instant (ascending, as ids are) and whether it is still open at `now`:
 * the older ones are all closed; the most recent ones (open + half as many) are a shuffled mix
 * with exactly `open` open.
 */
export function timeline(shape: ScaleShape, now: number, random: () => number): { createdAt: Float64Array; open: Uint8Array } {
  const { total, open } = shape;
  if (open > total) throw new Error('more open tickets than tickets');
  const recent = Math.min(total, open + Math.floor(open / 2));
  const older = total - recent;
  const createdAt = new Float64Array(total);
  const recentStart = now - shape.recentDays * DAY;
  const historyStart = recentStart - shape.historyDays * DAY;
  for (let i = 0; i < older; i++) createdAt[i] = Math.floor(historyStart + ((i + random()) / older) * (recentStart - historyStart));
  for (let i = 0; i < recent; i++) createdAt[older + i] = Math.floor(recentStart + ((i + random()) / recent) * (now - recentStart));
  // Exactly `open` of the recent ones stay open: a partial Fisher-Yates shuffle picks them.
  const idx = Array.from({ length: recent }, (_, i) => older + i);
  const isOpen = new Uint8Array(total);
  for (let k = 0; k < open; k++) {
    const j = k + Math.floor(random() * (recent - k));
    const chosen = idx[j] ?? 0;
    idx[j] = idx[k] ?? 0;
    idx[k] = chosen;
    isOpen[chosen] = 1;
  }
  return { createdAt, open: isOpen };
}

/** A client for ticket i: a few big clients and a long tail (a Zipf-like pick). */
export function customerFor(random: () => number, customers: readonly CustomerActor[]): CustomerActor {
  const i = Math.floor(customers.length * random() ** 2.5);
  return customers[Math.min(i, customers.length - 1)] ?? pick(customers, random);
}
