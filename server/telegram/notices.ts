/**
 * Which ticket events a client's Telegram chat hears of (R11): status changes, support's questions
 * (R13) and "resolved", one message per ticket per action. Pure: it reads the events a ticket
 * transaction writes (server/events/outbox.ts) and says what to post; messages.ts words it.
 *
 * Not posted: internal events (notes, SLA timers, pages, outage internals), compensation
 * decisions, and support's replies that change no status (the conversation is in the portal). A
 * reply that takes a new ticket into work posts "in work", as taking it does.
 */
import type { Tier } from '../../shared/model/index.ts';
import type { TicketBrief } from '../store/tickets.ts';
import type { PendingEvent, PendingTicketEvent } from '../events/outbox.ts';

/** What a chat is told about one ticket. */
export type TelegramNotice =
  | { readonly kind: 'received' }
  | { readonly kind: 'in_work' }
  | { readonly kind: 'question'; readonly question: string }
  | { readonly kind: 'routed'; readonly tier: Tier }
  | { readonly kind: 'escalated' }
  | { readonly kind: 'resolved' }
  | { readonly kind: 'reopened' }
  | { readonly kind: 'merged'; readonly into: number | null };

/** A notice and the ticket it is about, as the transaction left it. */
export interface TicketNotice {
  readonly ticket: TicketBrief;
  readonly notice: TelegramNotice;
}

// When one action raises several events of a ticket, the one that says most is posted.
const RANK: Readonly<Record<TelegramNotice['kind'], number>> = { merged: 8, resolved: 7, question: 6, reopened: 5, escalated: 4, received: 3, routed: 2, in_work: 1 };

/** The notice one event gives, or null; `all` are the transaction's events (a merge names its original there). */
function noticeOf(e: PendingTicketEvent, all: readonly PendingEvent[]): TelegramNotice | null {
  switch (e.type) {
    case 'ticket.created':
      return { kind: 'received' };
    case 'ticket.escalated':
      return { kind: 'escalated' };
    // Agents only on the event stream for its internal reason; the tier it went to is the customer's to know.
    case 'ticket.routed':
      return { kind: 'routed', tier: e.data.toTier };
    case 'ticket.changed':
      switch (e.data.action) {
        case 'resolved':
          return { kind: 'resolved' };
        case 'reopened':
          return { kind: 'reopened' };
        case 'merged': {
          const original = all.find((x) => x.type === 'ticket.changed' && x.data.action === 'merged_into_this');
          return { kind: 'merged', into: original?.ticket?.id ?? null };
        }
        default:
          return statusChange(e);
      }
    case 'message.added':
      // A merge copies the duplicate's messages (questions among them) into the original: old news.
      if (e.agentsOnly || e.data.message.mergedFrom !== null) return null;
      if (e.data.message.type === 'question') return { kind: 'question', question: e.data.message.body };
      return statusChange(e);
    default:
      return null;
  }
}

/** "In work" when the event's command moved the ticket into work from another status (taken, answered). */
function statusChange(e: PendingTicketEvent): TelegramNotice | null {
  if (e.agentsOnly || e.statusBefore === undefined) return null;
  return e.ticket.status === 'in_work' && e.statusBefore !== 'in_work' ? { kind: 'in_work' } : null;
}

/** The notices of one transaction's events: at most one per ticket, in the order the tickets first appear. */
export function noticesOf(events: readonly PendingEvent[]): TicketNotice[] {
  const byTicket = new Map<number, TicketNotice>();
  for (const e of events) {
    if (e.ticket === null) continue;
    const notice = noticeOf(e, events);
    if (notice === null) continue;
    const held = byTicket.get(e.ticket.id);
    if (held === undefined || RANK[notice.kind] > RANK[held.notice.kind]) byTicket.set(e.ticket.id, { ticket: e.ticket, notice });
  }
  return [...byTicket.values()];
}
