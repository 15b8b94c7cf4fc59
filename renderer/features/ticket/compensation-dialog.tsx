import { useState, type FormEvent } from 'react';
import type { Ticket } from '../../../shared/model/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from './command-error.tsx';
import { useTicketCommand } from './queries.ts';
import { useTicketActions } from './store.ts';

/** Records a manager's compensation decision on an escalated ticket (R6c). */
export function CompensationDialog({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const { dialogClosed } = useTicketActions();
  const command = useTicketCommand();
  const [decision, setDecision] = useState(ticket.compensation ?? '');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate({ command: 'compensation', id: ticket.id, decision }, { onSuccess: dialogClosed });
  };
  return (
    <Dialog title={t('compensation.title', { number: ticket.number })} onClose={dialogClosed} closeLabel={t('app.close')}>
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          {t('compensation.decision')}
          <textarea rows={4} required value={decision} onChange={(e) => setDecision(e.target.value)} />
        </label>
        <CommandError error={command.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={command.isPending || decision.trim() === ''}>{t('compensation.submit')}</button>
          <button type="button" onClick={dialogClosed}>{t('app.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
