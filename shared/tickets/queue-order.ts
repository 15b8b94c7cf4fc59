/**
 * How an agent looks at the queue: an optional sort by one column and filters by kind, client,
 * language, assignee and status (a "queue lens"). The service lists tickets in SLA order
 * (server/store/tickets.ts); a lens with `sort: null` keeps that order. The rules live here, pure,
 * so the service can later page in the same order.
 */
import { z } from 'zod';
import { LANGUAGES, TICKET_STATUSES, TIERS, type Language, type TicketSummary, type TicketStatus } from '../model/index.ts';
import { TICKET_KINDS, type TicketKind } from '../sla/policy.ts';

/** The queue's columns, in the order the grid shows them; each one sorts. */
export const QUEUE_COLUMNS = ['due', 'number', 'kind', 'subject', 'client', 'language', 'tier', 'assignee', 'status', 'escalated'] as const;
/** One column of the queue. */
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];
/** Which way a column sorts. */
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
/** Which way a column sorts. */
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

const sortSchema = z.strictObject({ column: z.enum(QUEUE_COLUMNS), direction: z.enum(SORT_DIRECTIONS) });
const filterShape = {
  kind: z.enum(TICKET_KINDS),
  clientId: z.number().int().positive(),
  language: z.enum(LANGUAGES),
  /** An agent's id, or 'none' for unassigned tickets. */
  assigneeId: z.union([z.number().int().positive(), z.literal('none')]),
  status: z.enum(TICKET_STATUSES),
};
const filtersSchema = z.strictObject({
  kind: filterShape.kind.optional(),
  clientId: filterShape.clientId.optional(),
  language: filterShape.language.optional(),
  assigneeId: filterShape.assigneeId.optional(),
  status: filterShape.status.optional(),
});

/** A queue lens: a sort (null: the service's SLA order) and filters (absent: any). */
export const queueLensSchema = z.strictObject({ sort: sortSchema.nullable(), filters: filtersSchema });
/** A queue lens. */
export type QueueLens = z.infer<typeof queueLensSchema>;
/** The filters of a lens. */
export type QueueFilters = QueueLens['filters'];
/** One filter's name. */
export type QueueFilter = keyof QueueFilters;
/** The filters, in the order the filter bar shows them. */
export const QUEUE_FILTERS = ['kind', 'clientId', 'language', 'assigneeId', 'status'] as const satisfies readonly QueueFilter[];

/** The default lens: every ticket, in the service's SLA order. */
export const SLA_ORDER: QueueLens = { sort: null, filters: {} };

/**
 * A lens from something stored by any version of the console: what is valid is kept, anything
 * unknown or malformed (a column since renamed, a status that no longer exists) is dropped.
 */
export function lensFrom(raw: unknown): QueueLens {
  if (typeof raw !== 'object' || raw === null) return SLA_ORDER;
  const { sort, filters } = raw as { sort?: unknown; filters?: unknown };
  const parsedSort = sortSchema.safeParse(sort);
  const kept: Record<string, unknown> = {};
  if (typeof filters === 'object' && filters !== null) {
    for (const name of QUEUE_FILTERS) {
      const value = filterShape[name].safeParse((filters as Record<string, unknown>)[name]);
      if (value.success) kept[name] = value.data;
    }
  }
  return { sort: parsedSort.success ? parsedSort.data : null, filters: kept as QueueFilters };
}

/** Whether any filter is set. */
export function hasFilters(lens: QueueLens): boolean {
  return QUEUE_FILTERS.some((name) => lens.filters[name] !== undefined);
}

/** The lens with filter `name` set to `value`, or cleared (undefined). */
export function withFilter<F extends QueueFilter>(lens: QueueLens, name: F, value: QueueFilters[F] | undefined): QueueLens {
  const filters = Object.fromEntries(Object.entries({ ...lens.filters, [name]: value }).filter(([, v]) => v !== undefined));
  return { ...lens, filters: filters as QueueFilters };
}

/** The lens after a click on column `column`'s header: ascending, then descending, then back to the SLA order. */
export function nextSort(lens: QueueLens, column: QueueColumn): QueueLens {
  const current = lens.sort?.column === column ? lens.sort.direction : null;
  const sort = current === null ? { column, direction: 'asc' as const } : current === 'asc' ? { column, direction: 'desc' as const } : null;
  return { ...lens, sort };
}

