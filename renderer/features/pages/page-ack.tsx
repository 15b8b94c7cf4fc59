import { ackRefusal } from '../../../shared/paging/ladder.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { When } from '../oncall/when.tsx';
import { CommandError } from '../ticket/command-error.tsx';
import { pageOfTicket } from './page-of-ticket.ts';
import { useAckPage, useOpenPages } from './queries.ts';

/**
 * In front of the ticket's actions: **Acknowledge** while its page is open and I may acknowledge it
 * (it has paged me, or I am a manager: the service's rule), then who acknowledged it and when.
 */
export function PageAck({ ticketId }: { readonly ticketId: number }) {
  const t = useT();
  const me = useMe();
  const page = pageOfTicket(useOpenPages(), ticketId);
  const ack = useAckPage();
  if (page === null) return null;
  if (page.acknowledgedBy !== null && page.acknowledgedAt !== null) {
    return (
      <p className="page-acknowledged" role="status">
        {t('page.acknowledgedBy', { name: page.acknowledgedBy.name })} <When at={page.acknowledgedAt} />
      </p>
    );
  }
  if (ackRefusal(page.state, { agentId: me.id, manager: me.role === 'manager' }, page.notified) !== null) return null;
  return (
    <>
      <button type="button" className="primary page-ack" onClick={() => ack.mutate(page)} disabled={ack.isPending}>
        {t('page.acknowledge')}
      </button>
      <CommandError error={ack.error} />
    </>
  );
}
