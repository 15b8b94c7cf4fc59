import { useState, type FormEvent } from 'react';
import type { Ticket } from '../../../shared/model/index.ts';
import { closingOf } from '../../../shared/workflow/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { useHoldResolve } from './resolve-undo.tsx';
import { useTicketActions } from './store.ts';

/**
 * Resolves with a closing reply to the customer, or explicitly without one (the service's rule,
 * `closingOf`, decides which is complete). The resolve is held for a few seconds with Undo (ResolveUndo).
 */
export function ResolveDialog({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const { dialogClosed } = useTicketActions();
  const hold = useHoldResolve();
  const [reply, setReply] = useState('');
  const [withoutReply, setWithoutReply] = useState(false);
  const closing = closingOf(withoutReply ? { withoutReply } : { reply });
  const complete = !('kind' in closing);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!complete) return;
    hold({ number: ticket.number, command: closing.reply === null ? { command: 'resolve', id: ticket.id, withoutReply: true } : { command: 'resolve', id: ticket.id, reply: closing.reply } });
    dialogClosed();
  };
  return (
    <Dialog title={t('resolve.title', { number: ticket.number })} onClose={dialogClosed} closeLabel={t('app.close')}>
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          {t('resolve.reply')}
          <textarea rows={5} value={reply} disabled={withoutReply} onChange={(e) => setReply(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={withoutReply} onChange={(e) => setWithoutReply(e.target.checked)} />
          {t('resolve.withoutReply')}
        </label>
        {complete ? null : <p className="muted">{t('resolve.needReply')}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!complete}>{t('resolve.submit')}</button>
          <button type="button" onClick={dialogClosed}>{t('app.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
