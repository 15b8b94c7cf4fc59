import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from '../../features/ticket/command-error.tsx';
import { useTicketCommand } from '../../features/ticket/queries.ts';

/**
 * The customer's reply. When support has asked a question it is the answer box: labelled so and
 * focused, so the customer can type at once (R13: the answer starts support's clock again, R21).
 */
export function ReplyForm({ ticketId, asked }: { readonly ticketId: number; readonly asked: boolean }) {
  const t = useT();
  const command = useTicketCommand();
  const [text, setText] = useState('');
  const fieldId = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate({ command: 'message', id: ticketId, type: 'reply', body: text }, { onSuccess: () => setText('') });
  };
  return (
    <form className={`portal-reply${asked ? ' portal-reply--answer' : ''}`} onSubmit={submit}>
      <label htmlFor={fieldId}>{t(asked ? 'portal.reply.answer' : 'portal.reply.label')}</label>
      <textarea
        id={fieldId}
        rows={5}
        autoFocus={asked}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
        }}
      />
      <CommandError error={command.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={command.isPending || text.trim() === ''}>
          {command.isPending ? t('portal.reply.sending') : t('portal.reply.send')}
        </button>
      </div>
    </form>
  );
}
