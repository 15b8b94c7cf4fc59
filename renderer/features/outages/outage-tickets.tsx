import { useState, type FormEvent } from 'react';
import type { OutageDetail } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { When } from '../oncall/index.ts';
import { CommandError } from '../ticket/command-error.tsx';
import { useTicketActions } from '../ticket/store.ts';
import { useOutageCommand } from './queries.ts';
import { useOutageActions } from './store.ts';

/** A ticket number as typed ("12" or "#12"), or null when it is not one. */
function ticketNumberOf(text: string): number | null {
  const n = Number(text.trim().replace(/^#/, ''));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The outage's tickets (a click opens one), unlink, and "Link a ticket" by number. */
export function OutageTickets({ detail }: { readonly detail: OutageDetail }) {
  const t = useT();
  const { outage, tickets } = detail;
  const command = useOutageCommand();
  const { ticketOpened } = useTicketActions();
  const { outageClosed } = useOutageActions();
  const [number, setNumber] = useState('');
  const parsed = ticketNumberOf(number);
  const link = (e: FormEvent): void => {
    e.preventDefault();
    if (parsed !== null) command.mutate({ command: 'link', id: outage.id, ticketId: parsed }, { onSuccess: () => setNumber('') });
  };
  return (
    <section aria-label={t('outage.ticketsHeading')}>
      <h3>{t('outage.ticketsHeading')} ({t('outage.tickets', { count: tickets.length })})</h3>
      {tickets.length === 0 ? <p className="muted">{t('outage.noTickets')}</p> : null}
      <ul className="outage-tickets">
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <button
              type="button"
              className="link"
              onClick={() => {
                outageClosed();
                ticketOpened(ticket.id);
              }}
            >
              {t('ticket.heading', { number: ticket.number, subject: ticket.subject })}
            </button>{' '}
            <span className="muted">
              {ticket.clientName} · <span title={t(`language.${ticket.language}`)}>{ticket.language.toUpperCase()}</span> · {t(`status.${ticket.status}`)} · {t('outage.received')}{' '}
              <When at={ticket.createdAt} />
            </span>{' '}
            <button
              type="button"
              aria-label={t('outage.unlinkTicket', { number: ticket.number })}
              disabled={command.isPending}
              onClick={() => command.mutate({ command: 'unlink', id: outage.id, ticketId: ticket.id })}
            >
              {t('outage.unlink')}
            </button>
          </li>
        ))}
      </ul>
      <form aria-label={t('outage.linkByNumber')} onSubmit={link} className="outage-link-form">
        <label>
          {t('outage.ticketNumber')}{' '}
          <input inputMode="numeric" required value={number} onChange={(e) => setNumber(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={command.isPending || parsed === null}>{t('outage.link')}</button>
      </form>
      <CommandError error={command.error} />
    </section>
  );
}
