/**
 * Pages as rows (docs/oncall.md, "Paging"): the ladder of shared/paging applied inside the
 * transactions of the ticket commands and the scheduler. A trigger, a step of the ladder, an
 * acknowledgement and a close each write the page, the ticket's audit entry and the page event
 * together. Every change of a page is a conditional UPDATE on the state it was read in, so of two
 * instances acting on one page only one writes anything.
 */
import type { Selectable, Transaction } from 'kysely';
import { OPEN_STATUSES, type Page, type PageRef } from '../../shared/model/index.ts';
import {
  acknowledge as ackLadder,
  onDue,
  startPage,
  type LadderPage,
  type PageLevel,
  type PageReason,
  type PagingRoster,
  type PagingSettings,
} from '../../shared/paging/ladder.ts';
import type { Calendar } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import type { Database, PagesTable } from '../db/schema.ts';
import type { PendingEvent } from '../events/outbox.ts';
import type { Executor } from '../store/executor.ts';
import { briefOf, ticketRow, type TicketRow } from '../store/tickets.ts';
import { personsById } from '../store/users.ts';
import type { Actor } from './actor.ts';
import { conflict, forbidden, notFound } from './errors.ts';

/** Who is on call at an instant: the roster's answer (agent ids), null where a layer is empty. */
export type WhoIsOnCall = (at: number) => Promise<{ primary: number | null; secondary: number | null }>;
/** Nobody on call: the default until the roster (server/*oncall*) is wired in; pages then go to the managers. */
export const NOBODY_ON_ROSTER: WhoIsOnCall = async () => ({ primary: null, secondary: null });

/** The part of a command's transaction paging writes into. */
export interface PagingTx {
  readonly trx: Transaction<Database>;
  readonly now: number;
  readonly events: PendingEvent[];
}

type PageRow = Selectable<PagesTable>;

const ids = (json: string): number[] => JSON.parse(json) as number[];
const refOf = (row: PageRow): PageRef => ({ id: row.id, level: row.level, attempt: row.attempt, paged: ids(row.paged), reason: row.reason });
const ladderOf = (row: PageRow): LadderPage => ({ state: row.state, level: row.level, attempt: row.attempt, paged: ids(row.paged), nextAt: row.next_at, acknowledgedBy: row.acknowledged_by });
const LEVEL_NAMES: Record<PageLevel, string> = { primary: 'primary', secondary: 'secondary', managers: 'managers' };

/** What paging needs. */
export interface PagingDeps {
  readonly db: Db;
  readonly calendar: Calendar;
  readonly whoIsOnCall: WhoIsOnCall;
  readonly settings: PagingSettings;
  /** Where a failing roster is reported (the service's log). */
  readonly onError: (error: unknown) => void;
}

/** The paging of one service instance. */
export type Paging = ReturnType<typeof createPaging>;

