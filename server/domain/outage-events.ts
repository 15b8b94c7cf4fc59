/** The events of outages (docs/availability.md, "Events"): for agents, carried on the ticket an outage was declared from. */
import type { SlaPolicy } from '../../shared/sla/index.ts';
import type { PendingEvent } from '../events/outbox.ts';
import type { Executor } from '../store/executor.ts';
import { refOf, ticketCounts, type OutageRow } from '../store/outages.ts';
import { briefOf, ticketRow } from '../store/tickets.ts';

/** Which outage event, with what `outage.changed` says happened. */
export type OutageEventSpec =
  | { readonly type: 'outage.changed'; readonly action: 'linked' | 'unlinked' | 'excluded' | 'compensation' }
  | { readonly type: 'outage.declared' | 'outage.restored' | 'outage.warning' | 'outage.overlong' };

/** The event of an outage as `row` now is, carried on the ticket it was declared from (agents only). */
export async function outageEvent(ex: Executor, row: OutageRow, spec: OutageEventSpec, policy: SlaPolicy): Promise<PendingEvent> {
  const carrier = await ticketRow(ex, row.declared_from, false);
  if (carrier === undefined) throw new Error(`outage ${row.id}: ticket ${row.declared_from} missing`);
  const outage = refOf(row, (await ticketCounts(ex, [row.id])).get(row.id) ?? 0, policy);
  const base = { ticket: briefOf(carrier), agentsOnly: true };
  return spec.type === 'outage.changed' ? { ...base, type: spec.type, data: { outage, action: spec.action } } : { ...base, type: spec.type, data: { outage } };
}
