/** Reading outages (docs/availability.md): rows as the model's summaries. Writes live in domain/outage-service.ts. */
import type { Selectable } from 'kysely';
import type { OutageRef, OutageState, OutageSummary, PublicOutage } from '../../shared/model/index.ts';
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