/** Builds paging over a database. */
export function createPaging(deps: PagingDeps) {
  const { db, settings } = deps;
  const lock = db.engine === 'postgres';

  /**
   * Who can be paged at `at`, or null in working time (the desk handles it: nothing pages). Asked
   * before a transaction opens: the roster reads the database, and SQLite has one connection.
   */
  async function rosterFor(at: number): Promise<Omit<PagingRoster, 'managers'> | null> {
    if (deps.calendar.isWorkingTime(at)) return null;
    return askRoster(at);
  }

  /** The roster's answer; when the roster fails, it is logged and nobody is on call, so the managers are paged rather than no one. */
  async function askRoster(at: number): Promise<Omit<PagingRoster, 'managers'>> {
    try {
      return await deps.whoIsOnCall(at);
    } catch (error) {
      deps.onError(error);
      return { primary: null, secondary: null };
    }
  }

  async function withManagers(ex: Executor, roster: Omit<PagingRoster, 'managers'>): Promise<PagingRoster> {
    const managers = await ex.selectFrom('users').select('id').where('kind', '=', 'agent').where('role', '=', 'manager').where('active', '=', 1).orderBy('id').execute();
    return { ...roster, managers: managers.map((m) => m.id) };
  }

  async function names(ex: Executor, agentIds: readonly number[]): Promise<string> {
    const persons = await personsById(ex, agentIds);
    return agentIds.map((a) => persons.get(a)?.name ?? `#${a}`).join(', ');
  }

  async function audit(tx: PagingTx, ticketId: number, actorId: number | null, action: 'paged' | 'page_escalated' | 'page_acknowledged', detail: string): Promise<void> {
    await tx.trx.insertInto('audit').values({ ticket_id: ticketId, actor_id: actorId, action, from_tier: null, to_tier: null, detail, at: tx.now }).execute();
  }

  const stepDetail = async (tx: PagingTx, p: { level: PageLevel; attempt: number; paged: readonly number[] }): Promise<string> =>
    `${LEVEL_NAMES[p.level]}, pass ${p.attempt}: ${await names(tx.trx, p.paged)}`;

  async function openPageOf(ex: Executor, ticketId: number): Promise<PageRow | undefined> {
    return ex.selectFrom('pages').selectAll().where('ticket_id', '=', ticketId).where('state', '!=', 'closed').executeTakeFirst();
  }

  return {
    rosterFor,
    /** The roster's answer at any instant, working time or not (the ladder of an open page keeps climbing). */
    whoIsOnCall: askRoster,

    /**
     * Raises a page for a locked ticket row, unless it already has one not closed (one page per
     * ticket) or `roster` is null (working time). Returns whether a page went out.
     */
    async trigger(tx: PagingTx, ticket: TicketRow, reason: PageReason, roster: Omit<PagingRoster, 'managers'> | null): Promise<boolean> {
      if (roster === null || !OPEN_STATUSES.includes(ticket.status)) return false;
      if ((await openPageOf(tx.trx, ticket.id)) !== undefined) return false;
      const page = startPage(await withManagers(tx.trx, roster), tx.now, settings);
      if (page === null) return false;
      const row = await tx.trx
        .insertInto('pages')
        .values({
          ticket_id: ticket.id,
          state: 'open',
          level: page.level,
          attempt: page.attempt,
          paged: JSON.stringify(page.paged),
          notified: JSON.stringify(page.paged),
          reason,
          next_at: page.nextAt,
          acknowledged_by: null,
          acknowledged_at: null,
          created_at: tx.now,
          closed_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(tx, ticket.id, null, 'paged', `${reason.replace('_', ' ')}: ${await stepDetail(tx, page)}`);
      tx.events.push({ type: 'page.triggered', ticket: briefOf(ticket), agentsOnly: true, data: { page: refOf(row), reminder: false } });
      return true;
    },

    /** Closes the ticket's page, if it has one (raised for `reason`, when given): the ticket was resolved or merged, or its outage restored. */
    async closeFor(tx: PagingTx, ticket: TicketRow, reason?: PageReason): Promise<void> {
      const row = await openPageOf(tx.trx, ticket.id);
      if (row === undefined || (reason !== undefined && row.reason !== reason)) return;
      const r = await tx.trx.updateTable('pages').set({ state: 'closed', next_at: null, closed_at: tx.now }).where('id', '=', row.id).where('state', '!=', 'closed').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) tx.events.push({ type: 'page.closed', ticket: briefOf(ticket), agentsOnly: true, data: { page: refOf(row) } });
    },

    /** The pages the scheduler must act on by `now`. */
    async due(now: number, limit: number): Promise<{ id: number; ticket_id: number }[]> {
      return db.kysely.selectFrom('pages').select(['id', 'ticket_id']).where('state', '!=', 'closed').where('next_at', '<=', now).orderBy('next_at').orderBy('id').limit(limit).execute();
    },

    /**
     * One step of the ladder for a due page: escalate, remind, or note that nobody is left. The
     * conditional UPDATE on the (state, next_at) it was read with is the claim. Returns events written.
     */
    async step(tx: PagingTx, pageId: number, ticketId: number, roster: Omit<PagingRoster, 'managers'>): Promise<number> {
      const ticket = await ticketRow(tx.trx, ticketId, lock);
      const row = await tx.trx.selectFrom('pages').selectAll().where('id', '=', pageId).executeTakeFirst();
      if (ticket === undefined || row === undefined || row.state === 'closed' || row.next_at === null || row.next_at > tx.now) return 0;
      const claim = (set: Partial<Omit<PageRow, 'id'>>) =>
        tx.trx.updateTable('pages').set(set).where('id', '=', row.id).where('state', '=', row.state).where('next_at', '=', row.next_at).executeTakeFirst();
      if (!OPEN_STATUSES.includes(ticket.status)) {
        // A ticket closed by a path that did not close its page: close it now rather than page about it.
        if (Number((await claim({ state: 'closed', next_at: null, closed_at: tx.now })).numUpdatedRows) !== 1) return 0;
        tx.events.push({ type: 'page.closed', ticket: briefOf(ticket), agentsOnly: true, data: { page: refOf(row) } });
        return 1;
      }
      const action = onDue(ladderOf(row), await withManagers(tx.trx, roster), tx.now, settings);
      switch (action.kind) {
        case 'none':
          return 0;
        case 'exhausted':
          if (Number((await claim({ next_at: null })).numUpdatedRows) !== 1) return 0;
          await audit(tx, ticket.id, null, 'page_escalated', `nobody acknowledged in ${settings.maxLoops} passes; paging stopped`);
          return 0;
        case 'remind': {
          if (Number((await claim({ paged: JSON.stringify(action.page.paged), next_at: action.page.nextAt })).numUpdatedRows) !== 1) return 0;
          const updated = { ...row, paged: JSON.stringify(action.page.paged) };
          await audit(tx, ticket.id, null, 'paged', `reminder: ${await names(tx.trx, action.page.paged)}`);
          tx.events.push({ type: 'page.triggered', ticket: briefOf(ticket), agentsOnly: true, data: { page: refOf(updated), reminder: true } });
          return 1;
        }
        case 'escalate': {
          const notified = [...new Set([...ids(row.notified), ...action.page.paged])];
          const set = { level: action.page.level, attempt: action.page.attempt, paged: JSON.stringify(action.page.paged), notified: JSON.stringify(notified), next_at: action.page.nextAt };
          if (Number((await claim(set)).numUpdatedRows) !== 1) return 0;
          await audit(tx, ticket.id, null, 'page_escalated', `no acknowledgement: ${await stepDetail(tx, action.page)}`);
          tx.events.push({ type: 'page.escalated', ticket: briefOf(ticket), agentsOnly: true, data: { page: refOf({ ...row, ...set }) } });
          return 1;
        }
      }
    },

    /** An acknowledgement: by anyone this page has paged, or a manager; 409 when acknowledged already or closed. */
    async acknowledge(tx: PagingTx, actor: Actor, pageId: number): Promise<void> {
      if (actor.kind !== 'agent') throw forbidden('pages are acknowledged by agents');
      const found = await tx.trx.selectFrom('pages').select('ticket_id').where('id', '=', pageId).executeTakeFirst();
      if (found === undefined) throw notFound(`page ${pageId} not found`);
      const ticket = await ticketRow(tx.trx, found.ticket_id, lock);
      const row = await tx.trx.selectFrom('pages').selectAll().where('id', '=', pageId).executeTakeFirst();
      if (ticket === undefined || row === undefined) throw notFound(`page ${pageId} not found`);
      const verdict = ackLadder(ladderOf(row), { agentId: actor.id, manager: actor.role === 'manager' }, ids(row.notified), tx.now, settings);
      if (!verdict.ok) {
        if (verdict.refusal === 'not_paged') throw forbidden(`page ${pageId} was not sent to you; the paged agents or a manager may acknowledge it`);
        throw conflict(verdict.refusal === 'closed' ? `page ${pageId} is closed` : `page ${pageId} is acknowledged already`);
      }
      const r = await tx.trx
        .updateTable('pages')
        .set({ state: 'acknowledged', acknowledged_by: actor.id, acknowledged_at: tx.now, next_at: verdict.page.nextAt })
        .where('id', '=', row.id)
        .where('state', '=', 'open')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict(`page ${pageId} is acknowledged already`);
      await audit(tx, ticket.id, actor.id, 'page_acknowledged', `${LEVEL_NAMES[row.level]}, pass ${row.attempt}`);
      tx.events.push({ type: 'page.acknowledged', ticket: briefOf(ticket), agentsOnly: true, data: { page: refOf(row), by: { id: actor.id, name: actor.name } } });
    },

    /** Pages, newest first: `open` is every page not closed. */
    async list(ex: Executor, state: 'open' | 'all', limit = 500): Promise<Page[]> {
      const rows = await ex.selectFrom('pages').selectAll().$if(state === 'open', (q) => q.where('state', '!=', 'closed')).orderBy('id', 'desc').limit(limit).execute();
      return pagesOf(ex, rows);
    },

    /** One page as the API shows it. */
    async get(ex: Executor, pageId: number): Promise<Page> {
      const row = await ex.selectFrom('pages').selectAll().where('id', '=', pageId).executeTakeFirst();
      if (row === undefined) throw notFound(`page ${pageId} not found`);
      const [page] = await pagesOf(ex, [row]);
      if (page === undefined) throw new Error('unreachable: pagesOf lost a row');
      return page;
    },
  };
}

async function pagesOf(ex: Executor, rows: readonly PageRow[]): Promise<Page[]> {
  const persons = await personsById(ex, rows.flatMap((r) => (r.acknowledged_by === null ? [] : [r.acknowledged_by])));
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    state: r.state,
    level: r.level,
    attempt: r.attempt,
    paged: ids(r.paged),
    notified: ids(r.notified),
    reason: r.reason,
    nextAt: r.next_at,
    acknowledgedBy: r.acknowledged_by === null ? null : (persons.get(r.acknowledged_by) ?? { id: r.acknowledged_by, name: '?' }),
    acknowledgedAt: r.acknowledged_at,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  }));
}
