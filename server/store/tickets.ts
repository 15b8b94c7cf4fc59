import { sql, type Selectable } from 'kysely';
import { type AuditEntry, type Message, type TicketStatus, type Tier } from '../../shared/model/index.ts';
import type { SlaEvent } from '../../shared/sla/index.ts';
import { MAX_ID, type TicketView } from '../../shared/api/index.ts';
import type { MessagesTable, TicketsTable } from '../db/schema.ts';
import { QUEUE_RANK_SQL } from '../db/migrations.ts';
import type { QueueKey } from '../../shared/tickets/service-order.ts';
import type { Actor } from '../domain/actor.ts';
import type { TicketFacts } from '../../shared/workflow/index.ts';
import { storedNotice } from '../../shared/tickets/notices.ts';
import { inChunks, type Executor } from './executor.ts';
import { personsById } from './users.ts';

/** What the service's own event consumers (Telegram) read of a ticket. */
export interface TicketBrief {
  readonly id: number;
  readonly number: number;
  readonly subject: string;
  readonly clientId: number;
  readonly status: TicketStatus;
  readonly tier: Tier;
}

/** A tickets row. */
export type TicketRow = Selectable<TicketsTable>;

/** The columns a queue row is made of (server/store/summaries.ts): all but the body and the other long texts. */
export const SUMMARY_COLUMNS = [
  'id', 'kind', 'subject', 'language', 'client_id', 'status', 'tier', 'assignee_id', 'escalated', 'duplicate_of', 'created_at', 'updated_at',
  'sla_state', 'sla_due_at', 'sla_warn_at', 'sla_calendar', 'tier_arrived_at', 'routed_audit_id', 'first_answer_at',
] as const satisfies readonly (keyof TicketsTable)[];
/** A ticket's row as a queue row needs it. */
export type SummaryRow = Pick<TicketRow, (typeof SUMMARY_COLUMNS)[number]>;

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

/** What the service's own event consumers read of a ticket (the stored event carries its summary, summariesOf). */
export function briefOf(row: TicketRow): TicketBrief {
  return { id: row.id, number: row.id, subject: row.subject, clientId: row.client_id, status: row.status, tier: row.tier };
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

/** What a ticket list asks for. */
export interface ListFilter {
  readonly view: TicketView;
  readonly tier?: Tier | undefined;
  readonly q?: string | undefined;
  readonly clientId?: number | undefined;
  readonly limit: number;
  /** Only rows after this key (a page's cursor, shared/tickets/service-order.ts). */
  readonly after?: QueueKey | undefined;
}

// The queue order's keys in SQL: the rank as migration 0016 indexed it, so the index serves the order.
const RANK = sql<number>`${sql.raw(QUEUE_RANK_SQL)}`;
const DUE = sql<number>`coalesce(tickets.sla_due_at, 0)`;
// "Open" as the rank says it (closed ranks 4), so the index's range is the filter too.
const OPEN = sql<boolean>`${RANK} < 4`;

/** Whole ticket rows of a view, in the queue order (listQuery). */
export async function listRows(db: Executor, actor: Actor, filter: ListFilter): Promise<TicketRow[]> {
  return listQuery(db, actor, filter).selectAll().execute();
}

/** A view's rows as queue rows need them (SUMMARY_COLUMNS: no bodies read), in the queue order (listQuery). */
export async function listSummaryRows(db: Executor, actor: Actor, filter: ListFilter): Promise<SummaryRow[]> {
  return listQuery(db, actor, filter).select(SUMMARY_COLUMNS).execute();
}

/**
 * A view's tickets in the service's queue order (shared/tickets/service-order.ts), from the stored
 * SLA columns: breached first, then running by due time, then paused, idle, and closed tickets last.
 * `filter.after` starts after a page's last row (keyset paging).
 */
function listQuery(db: Executor, actor: Actor, filter: ListFilter) {
  let q = db.selectFrom('tickets');
  if (actor.kind === 'customer') q = q.where('tickets.client_id', '=', actor.clientId);
  switch (filter.view) {
    case 'queue':
      q = q.where(OPEN);
      break;
    case 'mine':
      q = q.where(OPEN).where(actor.kind === 'agent' ? 'tickets.assignee_id' : 'tickets.author_id', '=', actor.id);
      break;
    case 'tier': {
      const tiers = filter.tier !== undefined ? [filter.tier] : actor.kind === 'agent' ? [...actor.tiers] : [];
      q = q.where(OPEN);
      if (actor.kind === 'agent') q = tiers.length > 0 ? q.where('tickets.tier', 'in', tiers) : q.where(sql<boolean>`false`);
      break;
    }
    case 'escalated':
      q = q.where(OPEN).where('tickets.escalated', '=', 1);
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
        eb('tickets.client_id', 'in', eb.selectFrom('clients').select('clients.id').where((c) => c(c.fn('lower', ['clients.name']), 'like', like))),
      ]),
    );
  }
  const after = filter.after;
  if (after !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb(RANK, '>', after.rank),
        eb.and([eb(RANK, '=', after.rank), eb(DUE, '>', after.due)]),
        eb.and([eb(RANK, '=', after.rank), eb(DUE, '=', after.due), eb('tickets.updated_at', '<', after.updatedAt)]),
        eb.and([eb(RANK, '=', after.rank), eb(DUE, '=', after.due), eb('tickets.updated_at', '=', after.updatedAt), eb('tickets.id', '<', after.id)]),
      ]),
    );
  }
  return q.orderBy(RANK).orderBy(DUE).orderBy('tickets.updated_at', 'desc').orderBy('tickets.id', 'desc').limit(filter.limit);
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
