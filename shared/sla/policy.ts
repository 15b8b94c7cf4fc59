/** Ticket kinds of R3. */
export type TicketKind = 'problem' | 'bug' | 'question' | 'suggestion';
/** Every ticket kind, in display order. */
export const TICKET_KINDS: readonly TicketKind[] = ['problem', 'bug', 'question', 'suggestion'];

/** What happened to a ticket, as far as its SLA clocks care. */
export type SlaEventType =
  | 'created'
  | 'taken'
  | 'question_asked'
  | 'agent_replied'
  | 'customer_replied'
  | 'escalated'
  | 'resolved'
  | 'reopened';

/** The SLA targets: one per kind of promise the agreement makes. */
export type SlaTargetId = 'reaction' | 'consultation' | 'suggestion' | 'escalation';

/** How long a clock may run: working or round-the-clock ms, or calendar months. */
export type SlaDuration = { readonly ms: number } | { readonly months: number };

/** One promise: how long, on which calendar, and which events count as the reaction that stops it. */
export interface SlaTarget {
  readonly id: SlaTargetId;
  /** 'business': the support calendar (R7); 'continuous': round the clock. */
  readonly calendar: 'business' | 'continuous';
  readonly duration: SlaDuration;
  readonly stoppedBy: readonly SlaEventType[];
}

/** Every number the SLA commits to, as data an admin may change. */
export interface SlaPolicy {
  readonly targets: Readonly<Record<SlaTargetId, SlaTarget>>;
  /** The target a new clock of each kind uses while the ticket is not escalated. */
  readonly targetByKind: Readonly<Record<TicketKind, SlaTargetId>>;
  /** The target every new clock uses while the ticket is escalated (R12, R25). */
  readonly escalationTarget: SlaTargetId;
  /** Warn when this share of a clock remains, or `minRemainingMs`, whichever comes first. */
  readonly warning: { readonly fraction: number; readonly minRemainingMs: number };
  /** Downtime allowed per function group a calendar year (R17) and the longest outage (R18). */
  readonly availability: { readonly budgetMs: number; readonly maxOutageMs: number };
}

const MINUTE = 60_000;
const REACTIONS: readonly SlaEventType[] = ['taken', 'question_asked', 'agent_replied'];

/** The SLA's numbers (R17, R18, R21, R23, R24, R25). */
export const DEFAULT_POLICY: SlaPolicy = {
  targets: {
    reaction: { id: 'reaction', calendar: 'business', duration: { ms: 20 * MINUTE }, stoppedBy: REACTIONS },
    consultation: { id: 'consultation', calendar: 'business', duration: { ms: 60 * MINUTE }, stoppedBy: REACTIONS },
    suggestion: { id: 'suggestion', calendar: 'continuous', duration: { months: 1 }, stoppedBy: ['agent_replied'] },
    escalation: { id: 'escalation', calendar: 'continuous', duration: { ms: 20 * MINUTE }, stoppedBy: REACTIONS },
  },
  targetByKind: { problem: 'reaction', bug: 'reaction', question: 'consultation', suggestion: 'suggestion' },
  escalationTarget: 'escalation',
  warning: { fraction: 0.25, minRemainingMs: 5 * MINUTE },
  availability: { budgetMs: 8 * 60 * MINUTE, maxOutageMs: 30 * MINUTE },
};
