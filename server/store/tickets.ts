import { sql, type Selectable } from 'kysely';
import { OPEN_STATUSES, type AuditEntry, type Message, type OlaStatus, type RoutingRef, type Ticket, type TicketSummary, type Tier } from '../../shared/model/index.ts';
import { createCalendar, evaluateSla, type Calendar, type EvaluateOptions, type SlaEvent } from '../../shared/sla/index.ts';
import { MAX_ID, type TicketView } from '../../shared/api/index.ts';
import type { MessagesTable, TicketsTable } from '../db/schema.ts';
import type { Actor } from '../domain/actor.ts';
import type { TicketFacts } from '../../shared/workflow/index.ts';
import { storedNotice } from '../../shared/tickets/notices.ts';
import { isPathMove } from '../../shared/model/routing.ts';
import { evaluateOla } from '../../shared/ola/index.ts';
import { arrivalsOf, firstAnswersOf, type Arrival } from './arrivals.ts';
import { olaTargets } from './ola.ts';
import { inChunks, type Executor } from './executor.ts';
import { clientsById, personsById } from './users.ts';

/** A tickets row. */
export type TicketRow = Selectable<TicketsTable>;

/** The facts the workflow rules read, from a row and the name of its assignee (when it has one). */
export function factsOf(row: TicketRow, assigneeName: string | null, inOpenOutage: boolean): TicketFacts {
  return {
    id: row.id,
    kind: row.kind,
    clientId: row.client_id,
    status: row.status,
    tier: row.tier,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: assigneeName ?? '?' },
    escalated: row.escalated === 1,
    escalationJustification: row.escalation_justification,
    duplicateOf: row.duplicate_of,
    inOpenOutage,
  };
}

/** The summary an event carries, from a row. */
export function summaryOf(row: TicketRow): TicketSummary {
  return {
    id: row.id,
    number: row.id,
    kind: row.kind,
    subject: row.subject,
    clientId: row.client_id,
    status: row.status,
    tier: row.tier,
    assigneeId: row.assignee_id,
    escalated: row.escalated === 1,
    slaState: row.sla_state,
    slaDueAt: row.sla_due_at,
  };
}

/** One ticket row, locked for the rest of the transaction on PostgreSQL (SQLite has one writer anyway). */
export async function ticketRow(db: Executor, id: number, lock: boolean): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** The rules' facts of a row, with its assignee's name looked up. */
export async function factsOfRow(db: Executor, row: TicketRow): Promise<TicketFacts> {
  const name = row.assignee_id === null ? null : ((await personsById(db, [row.assignee_id])).get(row.assignee_id)?.name ?? null);
  return factsOf(row, name, (await outagesOfTickets(db, [row.id])).get(row.id)?.open === true);
}

/** Each ticket's SLA history, in order. */
export async function slaEventsOf(db: Executor, ids: readonly number[]): Promise<Map<number, SlaEvent[]>> {
  const rows = await inChunks(ids, (chunk) =>
    db.selectFrom('sla_events').select(['ticket_id', 'type', 'at']).where('ticket_id', 'in', chunk).orderBy('id').execute(),
  );
  const map = new Map<number, SlaEvent[]>();
  for (const r of rows) {
    let list = map.get(r.ticket_id);
    if (list === undefined) map.set(r.ticket_id, (list = []));
    list.push({ type: r.type, at: r.at });
  }
  return map;
}

/** The outage each ticket is linked to, for those that are, and whether it is still open. */
export async function outagesOfTickets(db: Executor, ids: readonly number[]): Promise<Map<number, { id: number; open: boolean }>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('outage_tickets')
      .innerJoin('outages', 'outages.id', 'outage_tickets.outage_id')
      .select(['outage_tickets.ticket_id', 'outage_tickets.outage_id', 'outages.restored_at'])
      .where('outage_tickets.ticket_id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((r) => [r.ticket_id, { id: r.outage_id, open: r.restored_at === null }]));
}

/** Who a ticket is hydrated for: customers never get the internal fields (routedFrom, ola). */
export type Audience = 'agents' | 'customer';

/** The audience of an actor's view of tickets. */
export function audienceOf(actor: Actor): Audience {
  return actor.kind === 'customer' ? 'customer' : 'agents';
}

