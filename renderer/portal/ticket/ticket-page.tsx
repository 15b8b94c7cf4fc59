import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../../../shared/client/api-error.ts';
import { OPEN_STATUSES, type Message, type Ticket } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { CommandError } from '../../features/ticket/command-error.tsx';
import { Conversation } from '../../features/ticket/conversation.tsx';
import { ticketQueries, useTicketCommand } from '../../features/ticket/queries.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useFocusOnArrival } from '../focus-on-arrival.ts';
import { routeHash } from '../route.ts';
import { statusText } from '../tickets/index.ts';
import { ClockLine } from './clock-line.tsx';
import { EscalateDialog } from './escalate-dialog.tsx';
import { ReplyForm } from './reply-form.tsx';

/**
 * One ticket (`#/tickets/:id`): its clock in words, support's question with the answer box, the
 * conversation (the service never sends internal notes to customers), reply, escalate, reopen.
 * Support's replies and questions arrive by the event stream (useLiveUpdates refetches the detail).
 */
export function TicketPage({ id }: { readonly id: number }) {
  const t = useT();
  const bridge = useBridge();
  const detail = useQuery(ticketQueries.detail(bridge, id));
  if (detail.isPending) return <p className="portal-page">{t('app.loading')}</p>;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <section className="portal-page" aria-label={t('portal.ticket.label', { number: id })}>
        <p role="alert" className="error">{missing ? t('portal.ticket.notFound', { number: id }) : t('app.error', { message: detail.error.message })}</p>
        <BackLink />
      </section>
    );
  }
  return <TicketView ticket={detail.data.ticket} messages={detail.data.messages} />;
}

function BackLink() {
  const t = useT();
  return <a href={routeHash({ name: 'tickets' })} className="portal-back">{t('portal.ticket.back')}</a>;
}

function TicketView({ ticket, messages }: { readonly ticket: Ticket; readonly messages: readonly Message[] }) {
  const t = useT();
  const titleId = useId();
  const [escalating, setEscalating] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(heading);
  const open = OPEN_STATUSES.includes(ticket.status);
  const asked = ticket.status === 'awaiting_customer';
  const question = asked ? messages.findLast((m) => m.type === 'question') : undefined;
  return (
    <article className="portal-page portal-ticket-page" aria-labelledby={titleId}>
      <BackLink />
      <h1 id={titleId} ref={heading} tabIndex={-1}>
        <span className="portal-ticket-number">#{ticket.number}</span> {ticket.subject}
      </h1>
      <p className="portal-ticket-facts">
        <span className={`portal-status portal-status--${ticket.status}`}>{statusText(t, ticket)}</span>
        <span className="muted">{t(`kind.${ticket.kind}`)}</span>
        {ticket.escalated ? <span className="badge badge--escalated">{t('portal.escalatedMark')}</span> : null}
      </p>
      <ClockLine ticket={ticket} />
      {asked ? (
        <section className="portal-question" aria-label={t('portal.question.label')}>
          <h2>{t('portal.status.awaiting_customer')}</h2>
          {question !== undefined ? <p className="portal-question-body">{question.body}</p> : null}
          <ReplyForm ticketId={ticket.id} asked />
        </section>
      ) : null}
      <h2 className="portal-section-title">{t('portal.ticket.conversation')}</h2>
      <Conversation messages={messages} />
      {open && !asked ? <ReplyForm ticketId={ticket.id} asked={false} /> : null}
      {ticket.status === 'resolved' ? <Reopen ticket={ticket} /> : null}
      {ticket.status === 'merged' && ticket.duplicateOf !== null ? (
        <p>
          <a href={routeHash({ name: 'ticket', id: ticket.duplicateOf })}>{t('portal.ticket.openMerged', { number: ticket.duplicateOf })}</a>
        </p>
      ) : null}
      {open && !ticket.escalated ? (
        <section className="portal-escalate-offer" aria-label={t('portal.escalate.label')}>
          <p className="muted">{t('portal.escalate.offer')}</p>
          <button type="button" onClick={() => setEscalating(true)}>{t('portal.escalate.open')}</button>
        </section>
      ) : null}
      {escalating ? <EscalateDialog ticket={ticket} onClose={() => setEscalating(false)} /> : null}
    </article>
  );
}

/** A resolved ticket: the problem is back, so the customer reopens it and support's clock starts again. */
function Reopen({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const command = useTicketCommand();
  return (
    <section className="portal-reopen" aria-label={t('portal.reopen.label')}>
      <p>{t('portal.reopen.why')}</p>
      <CommandError error={command.error} />
      <button type="button" className="primary" disabled={command.isPending} onClick={() => command.mutate({ command: 'reopen', id: ticket.id })}>
        {t('portal.reopen.submit')}
      </button>
    </section>
  );
}
