/** The event protocol of /api/v1/events: one envelope, its `data` decided by its `type`. */
import type { SlaClock, SlaStatus, TicketKind } from '../sla/index.ts';
import type { AuditAction, Message, Tier, TicketStatus } from './index.ts';

/** The ticket as an event carries it: enough to update a queue row without a fetch. */
export interface TicketSummary {
  readonly id: number;
  readonly number: number;
  readonly kind: TicketKind;
  readonly subject: string;
  readonly clientId: number;
  readonly status: TicketStatus;
  readonly tier: Tier;
  readonly assigneeId: number | null;
  readonly escalated: boolean;
  readonly slaState: SlaStatus['state'];
  readonly slaDueAt: number | null;
}

/** The clock an SLA event is about. */
export interface SlaClockRef {
  readonly index: number;
  readonly target: SlaClock['target'];
  readonly startedAt: number;
  readonly dueAt: number;
  readonly warnAt: number;
}

/** What each type of event carries. */
export interface ServiceEventDataByType {
  readonly 'ticket.created': { readonly action: 'created'; readonly toTier: Tier };
  /** Any other change of the ticket itself: what happened is an audit action. */
  readonly 'ticket.changed': { readonly action: AuditAction };
  readonly 'ticket.routed': { readonly action: 'routed'; readonly fromTier: Tier; readonly toTier: Tier; readonly reason: string; readonly outOfTurn: boolean };
  readonly 'ticket.escalated': { readonly action: 'escalated'; readonly fromTier: Tier; readonly toTier: 'escalation' };
  readonly 'message.added': { readonly message: Message };
  readonly 'sla.warning': { readonly clock: SlaClockRef };
  readonly 'sla.breached': { readonly clock: SlaClockRef };
}

/** Types of event the service pushes on /api/v1/events. */
export type ServiceEventType = keyof ServiceEventDataByType;

/** Every event type. */
export const SERVICE_EVENT_TYPES: readonly ServiceEventType[] = [
  'ticket.created',
  'ticket.changed',
  'ticket.routed',
  'ticket.escalated',
  'message.added',
  'sla.warning',
  'sla.breached',
];

/** The data of events of type `T`. */
export type ServiceEventData<T extends ServiceEventType = ServiceEventType> = ServiceEventDataByType[T];

/** One event with its global sequence number; narrowing on `type` narrows `data`. */
export type ServiceEvent = {
  readonly [T in ServiceEventType]: {
    readonly seq: number;
    readonly type: T;
    readonly at: number;
    readonly ticketId: number;
    readonly ticket: TicketSummary;
    readonly data: ServiceEventDataByType[T];
  };
}[ServiceEventType];
