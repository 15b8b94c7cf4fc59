/**
 * The ticket commands: each one transaction that checks the rules (workflow.ts), writes the
 * ticket, its message, audit entry, SLA history and events together, or nothing at all.
 */
import type { Transaction } from 'kysely';
import type { Language, Message, TicketDetail, Ticket, TicketSummary } from '../../shared/model/index.ts';
import type { QueuePage } from '../../shared/api/index.ts';
import { cursorOf } from '../../shared/tickets/service-order.ts';
import { eventHead } from '../events/outbox.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { createCalendar, type EvaluateOptions, type TicketKind } from '../../shared/sla/index.ts';
import { systemMessage, type SystemNotice } from '../../shared/tickets/notices.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import { writeEvents, type PendingEvent, type PendingTicketEvent } from '../events/outbox.ts';
import type { TelegramEnqueue } from '../telegram/enqueue.ts';
import { recordSlaEvent, type LateBreach } from '../store/sla.ts';
import { audienceOf, auditOf, briefOf, factsOfRow, listRows, listSummaryRows, messageOf, messagesOf, SUMMARY_COLUMNS, ticketRow, type ListFilter, type TicketBrief, type TicketRow } from '../store/tickets.ts';
import { isAnswer } from '../store/arrivals.ts';
import { inChunks } from '../store/executor.ts';
import { hydrate, summariesOf } from '../store/summaries.ts';
import { userById } from '../store/users.ts';
import type { Actor } from './actor.ts';
import type { Paging } from './paging.ts';
import { forbidden, notFound } from './errors.ts';
import { canSee, decide, decideMerge, refusalError, type TicketChange, type TicketCommand } from './workflow.ts';

/** What the commands need. */
export interface TicketServiceDeps {
  readonly db: Db;
  readonly now: () => number;
  readonly sla: EvaluateOptions;
  /** Called after every commit that wrote events. */
  readonly onEvents: () => void;
  /**
   * Whether the agent is on call (the roster's answer) at instant `at`. Outside working time (the
   * support calendar) that lets them act on escalated tickets whatever their tier (shared/workflow).
   */
  readonly onCall: (agentId: number, at: number) => Promise<boolean>;
  /** Paging after hours (docs/oncall.md); none: commands never page (the demo seed). */
  readonly paging?: Paging;
  /**
   * Called first in every transaction (before any ticket is locked): waits for a change of the
   * support calendar being made and adopts a newer one (server/domain/calendar-service.ts).
   */
  readonly beforeWork?: (trx: Transaction<Database>) => Promise<void>;
  /**
   * The Telegram status channel (R11, server/telegram): queues a transaction's status messages
   * in it, and is told after a commit that queued some. None: nothing is posted.
   */
  readonly telegram?: { readonly enqueue: TelegramEnqueue; readonly queued: () => void };
}

/** Never on call: for a ticket service with no roster (the demo seed replays histories without one). */
export const NOBODY_ON_CALL: TicketServiceDeps['onCall'] = async () => false;

/** What a customer files (R3). */
export interface NewTicket {
  readonly kind: TicketKind;
  readonly subject: string;
  readonly body: string;
  readonly language?: Language | undefined;
}

/** One command's transaction: its instant and the events it will write. */
interface Tx {
  readonly trx: Transaction<Database>;
  /** The command's instant: set again once the command holds its ticket locks (see `locked`). */
  now: number;
  readonly events: PendingEvent[];
}

/** The ticket service's commands and queries. */
export type TicketService = ReturnType<typeof createTicketService>;

