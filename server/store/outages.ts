/** Outages as rows (docs/availability.md): reading them as the model's shapes, and the writes domain/outage-service.ts composes into its transactions. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OutageAction, OutageCompensation, OutageRef, OutageState, OutageSummary, OutageTicket, OutageTimelineEntry, PublicOutage } from '../../shared/model/index.ts';
import { restoreBy } from '../../shared/outage/index.ts';
import type { FunctionGroup, SlaPolicy } from '../../shared/sla/index.ts';
import type { OutagesTable } from '../db/schema.ts';
import { inChunks, type Executor } from './executor.ts';
import { personsById } from './users.ts';

/** An outages row. */
export type OutageRow = Selectable<OutagesTable>;

/** What an outage list asks for: outages with downtime overlapping [from, to), in a state. */
export interface OutageFilter {
  readonly span?: { readonly from: number; readonly to: number } | undefined;
  readonly state?: OutageState | 'all' | undefined;
  /** Only outages of this function group. */
  readonly group?: FunctionGroup | undefined;
  /** Excluded outages too (default true). */
  readonly excluded?: boolean | undefined;
}

export const groupsOf = (row: Pick<OutageRow, 'groups'>): FunctionGroup[] => JSON.parse(row.groups) as FunctionGroup[];

/** One outage row, locked for the rest of the transaction when `lock` (PostgreSQL). */
export async function outageRow(ex: Executor, id: number, lock: boolean): Promise<OutageRow | undefined> {
  return ex.selectFrom('outages').selectAll().where('id', '=', id).$if(lock, (q) => q.forUpdate()).executeTakeFirst();
}

/** Outage rows, newest start first. An open outage overlaps every span that starts before now. */
export async function outageRows(ex: Executor, filter: OutageFilter = {}): Promise<OutageRow[]> {
  const rows = await ex
    .selectFrom('outages')
    .selectAll()
    .$if(filter.span !== undefined, (q) =>
      q.where('started_at', '<', filter.span?.to ?? 0).where((eb) => eb.or([eb('restored_at', 'is', null), eb('restored_at', '>', filter.span?.from ?? 0)])),
    )
    .$if(filter.state === 'open', (q) => q.where('restored_at', 'is', null))
    .$if(filter.state === 'restored', (q) => q.where('restored_at', 'is not', null))
    .$if(filter.excluded === false, (q) => q.where('excluded', '=', 0))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const group = filter.group;
  return group === undefined ? rows : rows.filter((r) => groupsOf(r).includes(group));
}

/** How many tickets each outage has. */
export async function ticketCounts(ex: Executor, outageIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await inChunks(outageIds, (chunk) =>
    ex.selectFrom('outage_tickets').select((eb) => ['outage_id', eb.fn.countAll<number | string | bigint>().as('n')]).where('outage_id', 'in', chunk).groupBy('outage_id').execute(),
  );
  return new Map(rows.map((r) => [r.outage_id, Number(r.n)]));
}

/** The public part of a row. */
export function publicOf(row: OutageRow, ticketCount: number): PublicOutage {
  return { id: row.id, groups: groupsOf(row), state: row.restored_at === null ? 'open' : 'restored', startedAt: row.started_at, restoredAt: row.restored_at, ticketCount };
}

/** What an event carries of a row. */
export function refOf(row: OutageRow, ticketCount: number, policy?: SlaPolicy): OutageRef {
  const { id, groups, state, startedAt, restoredAt } = publicOf(row, ticketCount);
  return { id, groups, state, startedAt, restoredAt, restoreBy: restoreBy(row.started_at, policy), excluded: row.excluded === 1, ticketCount };
}

/** Rows as agents' summaries. */
export async function summariesOf(ex: Executor, rows: readonly OutageRow[], policy?: SlaPolicy): Promise<OutageSummary[]> {
  if (rows.length === 0) return [];
  const counts = await ticketCounts(ex, rows.map((r) => r.id));
  const persons = await personsById(ex, rows.map((r) => r.declared_by));
  return rows.map((r) => ({
    ...publicOf(r, counts.get(r.id) ?? 0),
    summary: r.summary,
    declaredFrom: r.declared_from,
    declaredAt: r.declared_at,
    declaredBy: persons.get(r.declared_by) ?? { id: r.declared_by, name: '?' },
    restoreBy: restoreBy(r.started_at, policy),
    excluded: r.excluded === 1,
    exclusionReason: r.exclusion_reason,
  }));
}

/** The outage a ticket is linked to, if any. */
export async function outageOfTicket(ex: Executor, ticketId: number): Promise<number | undefined> {
  const row = await ex.selectFrom('outage_tickets').select('outage_id').where('ticket_id', '=', ticketId).executeTakeFirst();
  return row?.outage_id;
}

