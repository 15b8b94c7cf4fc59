import type { Ticket } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { TextCommandDialog } from './text-command-dialog.tsx';

/** Escalates on the customer's recorded request, with their justification (R12); the service keeps who did it. */
export function EscalateDialog({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  return (
    <TextCommandDialog
      title={t('escalate.title', { number: ticket.number })}
      label={t('escalate.justification')}
      submitLabel={t('escalate.submit')}
      command={(justification) => ({ command: 'escalate', id: ticket.id, justification })}
    />
  );
}