/** The routing that brought the ticket to its tier now, from the audit entry that moved it there (null when none did). */
function routedFromOf(row: TicketRow, arrival: Arrival | undefined, persons: ReadonlyMap<number, Ticket['author']>): RoutingRef | null {
  if (arrival === undefined || arrival.action !== 'routed' || arrival.toTier !== row.tier || arrival.fromTier === null) return null;
  return {
    fromTier: arrival.fromTier,
    by: arrival.actorId === null ? null : (persons.get(arrival.actorId) ?? { id: arrival.actorId, name: '?' }),
    reason: arrival.detail ?? '',
    at: arrival.at,
    // The route command calls a move off the R5 path "out of turn": the same pure rule, from the stored tiers.
    outOfTurn: !isPathMove(row.kind, arrival.fromTier, arrival.toTier),
  };
}

let defaultCalendar: Calendar | undefined;

/**
 * Each open ticket's internal target clock (docs/ola.md), for tickets whose tier has a target: from
 * its arrival in the tier to the tier's first answer. Closed tickets have none (null): the report
 * (GET /api/v1/ola/report) is where answered-in-time is counted.
 */
async function olaOf(db: Executor, rows: readonly TicketRow[], arrivals: ReadonlyMap<number, Arrival>, now: number, sla: EvaluateOptions): Promise<Map<number, OlaStatus>> {
  const targets = await olaTargets(db);
  const timed = rows.filter((r) => OPEN_STATUSES.includes(r.status) && r.tier !== 'escalation' && targets[r.tier] !== null);
  if (timed.length === 0) return new Map();
  const answers = await firstAnswersOf(db, timed.map((r) => r.id));
  const calendar = sla.calendar ?? (defaultCalendar ??= createCalendar());
  const out = new Map<number, OlaStatus>();
  for (const r of timed) {
    const targetMinutes = r.tier === 'escalation' ? null : targets[r.tier];
    if (targetMinutes === null) continue;
    const arrivedAt = arrivals.get(r.id)?.at ?? r.created_at;
    out.set(r.id, evaluateOla({ tier: r.tier, arrivedAt, answeredAt: answers.get(r.id) ?? null, targetMinutes }, now, calendar));
  }
  return out;
}

/**
 * Rows as API tickets, each with its SLA evaluated at `now` from its stored history; for agents
 * also the routing that brought it to its tier and its tier's internal target clock. A customer's
 * tickets carry neither (null).
 */
export async function hydrate(db: Executor, rows: readonly TicketRow[], now: number, sla: EvaluateOptions, audience: Audience): Promise<Ticket[]> {
  if (rows.length === 0) return [];
  const agents = audience === 'agents';
  const clients = await clientsById(db);
  const arrivals = agents ? await arrivalsOf(db, rows.map((r) => r.id)) : new Map<number, Arrival>();
  const routers = [...arrivals.values()].flatMap((a) => (a.action === 'routed' && a.actorId !== null ? [a.actorId] : []));
  const persons = await personsById(db, [...rows.flatMap((r) => (r.assignee_id === null ? [r.author_id] : [r.author_id, r.assignee_id])), ...routers]);
  const history = await slaEventsOf(db, rows.map((r) => r.id));
  const outages = await outagesOfTickets(db, rows.map((r) => r.id));
  const olas = agents ? await olaOf(db, rows, arrivals, now, sla) : new Map<number, OlaStatus>();
  return rows.map((r) => {
    const client = clients.get(r.client_id);
    if (client === undefined) throw new Error(`ticket ${r.id}: client ${r.client_id} missing`);
    return {
      id: r.id,
      number: r.id,
      kind: r.kind,
      subject: r.subject,
      body: r.body,
      language: r.language,
      client,
      author: persons.get(r.author_id) ?? { id: r.author_id, name: '?' },
      status: r.status,
      tier: r.tier,
      assignee: r.assignee_id === null ? null : (persons.get(r.assignee_id) ?? { id: r.assignee_id, name: '?' }),
      escalated: r.escalated === 1,
      escalationJustification: r.escalation_justification,
      compensation: r.compensation,
      duplicateOf: r.duplicate_of,
      outage: outages.get(r.id) ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sla: evaluateSla({ kind: r.kind, events: history.get(r.id) ?? [] }, now, sla),
      routedFrom: agents ? routedFromOf(r, arrivals.get(r.id), persons) : null,
      ola: agents ? (olas.get(r.id) ?? null) : null,
    };
  });
}

/** What a ticket list asks for. */
export interface ListFilter {
  readonly view: TicketView;
  readonly tier?: Tier | undefined;
  readonly q?: string | undefined;
  readonly clientId?: number | undefined;
  readonly limit: number;
}

