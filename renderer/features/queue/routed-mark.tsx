import type { TicketSummary, Tier } from '../../../shared/model/index.ts';
import type { Translate } from '../../../shared/i18n/index.ts';

// How far up the tiers are, to draw the arrow of a routing (up to the developers, or back down).
const LEVEL: Readonly<Record<Tier, number>> = { l1: 1, 'l2-analysts': 2, 'l2-methodologists': 2, l3: 3, l4: 4, escalation: 5 };

/** The id of a row's routed-mark description, for the row's aria-describedby; null when the row shows no mark. */
export function routedMarkId(ticket: TicketSummary): string | null {
  return ticket.routedFrom !== null && ticket.status === 'new' ? `queue-row-${ticket.id}-routed` : null;
}

/** "Routed by Anna Kovalenko from L1 support: needs the logs" (or without the sender when the service routed it). */
export function routedLine(ticket: TicketSummary, t: Translate): string {
  const r = ticket.routedFrom;
  if (r === null) return '';
  const from = t(`tier.${r.fromTier}`);
  return r.by === null ? t('routed.byService', { from, reason: r.reason }) : t('routed.by', { name: r.by.name, from, reason: r.reason });
}

/**
 * A compact "↑ from L1 support" on a row that was routed to its tier and waits there as new: who
 * sent it and why in its tooltip and, for screen readers, in the text the row is described by.
 */
export function RoutedMark({ ticket, t }: { readonly ticket: TicketSummary; readonly t: Translate }) {
  const id = routedMarkId(ticket);
  const r = ticket.routedFrom;
  if (id === null || r === null) return null;
  const line = routedLine(ticket, t);
  const arrow = LEVEL[ticket.tier] >= LEVEL[r.fromTier] ? '↑' : '↓';
  return (
    <>
      <span className="routed-mark" title={line} aria-hidden="true">
        {arrow} {t('routed.mark', { from: t(`tier.${r.fromTier}`) })}
      </span>
      <span id={id} className="visually-hidden">{line}</span>
    </>
  );
}
