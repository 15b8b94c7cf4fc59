import { useState, type FormEvent } from 'react';
import type { Ticket } from '../../../shared/model/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from './command-error.tsx';
import { useTicketCommand } from './queries.ts';
import { useTicketActions } from './store.ts';

/** Merges this duplicate into its open original (R15): nothing is deleted. */
export function MergeDialog({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const { dialogClosed } = useTicketActions();
  const command = useTicketCommand();
  const [into, setInto] = useState('');
  const number = Number(into.replace('#', '').trim());
  const valid = Number.isInteger(number) && number > 0;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (valid) command.mutate({ command: 'merge', id: ticket.id, into: number }, { onSuccess: dialogClosed });
  };
  return (
    <Dialog title={t('merge.title', { number: ticket.number })} onClose={dialogClosed} closeLabel={t('app.close')}>
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          {t('merge.into')}
          <input inputMode="numeric" required value={into} onChange={(e) => setInto(e.target.value)} />
        </label>
        <CommandError error={command.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={command.isPending || !valid}>{t('merge.submit')}</button>
          <button type="button" onClick={dialogClosed}>{t('app.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
