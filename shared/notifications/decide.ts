import type { Agent, ServiceEvent, Tier } from '../model/index.ts';
import type { NotificationKind, Settings } from '../settings.ts';
import { inScope } from './attention.ts';

/** A desktop notification to show: message keys of shared/i18n and their parameters. */
export interface NotificationDecision {
  readonly kind: NotificationKind;
  readonly ticketId: number;
  readonly titleKey: `notify.${NotificationKind}.title`;
  readonly bodyKey: `notify.${NotificationKind}.body`;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Which kind of notification an event is for this agent, before the settings say yes or no. */
function kindOf(event: ServiceEvent, me: Agent): { kind: NotificationKind; tier: Tier } | null {
  const { ticket } = event;
  const inMyTiers = (tier: Tier) => me.tiers.includes(tier);
  const mine = ticket.assigneeId === me.id;
  // SLA news concerns the assignee, or the whole tier while nobody has taken the ticket.
  const concerned = inScope(ticket, me);
  switch (event.type) {
    case 'ticket.created':
      return inMyTiers(ticket.tier) ? { kind: 'ticketCreated', tier: ticket.tier } : null;
    case 'ticket.routed': {
      const to = event.data.toTier;
      return mine || inMyTiers(to) ? { kind: 'ticketRouted', tier: to } : null;
    }
    case 'ticket.escalated':
      // The escalation desk and managers hear of every escalation (R6, R12).
      return me.role === 'manager' || inMyTiers('escalation') ? { kind: 'escalation', tier: ticket.tier } : null;
    case 'message.added':
      return mine && event.data.message.type === 'customer' ? { kind: 'customerReplied', tier: ticket.tier } : null;
    case 'sla.warning':
      return concerned && ticket.slaState !== 'closed' ? { kind: 'slaWarning', tier: ticket.tier } : null;
    case 'sla.breached':
      return concerned && ticket.slaState !== 'closed' ? { kind: 'slaBreached', tier: ticket.tier } : null;
    case 'ticket.changed':
      return null;
    // Pages get their own urgent notification in the console (issue 8, console part); none here yet.
    case 'page.triggered':
    case 'page.acknowledged':
    case 'page.escalated':
    case 'page.closed':
      return null;
  }
}

/**
 * Whether an event from the ticket service raises a notification for this agent, and which.
 * Pure: the desktop main process and the web bridge both call it; duplicates after a reconnect
 * never reach it because the event stream delivers each sequence number once.
 */
export function decideNotification(event: ServiceEvent, me: Agent, settings: Settings): NotificationDecision | null {
  const found = kindOf(event, me);
  if (found === null || !settings.notifications[found.kind]) return null;
  return {
    kind: found.kind,
    ticketId: event.ticketId,
    titleKey: `notify.${found.kind}.title`,
    bodyKey: `notify.${found.kind}.body`,
    params: { number: event.ticket.number, subject: event.ticket.subject, tier: found.tier },
  };
}
