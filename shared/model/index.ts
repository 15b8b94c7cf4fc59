/** Plain, readonly data shapes of the ticket service, shared by the server, the desktop app and the renderer. */
import type { PageLevel, PageReason, PageState } from '../paging/ladder.ts';
import type { FunctionGroup, SlaStatus, TicketKind } from '../sla/index.ts';
import type { SystemNotice } from '../tickets/notices.ts';

export { allowedRoutes, isPathMove, supportTypeOf, TIER_PATHS, type SupportType } from './routing.ts';

/** Support tiers (R5) plus the escalation desk (R6). */
export type Tier = 'l1' | 'l2-analysts' | 'l2-methodologists' | 'l3' | 'l4' | 'escalation';
/** Every tier, first line first. */
export const TIERS: readonly Tier[] = ['l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4', 'escalation'];

/** An agent's role: `manager` is escalation-authorized (R6); `admin` administers accounts. */
export type Role = 'agent' | 'manager' | 'admin';
/** Every role. */
export const ROLES: readonly Role[] = ['agent', 'manager', 'admin'];

/** The languages support speaks (R10). */
export type Language = 'ru' | 'uk' | 'en';
/** Every language. */
export const LANGUAGES: readonly Language[] = ['ru', 'uk', 'en'];

/** Where a ticket is in its life. */
export type TicketStatus = 'new' | 'in_work' | 'awaiting_customer' | 'resolved' | 'merged';
/** Every ticket status. */
export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'in_work', 'awaiting_customer', 'resolved', 'merged'];
/** Statuses in which a ticket is still being worked on. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'in_work', 'awaiting_customer'];

/** Kinds of message: `note` is internal and never reaches customers; `system` is written by the service. */
export type MessageType = 'customer' | 'reply' | 'question' | 'note' | 'system';
/** Every message type. */
export const MESSAGE_TYPES: readonly MessageType[] = ['customer', 'reply', 'question', 'note', 'system'];

/** A client organization (R1, R2). */
export interface Client {
  readonly id: number;
  readonly name: string;
  readonly primaryGroup: FunctionGroup;
  readonly language: Language;
}

/** A support agent. */
export interface Agent {
  readonly kind: 'agent';
  readonly id: number;
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly tiers: readonly Tier[];
  readonly language: Language;
}

/** A user of a client organization. */
export interface Customer {
  readonly kind: 'customer';
  readonly id: number;
  readonly login: string;
  readonly name: string;
  readonly client: Client;
  readonly language: Language;
}

/** Whoever is signed in. */
export type User = Agent | Customer;

/** A person as other people see them in a ticket. */
export interface PersonRef {
  readonly id: number;
  readonly name: string;
}

/** The SLA as a ticket's row keeps it: stored when the ticket last changed, so a countdown is counted from it locally. */
export type QueueSla = Pick<SlaStatus, 'state' | 'dueAt' | 'warnAt' | 'calendar'>;

/** The internal target clock as a ticket's row keeps it: `state` stays `running` until the tier answers. */
export type QueueOla = Omit<OlaStatus, 'remainingMs' | 'ticking'>;

/**
 * A ticket as a queue row shows it, and as every event about it carries it (docs/api.md, "Rows
 * and events"): nothing in it depends on when it was read, so a list patched from events equals
 * a fresh fetch. Instants are epoch ms.
 */
export interface TicketSummary {
  readonly id: number;
  /** The number people quote ("#1042"); equal to `id`. */
  readonly number: number;
  readonly kind: TicketKind;
  readonly subject: string;
  readonly language: Language;
  readonly client: Client;
  readonly status: TicketStatus;
  readonly tier: Tier;
  readonly assignee: PersonRef | null;
  /** Escalated and not resolved since (R12). */
  readonly escalated: boolean;
  /** The ticket this one was merged into (R15). */
  readonly duplicateOf: number | null;
  /** The outage this ticket is linked to (docs/availability.md), at most one, and whether it is still open. */
  readonly outage: { readonly id: number; readonly open: boolean } | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly sla: QueueSla;
  /** How the ticket reached its tier when it was routed there (agents only: the reason is internal; null for customers). */
  readonly routedFrom: RoutingRef | null;
  /** Its tier's internal target (OLA) clock, when the tier has one (agents only; never for customers; apart from the SLA). */
  readonly ola: QueueOla | null;
}

