import type { Ticket } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { TextCommandDialog } from './text-command-dialog.tsx';

/** Records a manager's compensation decision on an escalated ticket (R6c). */
export function CompensationDialog({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  return (
    <TextCommandDialog
      title={t('compensation.title', { number: ticket.number })}
      label={t('compensation.decision')}
      submitLabel={t('compensation.submit')}
      initial={ticket.compensation ?? ''}
      command={(decision) => ({ command: 'compensation', id: ticket.id, decision })}
    />
  );
}
