import { allowedRoutes, OPEN_STATUSES, type Agent, type Ticket } from '../../../shared/model/index.ts';

/** The actions the console offers on a ticket: only what the service would accept (it checks again). */
export interface TicketAbilities {
  readonly take: boolean;
  readonly reply: boolean;
  readonly question: boolean;
  readonly note: boolean;
  readonly route: boolean;
  readonly resolve: boolean;
  readonly merge: boolean;
  /** Managers: any tier and assignee (R6b). */
  readonly move: boolean;
  /** Managers, on tickets that were escalated (R6c). */
  readonly compensation: boolean;
  /** Any agent, on the customer's recorded request, while not escalated (R12). */
  readonly escalate: boolean;
}

/** What `me` may do to `ticket` now, mirroring the service's rules (server/domain/workflow.ts). */
export function abilitiesOf(me: Agent, ticket: Ticket): TicketAbilities {
  const open = OPEN_STATUSES.includes(ticket.status);
  const manager = me.role === 'manager';
  const onTier = manager || me.tiers.includes(ticket.tier);
  return {
    take: open && onTier && ticket.assignee?.id !== me.id,
    reply: open && onTier,
    question: open && onTier,
    note: true,
    route: open && (manager || me.tiers.includes(ticket.tier)) && allowedRoutes(ticket.kind, ticket.tier).length > 0,
    resolve: open && onTier,
    merge: open && onTier,
    move: open && manager,
    compensation: manager && ticket.escalationJustification !== null,
    escalate: open && !ticket.escalated,
  };
}