/** A ticket (R3) with its SLA status evaluated at response time. */
export interface Ticket extends TicketSummary {
  readonly body: string;
  readonly author: PersonRef;
  /** The customer's latest escalation justification, kept after resolution. */
  readonly escalationJustification: string | null;
  /** The latest compensation decision (R6c); every decision stays in the audit log. */
  readonly compensation: string | null;
  readonly sla: SlaStatus;
  readonly ola: OlaStatus | null;
}

/** The routing that brought a ticket to its current tier: from where, by whom, why, when. */
export interface RoutingRef {
  readonly fromTier: Tier;
  /** null when the service routed it. */
  readonly by: PersonRef | null;
  readonly reason: string;
  readonly at: number;
  readonly outOfTurn: boolean;
}

/**
 * A tier's internal target clock (an operational level agreement, docs/ola.md): it starts when the
 * ticket arrives in the tier and stops at the tier's first answer. Internal: never shown to customers.
 */
export interface OlaStatus {
  readonly tier: Tier;
  /** The target, in working minutes of the support calendar. */
  readonly targetMinutes: number;
  readonly startedAt: number;
  readonly dueAt: number;
  /** When the tier answered (the clock stopped); null while it runs. */
  readonly stoppedAt: number | null;
  /** `running` (maybe past due), `met` (answered in time), `breached` (due passed before the answer). */
  readonly state: 'running' | 'met' | 'breached';
  /** Working time left at evaluation (negative when past due); null once stopped. */
  readonly remainingMs: number | null;
  /** Whether working time passes now (false outside working hours). */
  readonly ticking: boolean;
}

/** One message of a ticket's conversation. */
export interface Message {
  readonly id: number;
  readonly ticketId: number;
  readonly type: MessageType;
  /** null for system messages. */
  readonly author: PersonRef | null;
  readonly body: string;
  readonly createdAt: number;
  /** Set when the message was copied from a merged duplicate (R15). */
  readonly mergedFrom: number | null;
  /** What a system message says, for each reader to see in their own language; absent otherwise (and on older messages). */
  readonly notice?: SystemNotice;
}

/** What an audit entry records. */
export type AuditAction =
  | 'created'
  | 'taken'
  | 'taken_over'
  | 'replied'
  | 'asked'
  | 'noted'
  | 'customer_replied'
  | 'routed'
  | 'escalated'
  | 'resolved'
  | 'reopened'
  | 'merged'
  | 'merged_into_this'
  | 'compensation'
  | 'paged'
  | 'page_escalated'
  | 'page_acknowledged'
  | 'outage_linked'
  | 'outage_unlinked';

/** A page (docs/oncall.md, "Paging"): one ticket's after-hours call for an agent, climbing the ladder until acknowledged. */
export interface Page {
  readonly id: number;
  readonly ticketId: number;
  readonly state: PageState;
  readonly level: PageLevel;
  /** The pass through the ladder, from 1. */
  readonly attempt: number;
  /** Whom the current rung pages (agent ids). */
  readonly paged: readonly number[];
  /** Everyone this page has paged so far: any of them may acknowledge it. */
  readonly notified: readonly number[];
  readonly reason: PageReason;
  /** When the ladder acts next (escalation or reminder); null when it has nothing more to do. */
  readonly nextAt: number | null;
  readonly acknowledgedBy: PersonRef | null;
  readonly acknowledgedAt: number | null;
  readonly createdAt: number;
  readonly closedAt: number | null;
}

/** One append-only audit entry: who did what to a ticket, when, from which tier to which. */
export interface AuditEntry {
  readonly id: number;
  readonly ticketId: number;
  readonly actor: PersonRef | null;
  readonly action: AuditAction;
  readonly fromTier: Tier | null;
  readonly toTier: Tier | null;
  readonly detail: string | null;
  readonly at: number;
}

/** A ticket with its conversation and (for agents) its audit trail. */
export interface TicketDetail {
  readonly ticket: Ticket;
  readonly messages: readonly Message[];
  /** Empty for customers. */
  readonly audit: readonly AuditEntry[];
}

export * from './outages.ts';
export {
  AGENTS_ONLY_SERVICE_WIDE,
  isTicketEvent,
  SERVICE_EVENT_TYPES,
  SERVICE_WIDE_EVENT_TYPES,
  TICKET_EVENT_TYPES,
  type PageRef,
  type ServiceEvent,
  type ServiceEventData,
  type ServiceEventType,
  type ServiceWideEvent,
  type ServiceWideEventType,
  type SlaClockRef,
  type TicketEvent,
  type TicketEventType,
} from './events.ts';