/** Builds the ticket commands over a database. */
export function createTicketService(deps: TicketServiceDeps) {
  const { db, sla } = deps;
  const lock = db.engine === 'postgres';
  const calendar = sla.calendar ?? createCalendar();

  /**
   * The actor with the on-call fact the rules read: on call (roster) and after hours (calendar).
   * Managers act anywhere already; customers are never on call. Asked before the command's
   * transaction: the roster reads the database, and on SQLite an open transaction holds the one
   * connection. What the caller put in `onCallNow` is never trusted.
   */
  async function withOnCall(actor: Actor): Promise<Actor> {
    if (actor.kind !== 'agent') return actor;
    const at = deps.now();
    const onCallNow = actor.role !== 'manager' && !calendar.isWorkingTime(at) && (await deps.onCall(actor.id, at));
    return { ...actor, onCallNow };
  }

  async function inTransaction<T>(work: (tx: Tx) => Promise<T>, now = deps.now()): Promise<T> {
    let wroteEvents = false;
    let queued = 0;
    const result = await db.kysely.transaction().execute(async (trx) => {
      await deps.beforeWork?.(trx);
      const tx: Tx = { trx, now, events: [] };
      const value = await work(tx);
      await writeEvents(trx, db.engine, tx.events, tx.now, (ids) => summariesById(trx, ids, tx.now));
      // After writeEvents, which holds the event-sequence lock on PostgreSQL until commit: the
      // outbox ids are then in commit order too, and each chat's messages in the order of its actions.
      queued = (await deps.telegram?.enqueue(trx, tx.events, tx.now)) ?? 0;
      wroteEvents = tx.events.length > 0;
      return value;
    });
    if (wroteEvents) deps.onEvents();
    if (queued > 0) deps.telegram?.queued();
    return result;
  }

  /** The agents' summaries of tickets by id, as `ex` sees them. */
  async function summariesById(ex: Db['kysely'] | Transaction<Database>, ids: readonly number[], now: number): Promise<Map<number, TicketSummary>> {
    const rows = await inChunks(ids, (chunk) => ex.selectFrom('tickets').select(SUMMARY_COLUMNS).where('id', 'in', chunk).execute());
    const summaries = await summariesOf(ex, rows, now, sla, 'agents');
    return new Map(summaries.map((s) => [s.id, s]));
  }

  async function detail(ex: Db['kysely'] | Transaction<Database>, actor: Actor, row: TicketRow, now: number): Promise<TicketDetail> {
    const [ticket] = await hydrate(ex, [row], now, sla, audienceOf(actor));
    if (ticket === undefined) throw new Error('unreachable: hydrate lost a row');
    const customer = actor.kind === 'customer';
    return { ticket, messages: await messagesOf(ex, row.id, customer), audit: customer ? [] : await auditOf(ex, row.id) };
  }

  /**
   * A command's "now" is read once it holds its ticket locks: on PostgreSQL a command may wait for
   * another's lock, and a time read before the wait would stamp its history before the other's.
   */
  function locked(tx: Tx): void {
    tx.now = deps.now();
  }

  async function lockedVisible(tx: Tx, actor: Actor, id: number): Promise<TicketRow> {
    const row = await ticketRow(tx.trx, id, lock);
    locked(tx);
    if (row === undefined || !canSee(actor, { clientId: row.client_id })) throw notFound(`ticket #${id} not found`);
    return row;
  }

  function slaEvents(row: TicketRow, late: readonly LateBreach[]): PendingEvent[] {
    return late.map(({ index, clock }) => ({
      type: 'sla.breached' as const,
      ticket: briefOf(row),
      agentsOnly: true,
      data: { clock: { index, target: clock.target, startedAt: clock.startedAt, dueAt: clock.dueAt, warnAt: clock.warnAt } },
    }));
  }

  async function addMessage(tx: Tx, ticketId: number, type: Message['type'], body: string, author: Actor | null, notice: SystemNotice | null = null): Promise<Message> {
    const row = await tx.trx
      .insertInto('messages')
      .values({ ticket_id: ticketId, type, author_id: author?.id ?? null, body, created_at: tx.now, merged_from: null, notice: notice === null ? null : JSON.stringify(notice) })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The tier's first answer (its internal clock stops): strictly after the arrival, since what is
    // written at the instant of a move belongs to the tier it left.
    if (author !== null && isAnswer(type)) {
      await tx.trx.updateTable('tickets').set({ first_answer_at: tx.now }).where('id', '=', ticketId).where('first_answer_at', 'is', null).where('tier_arrived_at', '<', tx.now).execute();
    }
    return messageOf(row, author === null ? null : { id: author.id, name: author.name });
  }

  async function audit(tx: Tx, ticketId: number, actor: Actor | null, a: TicketChange['audit']): Promise<void> {
    const { id } = await tx.trx
      .insertInto('audit')
      .values({ ticket_id: ticketId, actor_id: actor?.id ?? null, action: a.action, from_tier: a.fromTier ?? null, to_tier: a.toTier ?? null, detail: a.detail ?? null, at: tx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An arrival in a tier: the row's routing and internal clock start from here (migration 0017).
    if (a.toTier !== undefined) {
      await tx.trx.updateTable('tickets').set({ tier_arrived_at: tx.now, routed_audit_id: a.action === 'routed' ? id : null, first_answer_at: null }).where('id', '=', ticketId).execute();
    }
  }

  /** Applies a decided change to a locked row; returns the row as it now is. */
  async function apply(tx: Tx, actor: Actor, row: TicketRow, change: TicketChange): Promise<TicketRow> {
    await tx.trx
      .updateTable('tickets')
      .set({
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.tier !== undefined ? { tier: change.tier } : {}),
        ...(change.assigneeId !== undefined ? { assignee_id: change.assigneeId } : {}),
        ...(change.escalated !== undefined ? { escalated: change.escalated ? 1 : 0 } : {}),
        ...(change.escalationJustification !== undefined ? { escalation_justification: change.escalationJustification } : {}),
        ...(change.compensation !== undefined ? { compensation: change.compensation } : {}),
        ...(change.duplicateOf !== undefined ? { duplicate_of: change.duplicateOf } : {}),
        updated_at: tx.now,
      })
      .where('id', '=', row.id)
      .execute();
    let late: LateBreach[] = [];
    if (change.slaEvent !== undefined) late = (await recordSlaEvent(tx.trx, { id: row.id, kind: row.kind }, change.slaEvent, tx.now, sla)).lateBreaches;
    await audit(tx, row.id, actor, change.audit);
    const message = change.message === undefined ? undefined : await addMessage(tx, row.id, change.message.type, change.message.body, change.message.system === true ? null : actor, change.message.notice ?? null);
    const after = await ticketRow(tx.trx, row.id, false);
    if (after === undefined) throw new Error(`ticket ${row.id} vanished inside its own transaction`);
    const brief = briefOf(after);
    // What the status was, for those who tell status changes from the events (server/telegram).
    const statusBefore = row.status;
    const event = ticketEvent(change, brief);
    if (event !== undefined) tx.events.push({ ...event, statusBefore });
    if (message !== undefined) tx.events.push({ type: 'message.added', ticket: brief, agentsOnly: message.type === 'note', data: { message }, statusBefore });
    tx.events.push(...slaEvents(after, late));
    // Resolving (or merging) a ticket ends its page.
    if (deps.paging !== undefined && (change.status === 'resolved' || change.status === 'merged')) await deps.paging.closeFor(tx, after);
    return after;
  }

  /**
   * The pages a command raises outside working time (`roster` null: working time): an escalation
   * (R12), or a customer's message on an escalated ticket.
   */
  async function pageAfter(tx: Tx, after: TicketRow, change: TicketChange, roster: Awaited<ReturnType<Paging['rosterFor']>>): Promise<void> {
    if (deps.paging === undefined || roster === null) return;
    if (change.event?.type === 'ticket.escalated') await deps.paging.trigger(tx, after, 'escalated', roster);
    else if (change.message?.type === 'customer' && after.escalated === 1) await deps.paging.trigger(tx, after, 'customer_message', roster);
  }

  return {
    /** A customer files a ticket; it lands in l1 (R3, R5) and its first clock starts (R21, R23, R24). */
    async create(actor: Actor, input: NewTicket): Promise<TicketDetail> {
      if (actor.kind !== 'customer') throw forbidden('tickets are filed by customers (R3); agents act on existing ones');
      return inTransaction(async (tx) => {
        const user = await userById(tx.trx, actor.id);
        const language = input.language ?? user?.language ?? 'en';
        const inserted = await tx.trx
          .insertInto('tickets')
          .values({
            kind: input.kind,
            subject: input.subject,
            body: input.body,
            language,
            client_id: actor.clientId,
            author_id: actor.id,
            status: 'new',
            tier: 'l1',
            assignee_id: null,
            escalated: 0,
            escalation_justification: null,
            compensation: null,
            duplicate_of: null,
            created_at: tx.now,
            updated_at: tx.now,
            sla_state: 'idle',
            sla_due_at: null,
            sla_warn_at: null,
            sla_calendar: null,
            // Set by the 'created' audit entry below.
            tier_arrived_at: null,
            routed_audit_id: null,
            first_answer_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordSlaEvent(tx.trx, { id: inserted.id, kind: input.kind }, 'created', tx.now, sla);
        await audit(tx, inserted.id, actor, { action: 'created', toTier: 'l1' });
        const message = await addMessage(tx, inserted.id, 'customer', input.body, actor);
        const row = await ticketRow(tx.trx, inserted.id, false);
        if (row === undefined) throw new Error('unreachable: new ticket missing');
        tx.events.push({ type: 'ticket.created', ticket: briefOf(row), agentsOnly: false, data: { action: 'created', toTier: 'l1' } });
        tx.events.push({ type: 'message.added', ticket: briefOf(row), agentsOnly: false, data: { message } });
        return detail(tx.trx, actor, row, tx.now);
      });
    },

    /** Runs a command on one ticket. */
    async command(caller: Actor, id: number, command: TicketCommand): Promise<TicketDetail> {
      const actor = await withOnCall(caller);
      // Asked before the transaction, like the on-call fact: the roster reads the database.
      const roster = deps.paging === undefined ? null : await deps.paging.rosterFor(deps.now());
      return inTransaction(async (tx) => {
        const row = await lockedVisible(tx, actor, id);
        const verdict = decide(actor, await factsOfRow(tx.trx, row), command);
        if (!verdict.ok) throw refusalError(verdict.error);
        const after = await apply(tx, actor, row, verdict.change);
        await pageAfter(tx, after, verdict.change, roster);
        return detail(tx.trx, actor, after, tx.now);
      });
    },

    /**
     * Merges duplicate `id` into `into` (R15): the duplicate's messages are appended to the original
     * as comments (internal notes stay internal), the duplicate becomes `merged` and tells the
     * customer where the conversation continues. Nothing is deleted.
     */
    async merge(actor: Actor, id: number, into: number): Promise<TicketDetail> {
      return inTransaction(async (tx) => {
        // Lock in id order so two opposite merges cannot deadlock.
        const [first, second] = id < into ? [id, into] : [into, id];
        const rows = new Map<number, TicketRow | undefined>();
        rows.set(first, await ticketRow(tx.trx, first, lock));
        rows.set(second, await ticketRow(tx.trx, second, lock));
        locked(tx);
        const dup = rows.get(id);
        if (dup === undefined || !canSee(actor, { clientId: dup.client_id })) throw notFound(`ticket #${id} not found`);
        const orig = rows.get(into);
        const refused = decideMerge(actor, await factsOfRow(tx.trx, dup), orig === undefined ? undefined : await factsOfRow(tx.trx, orig));
        if (refused !== null) throw refusalError(refused);
        if (orig === undefined) throw new Error('unreachable: decideMerge accepted a missing original');

        const copied = await tx.trx.selectFrom('messages').selectAll().where('ticket_id', '=', dup.id).where('type', '!=', 'system').orderBy('id').execute();
        const authors = new Map<number, string>();
        for (const m of copied) {
          if (m.author_id !== null && !authors.has(m.author_id)) authors.set(m.author_id, (await userById(tx.trx, m.author_id))?.name ?? '?');
        }
        const origBriefBefore = briefOf(orig);
        for (const m of copied) {
          const row = await tx.trx
            .insertInto('messages')
            .values({ ticket_id: orig.id, type: m.type, author_id: m.author_id, body: m.body, created_at: tx.now, merged_from: dup.id, notice: m.notice })
            .returningAll()
            .executeTakeFirstOrThrow();
          const author = m.author_id === null ? null : { id: m.author_id, name: authors.get(m.author_id) ?? '?' };
          tx.events.push({ type: 'message.added', ticket: origBriefBefore, agentsOnly: m.type === 'note', data: { message: messageOf(row, author) } });
        }
        await apply(tx, actor, orig, {
          message: systemMessage({ code: 'merged_here', number: dup.id, subject: dup.subject }),
          audit: { action: 'merged_into_this', detail: `#${dup.id}` },
          event: { type: 'ticket.changed', agentsOnly: false, mergedFrom: dup.id },
        });
        const after = await apply(tx, actor, dup, {
          status: 'merged',
          duplicateOf: orig.id,
          slaEvent: 'resolved',
          message: systemMessage({ code: 'duplicate_of', number: orig.id }),
          audit: { action: 'merged', detail: `into #${orig.id}` },
          event: { type: 'ticket.changed', agentsOnly: false },
        });
        return detail(tx.trx, actor, after, tx.now);
      });
    },

    /** One ticket with its messages (and audit for agents); 404 when the caller may not see it. */
    async get(actor: Actor, id: number): Promise<TicketDetail> {
      const now = deps.now();
      const row = await ticketRow(db.kysely, id, false);
      if (row === undefined || !canSee(actor, { clientId: row.client_id })) throw notFound(`ticket #${id} not found`);
      return detail(db.kysely, actor, row, now);
    },

    /** A view of tickets in the queue order, each with its SLA status at the time of the request. */
    async list(actor: Actor, filter: ListFilter): Promise<Ticket[]> {
      return hydrate(db.kysely, await listRows(db.kysely, actor, filter), deps.now(), sla, audienceOf(actor));
    },

    /**
     * A page of a view's rows (TicketSummary, from stored columns) in the queue order, with the
     * cursor of the next page and the event head read before the rows (events after it may be newer).
     */
    async queue(actor: Actor, filter: ListFilter): Promise<QueuePage> {
      const head = await eventHead(db.kysely);
      const rows = await listSummaryRows(db.kysely, actor, { ...filter, limit: filter.limit + 1 });
      const tickets = await summariesOf(db.kysely, rows.slice(0, filter.limit), deps.now(), sla, audienceOf(actor));
      const last = tickets.at(-1);
      return { tickets, next: rows.length > filter.limit && last !== undefined ? cursorOf(last) : null, head };
    },

    /** Runs a transaction with this service's event plumbing (the scheduler and the demo seed use it). */
    inTransaction,
    /** Applies a change decided elsewhere (the demo seed replays histories through it). */
    apply: (tx: Tx, actor: Actor, row: TicketRow, change: TicketChange) => apply(tx, actor, row, change),
  };
}

/** The ticket-level event of a decided change, with the data its type carries. */
function ticketEvent(change: TicketChange, ticket: TicketBrief): PendingTicketEvent | undefined {
  const e = change.event;
  if (e === undefined) return undefined;
  const { action, fromTier, toTier } = change.audit;
  const base = { ticket, agentsOnly: e.agentsOnly };
  switch (e.type) {
    case 'ticket.changed':
      return { ...base, type: e.type, data: e.mergedFrom === undefined ? { action } : { action, mergedFrom: e.mergedFrom } };
    case 'ticket.routed':
      if (fromTier === undefined || toTier === undefined || e.reason === undefined) throw new Error('a routing change names both tiers and a reason');
      return { ...base, type: e.type, data: { action: 'routed', fromTier, toTier, reason: e.reason, outOfTurn: e.outOfTurn ?? false } };
    case 'ticket.escalated':
      if (fromTier === undefined) throw new Error('an escalation names the tier it leaves');
      return { ...base, type: e.type, data: { action: 'escalated', fromTier, toTier: 'escalation' } };
    default:
      return assertNever(e.type, 'ticket event type');
  }
}

/** A transaction context, for the scheduler. */
export type TicketTx = Tx;
