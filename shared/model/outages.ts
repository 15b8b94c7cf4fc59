/** Global outages (docs/availability.md): many tickets gathered under one downtime of one or both function groups. */
import type { FunctionGroup } from '../sla/availability.ts';
import type { Language, PersonRef, TicketStatus } from './index.ts';

/** `open` while the service is down; `restored` once an agent recorded the end of downtime. */
export type OutageState = 'open' | 'restored';
/** Both states. */
export const OUTAGE_STATES: readonly OutageState[] = ['open', 'restored'];

/** What an outage's timeline records. */
export type OutageAction = 'declared' | 'linked' | 'unlinked' | 'restored' | 'excluded' | 'compensation' | 'warning' | 'overlong';
/** Every outage timeline action. */
export const OUTAGE_ACTIONS: readonly OutageAction[] = ['declared', 'linked', 'unlinked', 'restored', 'excluded', 'compensation', 'warning', 'overlong'];

/** What a customer may see of an outage of their group: that it is worked on, since when, how many reports. */
export interface PublicOutage {
  readonly id: number;
  readonly groups: readonly FunctionGroup[];
  readonly state: OutageState;
  /** The receipt of the earliest linked ticket (R19): downtime counts from here. */
  readonly startedAt: number;
  readonly restoredAt: number | null;
  readonly ticketCount: number;
}

/** An outage as agents list it. */
export interface OutageSummary extends PublicOutage {
  readonly summary: string;
  /** The ticket it was declared from; its events are carried on this ticket. */
  readonly declaredFrom: number;
  readonly declaredAt: number;
  readonly declaredBy: PersonRef;
  /** startedAt + 30 minutes (R18), on the 24/7 calendar. */
  readonly restoreBy: number;
  /** Outside support's responsibility (R27): not service downtime. */
  readonly excluded: boolean;
  readonly exclusionReason: string | null;
}

/** A ticket linked to an outage, as the outage shows it. */
export interface OutageTicket {
  readonly id: number;
  readonly number: number;
  readonly subject: string;
  readonly clientId: number;
  readonly clientName: string;
  readonly language: Language;
  readonly status: TicketStatus;
  /** Its receipt (R19). */
  readonly createdAt: number;
  readonly linkedAt: number;
}

/** One entry of an outage's timeline. */
export interface OutageTimelineEntry {
  readonly id: number;
  readonly action: OutageAction;
  /** null for the scheduler's entries (warning, overlong). */
  readonly actor: PersonRef | null;
  readonly detail: string | null;
  readonly at: number;
}

/** A manager's compensation decision recorded against an outage (R6c). */
export interface OutageCompensation {
  readonly id: number;
  readonly decision: string;
  readonly by: PersonRef;
  readonly at: number;
}

/** One outage with everything the outage screen shows. */
export interface OutageDetail {
  readonly outage: OutageSummary;
  readonly tickets: readonly OutageTicket[];
  readonly timeline: readonly OutageTimelineEntry[];
  readonly compensations: readonly OutageCompensation[];
}

/** What an outage event carries. */
export interface OutageRef {
  readonly id: number;
  readonly groups: readonly FunctionGroup[];
  readonly state: OutageState;
  readonly startedAt: number;
  readonly restoredAt: number | null;
  readonly restoreBy: number;
  readonly excluded: boolean;
  readonly ticketCount: number;
}