/** Whether `ticket` passes every filter set. */
export function matchesFilters(ticket: TicketSummary, filters: QueueFilters): boolean {
  if (filters.kind !== undefined && ticket.kind !== filters.kind) return false;
  if (filters.clientId !== undefined && ticket.client.id !== filters.clientId) return false;
  if (filters.language !== undefined && ticket.language !== filters.language) return false;
  if (filters.assigneeId !== undefined && (ticket.assignee?.id ?? 'none') !== filters.assigneeId) return false;
  if (filters.status !== undefined && ticket.status !== filters.status) return false;
  return true;
}

/**
 * When a ticket is due: its running SLA clock's due time, else its tier's running internal target
 * (OLA), else none. A stopped internal target is met or missed, no longer due.
 */
export function dueAtOf(ticket: TicketSummary): number | null {
  if (ticket.sla.dueAt !== null) return ticket.sla.dueAt;
  if (ticket.ola !== null && ticket.ola.stoppedAt === null) return ticket.ola.dueAt;
  return null;
}

const rank = <T>(order: readonly T[]) => (value: T): number => order.indexOf(value);
const kindRank = rank<TicketKind>(TICKET_KINDS);
const tierRank = rank(TIERS);
const statusRank = rank<TicketStatus>(TICKET_STATUSES);

/** A ticket's sort key in `column`: a number, a text (compared by the collator), or null for none (sorted last). */
export type SortKey = number | string | null;

/**
 * A ticket's key in `column`. Kind, tier and status sort in their natural order (kind as the SLA
 * lists them, tier first line first, status by the ticket's life), the same in every language;
 * language by its code, as shown; escalated tickets come first when ascending. Subject, client and
 * assignee are texts; an unassigned ticket or one with nothing due has no key.
 */
export function sortKeyOf(ticket: TicketSummary, column: QueueColumn): SortKey {
  switch (column) {
    case 'due':
      return dueAtOf(ticket);
    case 'number':
      return ticket.number;
    case 'kind':
      return kindRank(ticket.kind);
    case 'subject':
      return ticket.subject;
    case 'client':
      return ticket.client.name;
    case 'language':
      return ticket.language;
    case 'tier':
      return tierRank(ticket.tier);
    case 'assignee':
      return ticket.assignee?.name ?? null;
    case 'status':
      return statusRank(ticket.status);
    case 'escalated':
      return ticket.escalated ? 0 : 1;
  }
}

const collators = new Map<Language, Intl.Collator>();
/** One collator per language, made once: texts compare as a reader of that language expects (Cyrillic included; "10" after "9"). */
export function collatorFor(locale: Language): Intl.Collator {
  let collator = collators.get(locale);
  if (collator === undefined) {
    collator = new Intl.Collator(locale, { numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

/** Compares two present keys of one column ascending. */
function compareKeys(a: number | string, b: number | string, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** `tickets` sorted by `sort` (stable: ties keep the order given, the service's SLA order); tickets without a key last either way. */
export function sortTickets(tickets: readonly TicketSummary[], sort: NonNullable<QueueLens['sort']>, locale: Language): readonly TicketSummary[] {
  const collator = collatorFor(locale);
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Keys once per ticket, not once per comparison: 10,000 rows sort in a few milliseconds.
  const keyed = tickets.map((ticket, index) => ({ ticket, index, key: sortKeyOf(ticket, sort.column) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
    return sign * compareKeys(a.key, b.key, collator) || a.index - b.index;
  });
  return keyed.map((k) => k.ticket);
}

/** The tickets the lens shows, in its order: filtered, then sorted stably (`sort: null` keeps the given order). */
export function applyLens(tickets: readonly TicketSummary[], lens: QueueLens, locale: Language): readonly TicketSummary[] {
  const filtered = hasFilters(lens) ? tickets.filter((ticket) => matchesFilters(ticket, lens.filters)) : tickets;
  return lens.sort === null ? filtered : sortTickets(filtered, lens.sort, locale);
}
