import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { formatInstant } from '../../../shared/i18n/index.ts';
import type { TicketSummary } from '../../../shared/model/index.ts';
import { viewerOf, type ListScope } from '../../../shared/tickets/live-list.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { queueQueries } from '../../features/queue/queries.ts';
import { useRestOfView } from '../../features/queue/use-rest-of-view.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useSupportCalendar } from '../../time/server-clock.ts';
import { useCustomer } from '../customer.ts';
import { useFocusOnArrival } from '../focus-on-arrival.ts';
import { routeHash } from '../route.ts';
import { portalOrder } from './list-order.ts';
import { statusText } from './status-text.ts';

// The service lists a customer their own client's tickets only; "all" includes the resolved ones.
const ALL: ListScope = { view: 'all' };

/**
 * The client's tickets (`#/`): those waiting for the customer's answer on top and marked (R13),
 * then the newest activity first; resolved ones in their own, folded, part.
 */
export function TicketList() {
  const t = useT();
  const bridge = useBridge();
  const customer = useCustomer();
  const viewer = useMemo(() => viewerOf(customer), [customer]);
  const list = useQuery(queueQueries.list(bridge, viewer, ALL));
  useRestOfView(ALL, viewer, list.data);
  const { open, closed } = useMemo(() => portalOrder(list.data?.tickets ?? []), [list.data]);
  const [showClosed, setShowClosed] = useState(false);
  const titleId = useId();
  const closedId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(heading);

  return (
    <section className="portal-page" aria-labelledby={titleId}>
      <h1 id={titleId} ref={heading} tabIndex={-1}>{t('portal.list.title')}</h1>
      {list.isPending ? <p>{t('app.loading')}</p> : null}
      {list.isError ? <p role="alert" className="error">{t('app.error', { message: list.error.message })}</p> : null}
      {list.isSuccess && open.length === 0 && closed.length === 0 ? (
        <p className="portal-empty">
          {t('portal.list.empty')} <a href={routeHash({ name: 'new' })}>{t('portal.list.fileFirst')}</a>
        </p>
      ) : null}
      {list.isSuccess && open.length === 0 && closed.length > 0 ? <p className="portal-empty">{t('portal.list.noneOpen')}</p> : null}
      {open.length > 0 ? <TicketItems tickets={open} label={t('portal.list.open')} /> : null}
      {closed.length > 0 ? (
        <section className="portal-closed" aria-labelledby={closedId}>
          <h2 id={closedId}>
            <button type="button" className="link" aria-expanded={showClosed} onClick={() => setShowClosed((s) => !s)}>
              {t(showClosed ? 'portal.list.hideClosed' : 'portal.list.showClosed', { count: closed.length })}
            </button>
          </h2>
          {showClosed ? <TicketItems tickets={closed} label={t('portal.list.closed')} /> : null}
        </section>
      ) : null}
    </section>
  );
}

function TicketItems({ tickets, label }: { readonly tickets: readonly TicketSummary[]; readonly label: string }) {
  return (
    <ul className="portal-tickets" aria-label={label}>
      {tickets.map((ticket) => (
        <TicketItem key={ticket.id} ticket={ticket} />
      ))}
    </ul>
  );
}

/** One ticket: its number and subject as the link, its status in words, its last activity. */
function TicketItem({ ticket }: { readonly ticket: TicketSummary }) {
  const t = useT();
  const lang = useLanguage();
  const { zone } = useSupportCalendar();
  const asked = ticket.status === 'awaiting_customer';
  const closed = ticket.status === 'resolved' || ticket.status === 'merged';
  return (
    <li className={`portal-ticket${asked ? ' portal-ticket--asked' : ''}${closed ? ' portal-ticket--closed' : ''}`}>
      <a href={routeHash({ name: 'ticket', id: ticket.id })} className="portal-ticket-link">
        <span className="portal-ticket-number">#{ticket.number}</span> {ticket.subject}
      </a>
      <span className={`portal-status portal-status--${ticket.status}`}>{statusText(t, ticket)}</span>
      {ticket.escalated ? <span className="badge badge--escalated">{t('portal.escalatedMark')}</span> : null}
      <span className="muted portal-ticket-meta">
        {t(`kind.${ticket.kind}`)} · {t('portal.list.activity', { when: formatInstant(lang, ticket.updatedAt, zone, 'ccc d LLL HH:mm') })}
      </span>
    </li>
  );
}
