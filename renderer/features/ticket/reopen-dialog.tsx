import type { Ticket } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { TextCommandDialog } from './text-command-dialog.tsx';

/** An agent of the ticket's tier (or a manager) reopens a resolved ticket with a reason, kept in the audit trail. */
export function ReopenDialog({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  return (
    <TextCommandDialog
      title={t('reopen.title', { number: ticket.number })}
      label={t('reopen.reason')}
      submitLabel={t('reopen.submit')}
      command={(reason) => ({ command: 'reopen', id: ticket.id, reason })}
    />
  );
}
