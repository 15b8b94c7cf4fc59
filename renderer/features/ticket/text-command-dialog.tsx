import { useState, type FormEvent } from 'react';
import type { TicketCommand } from '../../../shared/client/ticket-command.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from './command-error.tsx';
import { useTicketCommand } from './queries.ts';
import { useTicketActions } from './store.ts';

/** A dialog that sends one command made of one written text; the service's refusal shows in it. */
export function TextCommandDialog(props: {
  readonly title: string;
  readonly label: string;
  readonly submitLabel: string;
  readonly initial?: string;
  readonly command: (text: string) => TicketCommand;
}) {
  const t = useT();
  const { dialogClosed } = useTicketActions();
  const command = useTicketCommand();
  const [text, setText] = useState(props.initial ?? '');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate(props.command(text), { onSuccess: dialogClosed });
  };
  return (
    <Dialog title={props.title} onClose={dialogClosed} closeLabel={t('app.close')}>
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          {props.label}
          <textarea rows={4} required value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <CommandError error={command.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={command.isPending || text.trim() === ''}>{props.submitLabel}</button>
          <button type="button" onClick={dialogClosed}>{t('app.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
