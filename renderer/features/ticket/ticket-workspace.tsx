import { useQuery } from '@tanstack/react-query';
import type { TicketDetail } from '../../../shared/model/index.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { TicketOutage } from '../outages/index.ts';
import { TicketPresence } from '../presence/index.ts';
import { AuditTrail } from './audit-trail.tsx';
import { ClientCard } from './client-card.tsx';
import { CompensationDialog } from './compensation-dialog.tsx';
import { EscalateDialog } from './escalate-dialog.tsx';
import { Composer } from './composer.tsx';
import { Conversation } from './conversation.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import { ticketQueries } from './queries.ts';
import { ReopenDialog } from './reopen-dialog.tsx';
import { ResolveDialog } from './resolve-dialog.tsx';
import { RouteDialog } from './route-dialog.tsx';
import { RoutedFromLine } from './routed-from-line.tsx';
import { SlaPanel } from './sla-panel.tsx';
import { useComposer, useOpenTicketId, useTicketActions, useTicketDialog } from './store.ts';
import { TicketActions } from './ticket-actions.tsx';

/** The open ticket, or a hint when none is open. */
export function TicketWorkspace() {
  const t = useT();
  const id = useOpenTicketId();
  if (id === null) return <aside className="workspace workspace--empty"><p className="muted">{t('ticket.nothingOpen')}</p></aside>;
  return <OpenTicket id={id} />;
}

function OpenTicket({ id }: { readonly id: number }) {
  const t = useT();
  const bridge = useBridge();
  const detail = useQuery(ticketQueries.detail(bridge, id));
  const { ticketClosed } = useTicketActions();
  return (
    <section className="workspace" aria-label={t('ticket.label', { number: id })}>
      {detail.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {detail.isError ? (
        <p role="alert" className="error">
          {detail.error.message} <button type="button" onClick={ticketClosed}>{t('ticket.close')}</button>
        </p>
      ) : null}
      {detail.data !== undefined ? <Loaded detail={detail.data} /> : null}
    </section>
  );
}

function Loaded({ detail }: { readonly detail: TicketDetail }) {
  const t = useT();
  const { ticket } = detail;
  const composer = useComposer();
  const dialog = useTicketDialog();
  const { ticketClosed } = useTicketActions();
  return (
    <>
      <header className="workspace-head">
        <h2>{t('ticket.heading', { number: ticket.number, subject: ticket.subject })}</h2>
        <button type="button" className="icon" aria-label={t('ticket.close')} onClick={ticketClosed}>×</button>
        <div className="workspace-meta">
          <span className={`status status--${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
          <span>{t(`kind.${ticket.kind}`)}</span>
          <span>{t(`tier.${ticket.tier}`)}</span>
          <span>{ticket.assignee === null ? t('ticket.unassigned') : t('ticket.assignee', { name: ticket.assignee.name })}</span>
          {ticket.duplicateOf !== null ? <span>{t('ticket.duplicateOf', { number: ticket.duplicateOf })}</span> : null}
        </div>
        {ticket.escalated && ticket.escalationJustification !== null ? (
          <p className="escalation-note">{t('ticket.escalated', { justification: ticket.escalationJustification })}</p>
        ) : null}
        {ticket.compensation !== null ? <p className="muted">{t('ticket.compensation', { decision: ticket.compensation })}</p> : null}
        <RoutedFromLine ticket={ticket} />
        <TicketOutage ticket={ticket} />
      </header>
      <TicketPresence ticketId={ticket.id} />
      <TicketActions ticket={ticket} />
      {composer !== null ? <Composer key={`${ticket.id}:${composer}`} ticket={ticket} mode={composer} /> : null}
      <div className="workspace-body">
        <Conversation messages={detail.messages} />
        <div className="workspace-side">
          <SlaPanel sla={ticket.sla} ola={ticket.ola} />
          <ClientCard client={ticket.client} />
          <AuditTrail audit={detail.audit} />
        </div>
      </div>
      {dialog === null ? null : dialog === 'route' || dialog === 'move' ? (
        <RouteDialog key={dialog} ticket={ticket} outOfTurn={dialog === 'move'} />
      ) : dialog === 'merge' ? (
        <MergeDialog ticket={ticket} />
      ) : dialog === 'compensation' ? (
        <CompensationDialog ticket={ticket} />
      ) : dialog === 'escalate' ? (
        <EscalateDialog ticket={ticket} />
      ) : dialog === 'resolve' ? (
        <ResolveDialog ticket={ticket} />
      ) : dialog === 'reopen' ? (
        <ReopenDialog ticket={ticket} />
      ) : (
        assertNever(dialog, 'dialog')
      )}
    </>
  );
}
