import { isTicketEvent, type Agent, type OutageRef, type Page, type ServiceEvent, type TicketEvent, type Tier } from '../model/index.ts';
import { OUTAGE_WARNING_BEFORE_MS } from '../outage/rules.ts';
import type { NotificationKind, Settings } from '../settings.ts';
import { inScope } from './attention.ts';

/** The outage news that notify: declared, 10 minutes left (R18), over the 30-minute limit (R18). */
export type OutageNews = 'declared' | 'warning' | 'overlong';

/** What a notification says: its kind, or for an outage which news (one switch, three texts). */
export type NotificationTopic = Exclude<NotificationKind, 'outage'> | `outage.${OutageNews}` | 'ticketMerged';

/** Every topic: each has a title and a body in every catalog. */
export const NOTIFICATION_TOPICS: readonly NotificationTopic[] = [
  'ticketCreated', 'ticketRouted', 'customerReplied', 'ticketMerged', 'slaWarning', 'slaBreached', 'escalation', 'page', 'outage.declared', 'outage.warning', 'outage.overlong',
];

/** A desktop notification to show: message keys of shared/i18n and their parameters. */
export interface NotificationDecision {
  readonly kind: NotificationKind;
  readonly ticketId: number;
  readonly titleKey: `notify.${NotificationTopic}.title`;
  readonly bodyKey: `notify.${NotificationTopic}.body`;
  readonly params: Readonly<Record<string, string | number>>;
  /** A page: shown until dismissed, with sound (critical urgency on the desktop, requireInteraction in browsers). */
  readonly urgent: boolean;
}

/** A notification found for an event, before the settings say yes or no. */
type Found =
  | { readonly kind: Exclude<NotificationKind, 'outage'>; readonly tier: Tier; readonly merged?: number }
  | { readonly kind: 'outage'; readonly tier: Tier; readonly news: OutageNews; readonly ref: OutageRef };

/**
 * Who hears of an outage. Declared and over the limit: every agent, since the whole desk gathers
 * the flood of tickets into it, and a broken 30-minute promise (R18) is the whole service's news.
 * Ten minutes left: the managers (who answer for the SLA and compensation, R6c) and whoever works
 * the ticket it was declared from (its assignee, or its tier while nobody holds it), not the whole
 * desk a second time. An excluded outage (R27) counts no downtime, so its clock warns nobody.
 */
function outageNews(event: TicketEvent, me: Agent, news: OutageNews, ref: OutageRef): Found | null {
  const found: Found = { kind: 'outage', tier: event.ticket.tier, news, ref };
  if (news === 'declared') return found;
  if (ref.excluded || ref.state !== 'open') return null;
  if (news === 'overlong') return found;
  return me.role === 'manager' || inScope(event.ticket, me) ? found : null;
}

/** Which kind of notification an event is for this agent, before the settings say yes or no. */
function kindOf(event: TicketEvent, me: Agent): Found | null {
  const { ticket } = event;
  const inMyTiers = (tier: Tier) => me.tiers.includes(tier);
  const mine = ticket.assignee?.id === me.id;
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
      // A merge copies the duplicate's messages: that is no customer replying (the merge says it once, below).
      return mine && event.data.message.type === 'customer' && event.data.message.mergedFrom === null ? { kind: 'customerReplied', tier: ticket.tier } : null;
    case 'sla.warning':
      return concerned && ticket.sla.state !== 'closed' ? { kind: 'slaWarning', tier: ticket.tier } : null;
    case 'sla.breached':
      return concerned && ticket.sla.state !== 'closed' ? { kind: 'slaBreached', tier: ticket.tier } : null;
    case 'ticket.changed':
      // "Ticket #N was merged into your #M", under the customer-replied switch: the customer wrote again.
      return mine && event.data.action === 'merged_into_this' && event.data.mergedFrom !== undefined ? { kind: 'customerReplied', tier: ticket.tier, merged: event.data.mergedFrom } : null;
    // A page (or its reminder, or its next rung) is for the agents it pages now, never for the rest.
    case 'page.triggered':
    case 'page.escalated':
      return event.data.page.paged.includes(me.id) ? { kind: 'page', tier: ticket.tier } : null;
    case 'page.acknowledged':
    case 'page.closed':
      return null;
    case 'outage.declared':
      return outageNews(event, me, 'declared', event.data.outage);
    case 'outage.warning':
      return outageNews(event, me, 'warning', event.data.outage);
    case 'outage.overlong':
      return outageNews(event, me, 'overlong', event.data.outage);
    // The bar shows these as they happen; none needs to reach a hidden window.
    case 'outage.changed':
    case 'outage.restored':
    case 'ticket.updated':
      return null;
  }
}

/**
 * Whether an event from the ticket service raises a notification for this agent, and which.
 * Pure: the desktop main process and the web bridge both call it; duplicates after a reconnect
 * never reach it because the event stream delivers each sequence number once.
 */
export function decideNotification(event: ServiceEvent, me: Agent, settings: Settings): NotificationDecision | null {
  // A service-wide event (a new support calendar) changes what the console shows, live; it is nobody's news to be woken for.
  if (!isTicketEvent(event)) return null;
  const found = kindOf(event, me);
  if (found === null || !settings.notifications[found.kind]) return null;
  const params = { number: event.ticket.number, subject: event.ticket.subject, tier: found.tier };
  if (found.kind === 'outage') {
    const { news, ref } = found;
    return {
      kind: 'outage',
      ticketId: event.ticketId,
      titleKey: `notify.outage.${news}.title`,
      bodyKey: `notify.outage.${news}.body`,
      // `groups` is a comma-separated list of function groups; notificationText names them in the agent's language.
      params: { ...params, outage: ref.id, groups: ref.groups.join(','), minutes: Math.round((news === 'warning' ? OUTAGE_WARNING_BEFORE_MS : ref.restoreBy - ref.startedAt) / 60_000) },
      urgent: false,
    };
  }
  const topic = found.merged === undefined ? found.kind : 'ticketMerged';
  return {
    kind: found.kind,
    ticketId: event.ticketId,
    titleKey: `notify.${topic}.title`,
    bodyKey: `notify.${topic}.body`,
    params: found.merged === undefined ? params : { ...params, merged: found.merged },
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