/** SQL list of the open statuses, for the ordering expression. */
const OPEN_SQL = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));

/**
 * Ticket rows for a view, ordered in SQL from the stored SLA columns: breached first (a running
 * clock past its due time counts as breached even before the scheduler marks it), then running by
 * due time, then paused, idle, and closed tickets last.
 */
export async function listRows(db: Executor, actor: Actor, filter: ListFilter, now: number): Promise<TicketRow[]> {
  let q = db.selectFrom('tickets').innerJoin('clients', 'clients.id', 'tickets.client_id').selectAll('tickets');
  if (actor.kind === 'customer') q = q.where('tickets.client_id', '=', actor.clientId);
  switch (filter.view) {
    case 'queue':
      q = q.where('tickets.status', 'in', OPEN_STATUSES);
      break;
    case 'mine':
      q = q.where('tickets.status', 'in', OPEN_STATUSES).where(actor.kind === 'agent' ? 'tickets.assignee_id' : 'tickets.author_id', '=', actor.id);
      break;
    case 'tier': {
      const tiers = filter.tier !== undefined ? [filter.tier] : actor.kind === 'agent' ? [...actor.tiers] : [];
      q = q.where('tickets.status', 'in', OPEN_STATUSES);
      if (actor.kind === 'agent') q = tiers.length > 0 ? q.where('tickets.tier', 'in', tiers) : q.where(sql<boolean>`false`);
      break;
    }
    case 'escalated':
      q = q.where('tickets.status', 'in', OPEN_STATUSES).where('tickets.escalated', '=', 1);
      break;
    case 'all':
      break;
  }
  if (filter.clientId !== undefined) q = q.where('tickets.client_id', '=', filter.clientId);
  const search = filter.q?.trim();
  if (search !== undefined && search !== '') {
    const like = `%${search.toLowerCase().replace(/[%_\\]/g, '')}%`;
    // A number is searched as text too (a phone number, an order number), and as a ticket number
    // only when it can be one: ids beyond the integer column would be an error on PostgreSQL.
    const number = /^#?\d+$/.test(search) ? Number(search.replace('#', '')) : null;
    q = q.where((eb) =>
      eb.or([
        ...(number !== null && number >= 1 && number <= MAX_ID ? [eb('tickets.id', '=', number)] : []),
        eb(eb.fn('lower', ['tickets.subject']), 'like', like),
        eb(eb.fn('lower', ['clients.name']), 'like', like),
      ]),
    );
  }
  const rank = sql<number>`case
    when tickets.status not in (${OPEN_SQL}) then 4
    when tickets.sla_state = 'breached' then 0
    when tickets.sla_state = 'running' and tickets.sla_due_at <= ${now} then 0
    when tickets.sla_state = 'running' then 1
    when tickets.sla_state = 'paused' then 2
    else 3 end`;
  return q
    .orderBy(rank)
    .orderBy(sql`coalesce(tickets.sla_due_at, 0)`)
    .orderBy('tickets.updated_at', 'desc')
    .orderBy('tickets.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** A ticket's messages; customers never get internal notes. */
export async function messagesOf(db: Executor, ticketId: number, forCustomer: boolean): Promise<Message[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .$if(forCustomer, (q) => q.where('type', '!=', 'note'))
    .orderBy('id')
    .execute();
  const persons = await personsById(db, rows.flatMap((r) => (r.author_id === null ? [] : [r.author_id])));
  return rows.map((r) => messageOf(r, r.author_id === null ? null : (persons.get(r.author_id) ?? { id: r.author_id, name: '?' })));
}

/** A messages row as the model's Message. */
export function messageOf(
  r: Pick<Selectable<MessagesTable>, 'id' | 'ticket_id' | 'type' | 'body' | 'created_at' | 'merged_from' | 'notice'>,
  author: Message['author'],
): Message {
  const notice = storedNotice(r.notice);
  return { id: r.id, ticketId: r.ticket_id, type: r.type, author, body: r.body, createdAt: r.created_at, mergedFrom: r.merged_from, ...(notice === null ? {} : { notice }) };
}

/** A ticket's audit trail, oldest first. */
export async function auditOf(db: Executor, ticketId: number): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  const persons = await personsById(db, rows.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id])));
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    actor: r.actor_id === null ? null : (persons.get(r.actor_id) ?? { id: r.actor_id, name: '?' }),
    action: r.action,
    fromTier: r.from_tier,
    toTier: r.to_tier,
    detail: r.detail,
    at: r.at,
  }));
}