/** The receipts (created_at) of an outage's tickets, by ticket id. */
export async function receiptsOf(ex: Executor, outageId: number): Promise<Map<number, number>> {
  const rows = await ex
    .selectFrom('outage_tickets')
    .innerJoin('tickets', 'tickets.id', 'outage_tickets.ticket_id')
    .select(['tickets.id', 'tickets.created_at'])
    .where('outage_tickets.outage_id', '=', outageId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.created_at]));
}

/** An outage's tickets as the outage screen lists them, by receipt. */
export async function outageTicketsOf(ex: Executor, outageId: number): Promise<OutageTicket[]> {
  const rows = await ex
    .selectFrom('outage_tickets')
    .innerJoin('tickets', 'tickets.id', 'outage_tickets.ticket_id')
    .innerJoin('clients', 'clients.id', 'tickets.client_id')
    .select(['tickets.id', 'tickets.subject', 'tickets.client_id', 'clients.name as client_name', 'tickets.language', 'tickets.status', 'tickets.created_at', 'outage_tickets.linked_at'])
    .where('outage_tickets.outage_id', '=', outageId)
    .orderBy('tickets.created_at')
    .orderBy('tickets.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.id,
    subject: r.subject,
    clientId: r.client_id,
    clientName: r.client_name,
    language: r.language,
    status: r.status,
    createdAt: r.created_at,
    linkedAt: r.linked_at,
  }));
}

/** An outage's timeline, oldest first. */
export async function timelineOf(ex: Executor, outageId: number): Promise<OutageTimelineEntry[]> {
  const rows = await ex.selectFrom('outage_audit').selectAll().where('outage_id', '=', outageId).orderBy('id').execute();
  const persons = await personsById(ex, rows.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id])));
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: r.actor_id === null ? null : (persons.get(r.actor_id) ?? { id: r.actor_id, name: '?' }),
    detail: r.detail,
    at: r.at,
  }));
}

/** An outage's compensation decisions (R6c), oldest first. */
export async function compensationsOf(ex: Executor, outageId: number): Promise<OutageCompensation[]> {
  const rows = await ex.selectFrom('outage_compensations').selectAll().where('outage_id', '=', outageId).orderBy('id').execute();
  const persons = await personsById(ex, rows.map((r) => r.decided_by));
  return rows.map((r) => ({ id: r.id, decision: r.decision, by: persons.get(r.decided_by) ?? { id: r.decided_by, name: '?' }, at: r.at }));
}

// Writes: each inside the caller's transaction (domain/outage-service.ts, the scheduler).

/** A new outage row. */
export async function insertOutage(ex: Executor, o: Pick<Insertable<OutagesTable>, 'groups' | 'summary' | 'declared_from' | 'declared_by' | 'declared_at' | 'started_at'>): Promise<OutageRow> {
  return ex
    .insertInto('outages')
    .values({ ...o, restored_at: null, restored_by: null, excluded: 0, exclusion_reason: null, warned_at: null, overlong_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes an outage row; returns it as it now is. */
export async function updateOutage(ex: Executor, id: number, set: Updateable<Omit<OutagesTable, 'id'>>): Promise<OutageRow> {
  await ex.updateTable('outages').set(set).where('id', '=', id).execute();
  const row = await outageRow(ex, id, false);
  if (row === undefined) throw new Error(`outage ${id} vanished inside its own transaction`);
  return row;
}

/** Links a ticket (the primary key refuses a ticket already in an outage). */
export async function insertOutageTicket(ex: Executor, outageId: number, ticketId: number, at: number, by: number): Promise<void> {
  await ex.insertInto('outage_tickets').values({ outage_id: outageId, ticket_id: ticketId, linked_at: at, linked_by: by }).execute();
}

/** Unlinks a ticket. */
export async function deleteOutageTicket(ex: Executor, outageId: number, ticketId: number): Promise<void> {
  await ex.deleteFrom('outage_tickets').where('outage_id', '=', outageId).where('ticket_id', '=', ticketId).execute();
}

/** Appends to an outage's timeline; `actorId` null for the scheduler. */
export async function auditOutage(ex: Executor, outageId: number, actorId: number | null, action: OutageAction, detail: string | null, at: number): Promise<void> {
  await ex.insertInto('outage_audit').values({ outage_id: outageId, actor_id: actorId, action, detail, at }).execute();
}

/** Records a compensation decision (R6c). */
export async function insertCompensation(ex: Executor, outageId: number, decision: string, by: number, at: number): Promise<void> {
  await ex.insertInto('outage_compensations').values({ outage_id: outageId, decision, decided_by: by, at }).execute();
}
