import { useId, useState, type FormEvent } from 'react';
import { escalateRequestSchema, MIN_JUSTIFICATION_CHARS } from '../../../shared/api/index.ts';
import { durationInWords } from '../../../shared/i18n/promise-words.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { DEFAULT_POLICY } from '../../../shared/sla/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { CommandError } from '../../features/ticket/command-error.tsx';
import { useTicketCommand } from '../../features/ticket/queries.ts';
import { useT } from '../../i18n/use-translation.ts';

/**
 * Escalation by the customer (R12): when it is right, what it changes, and the justification the
 * service requires. The rule (shared/api) is a hint here; sending is never blocked on it, so a
 * refusal comes in the rule's own words, and nothing changes.
 */
export function EscalateDialog({ ticket, onClose }: { readonly ticket: Ticket; readonly onClose: () => void }) {
  const t = useT();
  const command = useTicketCommand();
  const [text, setText] = useState('');
  const hintId = useId();
  const enough = escalateRequestSchema.safeParse({ justification: text }).success;
  const escalation = DEFAULT_POLICY.targets[DEFAULT_POLICY.escalationTarget];
  const within = durationInWords(t, escalation.duration, escalation.calendar === 'business');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate({ command: 'escalate', id: ticket.id, justification: text }, { onSuccess: onClose });
  };
  return (
    <Dialog title={t('portal.escalate.title', { number: ticket.number })} onClose={onClose} closeLabel={t('app.close')}>
      <form className="dialog-form portal-escalate" onSubmit={submit}>
        <p>{t('portal.escalate.when')}</p>
        <ul>
          <li>{t('portal.escalate.cannotWork')}</li>
          <li>{t('portal.escalate.broadcast')}</li>
          <li>{t('portal.escalate.tooLong')}</li>
        </ul>
        <p>{t('portal.escalate.what', { within })}</p>
        <label className="field">
          {t('portal.escalate.justification')}
          <textarea rows={4} aria-describedby={hintId} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <p id={hintId} className={enough ? 'portal-hint portal-hint--met' : 'portal-hint muted'}>
          {enough ? t('portal.escalate.ruleMet') : t('portal.escalate.rule', { min: MIN_JUSTIFICATION_CHARS })}
        </p>
        <CommandError error={command.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={command.isPending}>{t('portal.escalate.submit')}</button>
          <button type="button" onClick={onClose}>{t('app.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
