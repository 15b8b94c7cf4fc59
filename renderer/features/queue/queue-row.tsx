import { memo } from 'react';
import type { TicketSummary } from '../../../shared/model/index.ts';
import type { Translate } from '../../../shared/i18n/index.ts';
import { PresenceMark } from '../presence/index.ts';
import { DueCountdown } from './ola-countdown.tsx';
import { RoutedMark, routedMarkId } from './routed-mark.tsx';

/** One row of the queue grid; only its countdown re-renders every second. A row out of reach is muted and described by its reason. */
export const QueueRow = memo(function QueueRow(props: {
  readonly ticket: TicketSummary;
  readonly rowIndex: number;
  readonly selected: boolean;
  /** Why the agent cannot act on this ticket, in words; null when they can. */
  readonly notActionable: string | null;
  /** Where the row sits in the grid's body, in px; a number, not a style object, so the memo holds while the grid scrolls. */
  readonly top: number;
  readonly height: number;
  readonly t: Translate;
  readonly onOpen: (id: number) => void;
}) {
  const { ticket, t, notActionable } = props;
  const reasonId = `queue-row-${ticket.id}-reason`;
  const describedBy = [notActionable === null ? null : reasonId, routedMarkId(ticket)].filter((x) => x !== null).join(' ');
  return (
    <div
      role="row"
      id={`queue-row-${ticket.id}`}
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected}
      aria-describedby={describedBy === '' ? undefined : describedBy}
      title={notActionable ?? undefined}
      className={`queue-row${props.selected ? ' queue-row--selected' : ''}${ticket.escalated ? ' queue-row--escalated' : ''}${notActionable === null ? '' : ' queue-row--out-of-reach'}`}
      style={{ transform: `translateY(${props.top}px)`, height: props.height }}
      onClick={() => props.onOpen(ticket.id)}
    >
      <div role="gridcell" className="cell cell--due">
        <DueCountdown ticket={ticket} />
      </div>
      <div role="gridcell" className="cell cell--number">#{ticket.number}</div>
      <div role="gridcell" className="cell">{t(`kind.${ticket.kind}`)}</div>
      <div role="gridcell" className="cell cell--subject" title={ticket.subject}>{ticket.subject}</div>
      <div role="gridcell" className="cell">
        {ticket.client.name} <span className="muted">· {t(`group.${ticket.client.primaryGroup}`)}</span>
      </div>
      <div role="gridcell" className="cell" title={t(`language.${ticket.language}`)}>{ticket.language.toUpperCase()}</div>
      <div role="gridcell" className="cell">{t(`tier.${ticket.tier}`)}</div>
      <div role="gridcell" className="cell">{ticket.assignee?.name ?? <span className="muted">{t('queue.unassigned')}</span>}</div>
      <div role="gridcell" className={`cell status status--${ticket.status}`}>
        {t(`status.${ticket.status}`)} <RoutedMark ticket={ticket} t={t} />
      </div>
      <div role="gridcell" className="cell cell--flag">
        {ticket.escalated ? <span className="badge badge--escalated">{t('queue.escalatedMark')}</span> : null}
        <PresenceMark ticketId={ticket.id} />
        {notActionable === null ? null : <span id={reasonId} className="visually-hidden">{notActionable}</span>}
      </div>
    </div>
  );
});
