/** Queue rows (TicketSummary) for unit tests: a plain open L1 ticket unless told otherwise. */
import type { TicketSummary } from '../../shared/model/index.ts';

/** A row with these fields changed. */
export function aRow(fields: Partial<TicketSummary> = {}): TicketSummary {
  const id = fields.id ?? 1;
  return {
    id,
    number: id,
    kind: 'problem',
    subject: `Ticket ${id}`,
    language: 'en',
    client: { id: 1, name: 'Alpha', primaryGroup: 'inbound', language: 'en' },
    status: 'new',
    tier: 'l1',
    assignee: null,
    escalated: false,
    duplicateOf: null,
    outage: null,
    createdAt: 0,
    updatedAt: 0,
    sla: { state: 'running', dueAt: null, warnAt: null, calendar: null },
    routedFrom: null,
    ola: null,
    ...fields,
  };
}
