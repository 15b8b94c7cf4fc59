import type { Agent, Page, ServiceEvent, Tier } from '../model/index.ts';
import type { NotificationKind, Settings } from '../settings.ts';
import { inScope } from './attention.ts';

/** A desktop notification to show: message keys of shared/i18n and their parameters. */
export interface NotificationDecision {
  readonly kind: NotificationKind;
  readonly ticketId: number;
  readonly titleKey: `notify.${NotificationKind}.title`;
  readonly bodyKey: `notify.${NotificationKind}.body`;
  readonly params: Readonly<Record<string, string | number>>;
  /** A page: shown until dismissed, with sound (critical urgency on the desktop, requireInteraction in browsers). */
  readonly urgent: boolean;
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
    // A page (or its reminder, or its next rung) is for the agents it pages now, never for the rest.
    case 'page.triggered':
    case 'page.escalated':
      return event.data.page.paged.includes(me.id) ? { kind: 'page', tier: ticket.tier } : null;
    case 'page.acknowledged':
    case 'page.closed':
      return null;
    case 'outage.declared':
    case 'outage.changed':
    case 'outage.warning':
    case 'outage.overlong':
    case 'outage.restored':
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
    urgent: found.kind === 'page',
  };
}

/**
 * At sign-in, the open pages that page me and were perhaps missed while the console was closed:
 * one urgent notification each (the caller shows each page id once), unless pages are switched off.
 */
export function decidePagesAtSignIn(
  pages: readonly Page[],
  tickets: ReadonlyMap<number, { readonly number: number; readonly subject: string; readonly tier: Tier }>,
  me: Agent,
  settings: Settings,
): readonly NotificationDecision[] {
  if (!settings.notifications.page) return [];
  return openPagesForMe(pages, me).flatMap((page) => {
    const ticket = tickets.get(page.ticketId);
    if (ticket === undefined) return [];
    return [{
      kind: 'page' as const,
      ticketId: page.ticketId,
      titleKey: 'notify.page.title' as const,
      bodyKey: 'notify.page.body' as const,
      params: { number: ticket.number, subject: ticket.subject, tier: ticket.tier },
      urgent: true,
    }];
  });
}

/** The open pages that page me now: the ones to fetch tickets for at sign-in. */
export function openPagesForMe(pages: readonly Page[], me: Agent): readonly Page[] {
  return pages.filter((page) => page.state === 'open' && page.paged.includes(me.id));
}
