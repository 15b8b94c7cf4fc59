/**
 * The outage commands (docs/availability.md): each one transaction that writes the outage row, its
 * timeline, the linked or unlinked tickets' audit entries and the events together, or nothing.
 * Locks are taken in one order, the outage row before any ticket row, so two agents linking at
 * once wait for each other instead of both computing the start from what they read first.
 */
import { FUNCTION_GROUPS, yearBounds, type Calendar, type FunctionGroup, type SlaPolicy } from '../../shared/sla/index.ts';
import type { OutageDetail, OutageState, OutageSummary, PublicOutage } from '../../shared/model/index.ts';
import { checkRestoreAt, outageStart } from '../../shared/outage/index.ts';
import { mayDecideCompensation } from '../../shared/workflow/index.ts';
import type { Db } from '../db/index.ts';
import { isUniqueViolation } from '../db/unique.ts';
import type { Executor } from '../store/executor.ts';
import {
  auditOutage,
  compensationsOf,
  deleteOutageTicket,
  groupsOf,
  insertCompensation,
  insertOutage,
  insertOutageTicket,
  outageOfTicket,
  outageRow,
  outageRows,
  outageTicketsOf,
  publicOf,
  receiptsOf,
  summariesOf,
  ticketCounts,
  timelineOf,
  updateOutage,
  type OutageRow,
} from '../store/outages.ts';
import { briefOf, ticketRow, type TicketRow } from '../store/tickets.ts';
import { clientsById } from '../store/users.ts';
import type { Actor } from './actor.ts';
import { badRequest, conflict, forbidden, notFound } from './errors.ts';
import type { Paging } from './paging.ts';
import { outageEvent } from './outage-events.ts';
import type { TicketService, TicketTx } from './ticket-service.ts';

/** What the outage commands need. */
export interface OutageServiceDeps {
  readonly db: Db;
  readonly now: () => number;
  /** The support calendar: its zone decides what "year" means; its hours decide paging. */
  readonly calendar: Calendar;
  readonly policy: SlaPolicy;
  /** The ticket service's transactions: the same event plumbing (outbox, poke). */
  readonly inTransaction: TicketService['inTransaction'];
  /** Paging after hours (docs/oncall.md); none: declaring never pages. */
  readonly paging?: Paging | undefined;
}

/** A new outage as an agent declares it. */
export interface NewOutage {
  readonly groups: readonly FunctionGroup[];
  readonly summary: string;
  readonly ticketId: number;
}

/** What an outage list asks for. */
export interface OutageListQuery {
  readonly year?: number | undefined;
  readonly state?: OutageState | 'all' | undefined;
}

/** The outage service. */
export type OutageService = ReturnType<typeof createOutageService>;

const iso = (at: number): string => new Date(at).toISOString();

