/**
 * The event protocol of /api/v1/events: one envelope, its `data` decided by its `type`. Most events
 * are about a ticket (`ticketId`, `ticket`); service-wide ones (the support calendar) carry null there.
 */
import type { PageLevel, PageReason } from '../paging/ladder.ts';
import type { CalendarConfig, SlaClock } from '../sla/index.ts';
import type { OlaTargets } from '../ola/targets.ts';
import type { AuditAction, Message, PersonRef, Tier, TicketSummary } from './index.ts';
import type { OutageAction, OutageRef } from './outages.ts';

/** The clock an SLA event is about. */
export interface SlaClockRef {
  readonly index: number;
  readonly target: SlaClock['target'];
  readonly startedAt: number;
  readonly dueAt: number;
  readonly warnAt: number;
}

/** The page an event is about: its rung of the ladder, its pass (from 1) and whom it pages now. */
export interface PageRef {
  readonly id: number;
  readonly level: PageLevel;
  readonly attempt: number;
  /** The agents this rung pages (ids); a reminder pages the acknowledger. */
  readonly paged: readonly number[];
  readonly reason: PageReason;
}

/** What each type of event about a ticket carries. */
export interface TicketEventDataByType {
  readonly 'ticket.created': { readonly action: 'created'; readonly toTier: Tier };
  /** Any other change of the ticket itself: what happened is an audit action. */
  /** `mergedFrom`: on `merged_into_this`, the number of the duplicate merged into this ticket. */
  readonly 'ticket.changed': { readonly action: AuditAction; readonly mergedFrom?: number };
  readonly 'ticket.routed': { readonly action: 'routed'; readonly fromTier: Tier; readonly toTier: Tier; readonly reason: string; readonly outOfTurn: boolean };
  readonly 'ticket.escalated': { readonly action: 'escalated'; readonly fromTier: Tier; readonly toTier: 'escalation' };
  readonly 'message.added': { readonly message: Message };
  readonly 'sla.warning': { readonly clock: SlaClockRef };
  readonly 'sla.breached': { readonly clock: SlaClockRef };
  /** A page went out (or, `reminder`, an acknowledged page reminds its acknowledger). */
  readonly 'page.triggered': { readonly page: PageRef; readonly reminder: boolean };
  readonly 'page.acknowledged': { readonly page: PageRef; readonly by: PersonRef };
  /** Nobody acknowledged in time: the next rung is paged. */
  readonly 'page.escalated': { readonly page: PageRef };
  /** The ticket was resolved (or merged): the page is over. */
  readonly 'page.closed': { readonly page: PageRef };
  /** Outage events (docs/availability.md) are for agents, carried on the ticket the outage was declared from. */
  readonly 'outage.declared': { readonly outage: OutageRef };
  /** A ticket linked or unlinked (the start may move), an exclusion, a compensation decision. */
  readonly 'outage.changed': { readonly outage: OutageRef; readonly action: Exclude<OutageAction, 'declared' | 'restored' | 'warning' | 'overlong'> };
  /** 10 minutes left to the 30-minute limit (R18). */
  readonly 'outage.warning': { readonly outage: OutageRef };
  /** Open past the 30-minute limit (R18). */
  readonly 'outage.overlong': { readonly outage: OutageRef };
  readonly 'outage.restored': { readonly outage: OutageRef };
  /**
   * A customer's form of an event about their ticket that is for agents only (an internal note, a
   * routing, an SLA timer, a page, an outage): the ticket's row as of then, and nothing else. Never
   * stored; the event stream sends it in the other event's place, under its number.
   */
  readonly 'ticket.updated': Record<string, never>;
}

/**
 * What each type of service-wide event carries: events about no ticket, for everyone signed in
 * (customers too: R9 shows them the support clock).
 */
export interface ServiceWideEventDataByType {
  /** An admin changed the support calendar (R7): in force from `effectiveAt`; running clocks were recomputed. */
  readonly 'calendar.changed': { readonly calendar: CalendarConfig; readonly effectiveAt: number };
  /** An admin changed the tiers' internal targets (docs/ola.md): every open ticket's internal clock may have moved. Agents only. */
  readonly 'ola.changed': { readonly targets: OlaTargets };
  /**
   * An admin changed what rows and tickets show of people or clients: an agent's or a customer's
   * name, or a client's name, function group or language. Lists and tickets are read again.
   */
  readonly 'names.changed': { readonly of: 'agent' | 'customer' | 'client' };
}

/** What each type of event carries. */
export type ServiceEventDataByType = TicketEventDataByType & ServiceWideEventDataByType;

/** Types of event about a ticket. */
export type TicketEventType = keyof TicketEventDataByType;
/** Types of service-wide event. */
export type ServiceWideEventType = keyof ServiceWideEventDataByType;
/** Types of event the service pushes on /api/v1/events. */
export type ServiceEventType = TicketEventType | ServiceWideEventType;

/** Every event type about a ticket. */
export const TICKET_EVENT_TYPES: readonly TicketEventType[] = [
  'ticket.created',
  'ticket.changed',
  'ticket.routed',
  'ticket.escalated',
  'message.added',
  'sla.warning',
  'sla.breached',
  'page.triggered',
  'page.acknowledged',
  'page.escalated',
  'page.closed',
  'outage.declared',
  'outage.changed',
  'outage.warning',
  'outage.overlong',
  'outage.restored',
  'ticket.updated',
];
/** Every service-wide event type. */
export const SERVICE_WIDE_EVENT_TYPES: readonly ServiceWideEventType[] = ['calendar.changed', 'ola.changed', 'names.changed'];
/** Service-wide events only agents receive (stored for everyone; the event stream keeps them from customers). */
export const AGENTS_ONLY_SERVICE_WIDE: readonly ServiceWideEventType[] = ['ola.changed'];
/** Every event type. */
export const SERVICE_EVENT_TYPES: readonly ServiceEventType[] = [...TICKET_EVENT_TYPES, ...SERVICE_WIDE_EVENT_TYPES];

/** The data of events of type `T`. */
export type ServiceEventData<T extends ServiceEventType = ServiceEventType> = ServiceEventDataByType[T];

/** An event about a ticket; narrowing on `type` narrows `data`. */
export type TicketEvent = {
  readonly [T in TicketEventType]: {
    readonly seq: number;
    readonly type: T;
    readonly at: number;
    readonly ticketId: number;
    readonly ticket: TicketSummary;
    readonly data: TicketEventDataByType[T];
  };
}[TicketEventType];

/** A service-wide event: about no ticket. */
export type ServiceWideEvent = {
  readonly [T in ServiceWideEventType]: {
    readonly seq: number;
    readonly type: T;
    readonly at: number;
    readonly ticketId: null;
    readonly ticket: null;
    readonly data: ServiceWideEventDataByType[T];
  };
}[ServiceWideEventType];

/** One event with its global sequence number; narrowing on `type` narrows `data` and `ticket`. */
export type ServiceEvent = TicketEvent | ServiceWideEvent;

/** Whether an event is about a ticket (rather than the whole service). */
export function isTicketEvent(event: ServiceEvent): event is TicketEvent {
  return event.ticket !== null;
}
