/**
 * Tickets as queue rows (TicketSummary) and as whole tickets, from their stored rows. A summary is
 * read from stored columns and never evaluated at read time, so an event's summary and a list's
 * row of the same ticket state are equal (docs/api.md, "Rows and events").
 */
import type { QueueOla, RoutingRef, Ticket, TicketSummary } from '../../shared/model/index.ts';
import { OPEN_STATUSES } from '../../shared/model/index.ts';
import { isPathMove } from '../../shared/model/routing.ts';
import { olaClockOf, olaStatusAt } from '../../shared/ola/index.ts';
import { createCalendar, evaluateSla, type Calendar, type EvaluateOptions } from '../../shared/sla/index.ts';
import { routingsOf, type Routing } from './arrivals.ts';
import type { Executor } from './executor.ts';
import { olaTargets } from './ola.ts';
import { outagesOfTickets, slaEventsOf, type Audience, type SummaryRow, type TicketRow } from './tickets.ts';
import { clientsByIds, personsById } from './users.ts';

/** The routing that brought the ticket to its tier now, from the audit entry that moved it there (null when none did). */
function routedFromOf(row: SummaryRow, arrival: Routing | undefined, persons: ReadonlyMap<number, TicketSummary['assignee'] & {}>): RoutingRef | null {
  if (arrival === undefined || arrival.toTier !== row.tier || arrival.fromTier === null) return null;
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
async function olaOf(db: Executor, rows: readonly SummaryRow[], now: number, calendar: Calendar): Promise<Map<number, QueueOla>> {
  const targets = await olaTargets(db);
  const out = new Map<number, QueueOla>();
  for (const r of rows) {
    const targetMinutes = r.tier === 'escalation' ? null : targets[r.tier];
    if (targetMinutes === null || !OPEN_STATUSES.includes(r.status)) continue;
    out.set(r.id, olaClockOf({ tier: r.tier, arrivedAt: r.tier_arrived_at ?? r.created_at, answeredAt: r.first_answer_at, targetMinutes }, now, calendar));
  }
  return out;
}

/**
 * Rows as queue rows, in the same order: stored SLA columns, names, the outage; for agents also the
 * routing that brought each to its tier and its tier's internal clock (customers get null for both).
 * `now` only picks the support calendar in force (the internal clock's due time is counted on it).
 */
export async function summariesOf(db: Executor, rows: readonly SummaryRow[], now: number, sla: EvaluateOptions, audience: Audience): Promise<TicketSummary[]> {
  if (rows.length === 0) return [];
  const agents = audience === 'agents';
  const ids = rows.map((r) => r.id);
  const clients = await clientsByIds(db, rows.map((r) => r.client_id));
  const routings = agents ? await routingsOf(db, rows.flatMap((r) => (r.routed_audit_id === null ? [] : [r.routed_audit_id]))) : new Map<number, Routing>();
  const routers = [...routings.values()].flatMap((a) => (a.actorId === null ? [] : [a.actorId]));
  const persons = await personsById(db, [...rows.flatMap((r) => (r.assignee_id === null ? [] : [r.assignee_id])), ...routers]);
  const outages = await outagesOfTickets(db, ids);
  const olas = agents ? await olaOf(db, rows, now, sla.calendar ?? (defaultCalendar ??= createCalendar())) : new Map<number, QueueOla>();
  return rows.map((r) => {
    const client = clients.get(r.client_id);
    if (client === undefined) throw new Error(`ticket ${r.id}: client ${r.client_id} missing`);
    return {
      id: r.id,
      number: r.id,
      kind: r.kind,
      subject: r.subject,
      language: r.language,
      client,
      status: r.status,
      tier: r.tier,
      assignee: r.assignee_id === null ? null : (persons.get(r.assignee_id) ?? { id: r.assignee_id, name: '?' }),
      escalated: r.escalated === 1,
      duplicateOf: r.duplicate_of,
      outage: outages.get(r.id) ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sla: { state: r.sla_state, dueAt: r.sla_due_at, warnAt: r.sla_warn_at, calendar: r.sla_calendar },
      routedFrom: agents && r.routed_audit_id !== null ? routedFromOf(r, routings.get(r.routed_audit_id), persons) : null,
      ola: agents ? (olas.get(r.id) ?? null) : null,
    };
  });
}

/**
 * Rows as API tickets: each its row's summary (summariesOf) with the rest of the ticket, its SLA
 * evaluated at `now` from its stored history and, for agents, its internal clock's time left.
 */
export async function hydrate(db: Executor, rows: readonly TicketRow[], now: number, sla: EvaluateOptions, audience: Audience): Promise<Ticket[]> {
  if (rows.length === 0) return [];
  const summaries = await summariesOf(db, rows, now, sla, audience);
  const authors = await personsById(db, rows.map((r) => r.author_id));
  const history = await slaEventsOf(db, rows.map((r) => r.id));
  const calendar = sla.calendar ?? (defaultCalendar ??= createCalendar());
  return rows.map((r, i) => {
    const summary = summaries[i];
    if (summary === undefined) throw new Error('unreachable: a row without its summary');
    return {
      ...summary,
      body: r.body,
      author: authors.get(r.author_id) ?? { id: r.author_id, name: '?' },
      escalationJustification: r.escalation_justification,
      compensation: r.compensation,
      sla: evaluateSla({ kind: r.kind, events: history.get(r.id) ?? [] }, now, sla),
      ola: summary.ola === null ? null : olaStatusAt(summary.ola, now, calendar),
    };
  });
}