/** Builds the outage commands and queries over a database. */
export function createOutageService(deps: OutageServiceDeps) {
  const { db, policy, calendar } = deps;
  const lock = db.engine === 'postgres';

  function requireAgent(actor: Actor): void {
    if (actor.kind !== 'agent') throw forbidden('outages are managed by agents');
  }

  /** The outage row, locked; 404 when there is none. Taken first in every command. */
  async function lockedOutage(tx: TicketTx, id: number): Promise<OutageRow> {
    const row = await outageRow(tx.trx, id, lock);
    if (row === undefined) throw notFound(`outage #${id} not found`);
    return row;
  }

  /** A ticket row, locked after the outage row; "now" is read once every lock is held (as ticket commands do). */
  async function lockedTicket(tx: TicketTx, id: number): Promise<TicketRow> {
    const row = await ticketRow(tx.trx, id, lock);
    tx.now = deps.now();
    if (row === undefined) throw notFound(`ticket #${id} not found`);
    return row;
  }

  async function detailOf(ex: Executor, row: OutageRow): Promise<OutageDetail> {
    const [outage] = await summariesOf(ex, [row], policy);
    if (outage === undefined) throw new Error('unreachable: summariesOf lost a row');
    return { outage, tickets: await outageTicketsOf(ex, row.id), timeline: await timelineOf(ex, row.id), compensations: await compensationsOf(ex, row.id) };
  }

  /** The ticket's side of a link or unlink: its audit entry, its updated_at, and an event its customer sees too. */
  async function touchTicket(tx: TicketTx, actor: Actor, ticket: TicketRow, action: 'outage_linked' | 'outage_unlinked', outageId: number): Promise<TicketRow> {
    await tx.trx.updateTable('tickets').set({ updated_at: tx.now }).where('id', '=', ticket.id).execute();
    await tx.trx.insertInto('audit').values({ ticket_id: ticket.id, actor_id: actor.id, action, from_tier: null, to_tier: null, detail: `outage #${outageId}`, at: tx.now }).execute();
    const after = { ...ticket, updated_at: tx.now };
    tx.events.push({ type: 'ticket.changed', ticket: briefOf(after), agentsOnly: false, data: { action } });
    return after;
  }

  /**
   * Links a ticket row. The locks decide first; the primary key (a ticket in one outage) is the
   * last line, and its violation is the same 409, not a 500.
   */
  async function linkRow(tx: TicketTx, actor: Actor, outageId: number, ticketId: number): Promise<void> {
    try {
      await insertOutageTicket(tx.trx, outageId, ticketId, tx.now, actor.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`ticket #${ticketId} is already in an outage`);
      throw error;
    }
  }

  /** Sets started_at to the earliest receipt among the outage's tickets (R19). */
  async function restart(tx: TicketTx, row: OutageRow): Promise<OutageRow> {
    const start = outageStart([...(await receiptsOf(tx.trx, row.id)).values()]);
    if (start === null) throw new Error(`outage ${row.id} left without tickets`);
    return start === row.started_at ? row : updateOutage(tx.trx, row.id, { started_at: start });
  }

  /** The client's function group, for a customer (R20). */
  async function groupOf(actor: Extract<Actor, { kind: 'customer' }>): Promise<FunctionGroup> {
    const client = (await clientsById(db.kysely)).get(actor.clientId);
    if (client === undefined) throw new Error(`customer ${actor.id}: client ${actor.clientId} missing`);
    return client.primaryGroup;
  }

  const visibleTo = (group: FunctionGroup, row: OutageRow): boolean => row.excluded === 0 && groupsOf(row).includes(group);

  return {
    /** Outages overlapping `year` (support zone) in a state, newest start first; customers get the public part of their group's, never excluded ones. */
    async list(actor: Actor, query: OutageListQuery): Promise<OutageSummary[] | PublicOutage[]> {
      const bounds = query.year === undefined ? undefined : yearBounds(query.year, calendar.zone);
      const span = bounds === undefined ? undefined : { from: bounds.yearStart, to: bounds.yearEnd };
      const now = deps.now();
      // An open outage has downtime up to now, not in a year still to come.
      const inSpan = (r: OutageRow): boolean => span === undefined || r.restored_at !== null || span.from <= now;
      if (actor.kind === 'customer') {
        const rows = (await outageRows(db.kysely, { span, state: query.state, group: await groupOf(actor), excluded: false })).filter(inSpan);
        const counts = await ticketCounts(db.kysely, rows.map((r) => r.id));
        return rows.map((r) => publicOf(r, counts.get(r.id) ?? 0));
      }
      return summariesOf(db.kysely, (await outageRows(db.kysely, { span, state: query.state })).filter(inSpan), policy);
    },

    /** One outage: the detail for agents, the public part for customers of its group (404 for anyone else). */
    async get(actor: Actor, id: number): Promise<OutageDetail | { outage: PublicOutage }> {
      const row = await outageRow(db.kysely, id, false);
      if (row === undefined) throw notFound(`outage #${id} not found`);
      if (actor.kind === 'agent') return detailOf(db.kysely, row);
      if (!visibleTo(await groupOf(actor), row)) throw notFound(`outage #${id} not found`);
      return { outage: publicOf(row, (await ticketCounts(db.kysely, [id])).get(id) ?? 0) };
    },

    /**
     * Declares an outage from a ticket, its first linked ticket: downtime starts at that ticket's
     * receipt (R19), not now. Outside working time the on-call agent is paged on that ticket.
     */
    async declare(actor: Actor, input: NewOutage): Promise<OutageDetail> {
      requireAgent(actor);
      // Asked before the transaction, as ticket commands do: the roster reads the database.
      const roster = deps.paging === undefined ? null : await deps.paging.rosterFor(deps.now());
      return deps.inTransaction(async (tx) => {
        const ticket = await lockedTicket(tx, input.ticketId);
        const current = await outageOfTicket(tx.trx, ticket.id);
        if (current !== undefined) throw conflict(`ticket #${ticket.id} is already in outage #${current}`);
        const groups = FUNCTION_GROUPS.filter((g) => input.groups.includes(g));
        const row = await insertOutage(tx.trx, {
          groups: JSON.stringify(groups),
          summary: input.summary,
          declared_from: ticket.id,
          declared_by: actor.id,
          declared_at: tx.now,
          started_at: ticket.created_at,
        });
        await linkRow(tx, actor, row.id, ticket.id);
        await auditOutage(tx.trx, row.id, actor.id, 'declared', `from ticket #${ticket.id}`, tx.now);
        const after = await touchTicket(tx, actor, ticket, 'outage_linked', row.id);
        tx.events.push(await outageEvent(tx.trx, row, { type: 'outage.declared' }, policy));
        if (deps.paging !== undefined) await deps.paging.trigger(tx, after, 'outage', roster);
        return detailOf(tx.trx, row);
      });
    },

    /**
     * Links a ticket: a ticket is in at most one outage; an earlier receipt moves the start
     * earlier. A restored outage takes only tickets received before it was restored.
     */
    async link(actor: Actor, id: number, ticketId: number): Promise<OutageDetail> {
      requireAgent(actor);
      return deps.inTransaction(async (tx) => {
        const row = await lockedOutage(tx, id);
        const ticket = await lockedTicket(tx, ticketId);
        const current = await outageOfTicket(tx.trx, ticket.id);
        if (current === id) throw conflict(`ticket #${ticket.id} is already linked to outage #${id}`);
        if (current !== undefined) throw conflict(`ticket #${ticket.id} is already in outage #${current}`);
        if (row.restored_at !== null && ticket.created_at > row.restored_at) {
          throw conflict(`ticket #${ticket.id} was received at ${iso(ticket.created_at)}, after outage #${id} was restored (${iso(row.restored_at)})`);
        }
        await linkRow(tx, actor, id, ticket.id);
        const after = await restart(tx, row);
        await auditOutage(tx.trx, id, actor.id, 'linked', `ticket #${ticket.id}`, tx.now);
        await touchTicket(tx, actor, ticket, 'outage_linked', id);
        tx.events.push(await outageEvent(tx.trx, after, { type: 'outage.changed', action: 'linked' }, policy));
        return detailOf(tx.trx, after);
      });
    },

    /**
     * Unlinks a ticket; the start is recomputed and may move later. An outage keeps at least one
     * ticket, and a restored one cannot start after it was restored.
     */
    async unlink(actor: Actor, id: number, ticketId: number): Promise<OutageDetail> {
      requireAgent(actor);
      return deps.inTransaction(async (tx) => {
        const row = await lockedOutage(tx, id);
        const ticket = await lockedTicket(tx, ticketId);
        const receipts = await receiptsOf(tx.trx, id);
        if (!receipts.has(ticket.id)) throw notFound(`ticket #${ticket.id} is not linked to outage #${id}`);
        receipts.delete(ticket.id);
        const start = outageStart([...receipts.values()]);
        if (start === null) throw conflict(`ticket #${ticket.id} is the last ticket of outage #${id}; an outage keeps at least one`);
        if (row.restored_at !== null && start > row.restored_at) {
          throw conflict(`without ticket #${ticket.id}, outage #${id} would start at ${iso(start)}, after it was restored (${iso(row.restored_at)})`);
        }
        await deleteOutageTicket(tx.trx, id, ticket.id);
        const after = await restart(tx, row);
        await auditOutage(tx.trx, id, actor.id, 'unlinked', `ticket #${ticket.id}`, tx.now);
        await touchTicket(tx, actor, ticket, 'outage_unlinked', id);
        tx.events.push(await outageEvent(tx.trx, after, { type: 'outage.changed', action: 'unlinked' }, policy));
        return detailOf(tx.trx, after);
      });
    },

    /** Records the end of downtime (default now): between its start and now. Linked tickets stay as they are; the outage's page closes. */
    async restore(actor: Actor, id: number, at: number | undefined): Promise<OutageDetail> {
      requireAgent(actor);
      return deps.inTransaction(async (tx) => {
        const row = await lockedOutage(tx, id);
        tx.now = deps.now();
        if (row.restored_at !== null) throw conflict(`outage #${id} was restored already (${iso(row.restored_at)})`);
        const end = at ?? tx.now;
        const refusal = checkRestoreAt(end, row.started_at, tx.now);
        if (refusal === 'before_start') throw badRequest('at', `at: must not be before the start of downtime (${iso(row.started_at)})`);
        if (refusal === 'in_future') throw badRequest('at', `at: must not be in the future (now is ${iso(tx.now)})`);
        const after = await updateOutage(tx.trx, id, { restored_at: end, restored_by: actor.id });
        await auditOutage(tx.trx, id, actor.id, 'restored', `downtime ended ${iso(end)}`, tx.now);
        tx.events.push(await outageEvent(tx.trx, after, { type: 'outage.restored' }, policy));
        // The page the declaration raised after hours has done its work; pages for other reasons stay.
        if (deps.paging !== undefined) {
          const declaring = await lockedTicket(tx, row.declared_from);
          await deps.paging.closeFor(tx, declaring, 'outage');
        }
        return detailOf(tx.trx, after);
      });
    },

    /** Marks the outage as outside support's responsibility (R27), open or restored. */
    async exclude(actor: Actor, id: number, reason: string): Promise<OutageDetail> {
      requireAgent(actor);
      return deps.inTransaction(async (tx) => {
        const row = await lockedOutage(tx, id);
        tx.now = deps.now();
        if (row.excluded === 1) throw conflict(`outage #${id} is excluded already: ${row.exclusion_reason ?? ''}`);
        const after = await updateOutage(tx.trx, id, { excluded: 1, exclusion_reason: reason });
        await auditOutage(tx.trx, id, actor.id, 'excluded', reason, tx.now);
        tx.events.push(await outageEvent(tx.trx, after, { type: 'outage.changed', action: 'excluded' }, policy));
        return detailOf(tx.trx, after);
      });
    },

    /** A manager's compensation decision against the outage (R6c). */
    async compensation(actor: Actor, id: number, decision: string): Promise<OutageDetail> {
      if (!mayDecideCompensation(actor)) throw forbidden('compensation is decided by managers (R6c)');
      return deps.inTransaction(async (tx) => {
        const row = await lockedOutage(tx, id);
        tx.now = deps.now();
        await insertCompensation(tx.trx, id, decision, actor.id, tx.now);
        await auditOutage(tx.trx, id, actor.id, 'compensation', decision, tx.now);
        tx.events.push(await outageEvent(tx.trx, row, { type: 'outage.changed', action: 'compensation' }, policy));
        return detailOf(tx.trx, row);
      });
    },

  };
}
