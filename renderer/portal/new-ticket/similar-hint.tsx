import { useId } from 'react';
import type { Ticket } from '../../../shared/model/index.ts';
import type { SimilarMatch } from '../../../shared/tickets/similar.ts';
import { useTicketCommand } from '../../features/ticket/queries.ts';
import { useT } from '../../i18n/use-translation.ts';
import { navigate, routeHash } from '../route.ts';

/** The customer's draft as one reply: the subject leads unless the text already says it. */
export function replyText(subject: string, body: string): string {
  const s = subject.trim();
  const b = body.trim();
  if (b === '') return s;
  if (s === '' || b.toLowerCase().includes(s.toLowerCase())) return b;
  return `${s}\n\n${b}`;
}

/**
 * Open tickets of the client that look like the same problem (R15: new details go to the existing
 * ticket). "Add it there instead" sends the draft as the customer's reply on that ticket and opens it.
 */
export function SimilarHint({ matches, subject, body }: { readonly matches: readonly SimilarMatch<Ticket>[]; readonly subject: string; readonly body: string }) {
  const t = useT();
  const titleId = useId();
  const command = useTicketCommand();
  const addThere = (id: number): void => {
    command.mutate({ command: 'message', id, type: 'reply', body: replyText(subject, body) }, { onSuccess: () => navigate({ name: 'ticket', id }) });
  };
  return (
    <section className="new-ticket-similar" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('portal.new.similarTitle')}</h2>
      <p>{t('portal.new.similarIntro')}</p>
      <ul>
        {matches.map(({ ticket }) => (
          <li key={ticket.id}>
            <a href={routeHash({ name: 'ticket', id: ticket.id })}>
              #{ticket.number} {ticket.subject}
            </a>{' '}
            <span className="muted">{t('portal.new.similarStatus', { status: t(`status.${ticket.status}`) })}</span>{' '}
            <button type="button" aria-label={t('portal.new.addThereLabel', { number: ticket.number })} disabled={command.isPending} onClick={() => addThere(ticket.id)}>
              {t('portal.new.addThere')}
            </button>
          </li>
        ))}
      </ul>
      {command.isPending ? <p role="status">{t('portal.new.adding')}</p> : null}
      {command.isError ? (
        <p role="alert" className="error">
          {t('portal.new.addRefused', { message: command.error.message })}
        </p>
      ) : null}
    </section>
  );
}
