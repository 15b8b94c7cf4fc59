import { useId, type FormEvent } from 'react';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from './command-error.tsx';
import { useTicketCommand } from './queries.ts';
import { useDraft, useTicketActions, type ComposerMode } from './store.ts';

/** Writes a reply, a clarifying question (R13) or an internal note; the draft survives switching tickets. */
export function Composer({ ticketId, mode }: { readonly ticketId: number; readonly mode: ComposerMode }) {
  const t = useT();
  const key = `${ticketId}:${mode}`;
  const draft = useDraft(key);
  const { draftEdited, composerClosed } = useTicketActions();
  const command = useTicketCommand();
  const fieldId = useId();

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate(
      { command: 'message', id: ticketId, type: mode, body: draft },
      {
        onSuccess: () => {
          draftEdited(key, '');
          composerClosed();
        },
      },
    );
  };

  return (
    <form className={`composer composer--${mode}`} onSubmit={submit} aria-labelledby={`${fieldId}-label`}>
      <label id={`${fieldId}-label`} htmlFor={fieldId}>{t(`compose.${mode}`)}</label>
      <textarea
        id={fieldId}
        rows={4}
        autoFocus
        value={draft}
        onChange={(e) => draftEdited(key, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') composerClosed();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
        }}
      />
      <CommandError error={command.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={command.isPending || draft.trim() === ''}>{t('compose.send')}</button>
        <button type="button" onClick={composerClosed}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}
