import { useState, type FormEvent } from 'react';
import { LANGUAGES, type Language, type OutageDetail } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useReplyToAll } from './queries.ts';
import { openTicketsByLanguage, replyPlan, type ReplyTexts } from './reply-plan.ts';

const EMPTY: Record<Language, string> = { ru: '', uk: '', en: '' };

/**
 * After restore: one reply to each open linked ticket, either one text for all or one per language
 * (each ticket gets its customer's, R10). Every reply's fate is listed: sent, refused with the
 * service's reason, or not sent because the ticket is no longer open.
 */
export function ReplyToAll({ detail }: { readonly detail: OutageDetail }) {
  const t = useT();
  const replies = useReplyToAll();
  const [mode, setMode] = useState<ReplyTexts['kind']>('one');
  const [one, setOne] = useState('');
  const [per, setPer] = useState<Record<Language, string>>(EMPTY);
  const counts = openTicketsByLanguage(detail.tickets);
  const texts: ReplyTexts = mode === 'one' ? { kind: 'one', text: one } : { kind: 'per-language', texts: per };
  const plan = replyPlan(detail.tickets, texts);
  const openCount = LANGUAGES.reduce((n, l) => n + counts[l], 0);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    // Sent texts are cleared, so a second click cannot send the same replies twice.
    if (plan.send.length > 0) replies.mutate(plan.send, {
        onSuccess: () => {
          setOne('');
          setPer(EMPTY);
        },
      });
  };
  return (
    <section aria-label={t('outage.replyAll')}>
      <h3>{t('outage.replyAll')}</h3>
      <form onSubmit={submit} className="dialog-form">
        <fieldset className="segmented-radio">
          <legend>{t('outage.replyMode')}</legend>
          <label className="check">
            <input type="radio" name="reply-mode" checked={mode === 'one'} onChange={() => setMode('one')} /> {t('outage.replyMode.one')}
          </label>
          <label className="check">
            <input type="radio" name="reply-mode" checked={mode === 'per-language'} onChange={() => setMode('per-language')} /> {t('outage.replyMode.perLanguage')}
          </label>
        </fieldset>
        {mode === 'one' ? (
          <label className="field">
            {t('outage.replyText')}
            <textarea rows={3} value={one} onChange={(e) => setOne(e.target.value)} />
          </label>
        ) : (
          LANGUAGES.map((l) => (
            <label key={l} className="field">
              {t('outage.replyIn', { language: t(`language.${l}`), count: counts[l] })}
              <textarea rows={3} lang={l} disabled={counts[l] === 0} value={per[l]} onChange={(e) => setPer({ ...per, [l]: e.target.value })} />
            </label>
          ))
        )}
        {plan.notOpen.length > 0 ? <p className="muted">{t('outage.replyNotOpen', { numbers: plan.notOpen.map((x) => `#${x.number}`).join(', ') })}</p> : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={replies.isPending || plan.send.length === 0}>
            {openCount === 0 ? t('outage.replyNone') : t('outage.replySend', { count: openCount })}
          </button>
        </div>
      </form>
      {replies.data !== undefined ? (
        <ul aria-label={t('outage.replyResults')} className="reply-results">
          {replies.data.map((r) =>
            r.refusal === null ? (
              <li key={r.ticket.id}>{t('outage.replySent', { number: r.ticket.number, language: t(`language.${r.ticket.language}`) })}</li>
            ) : (
              <li key={r.ticket.id} className="error">{t('outage.replyRefused', { number: r.ticket.number, reason: r.refusal })}</li>
            ),
          )}
        </ul>
      ) : null}
      {replies.error !== null ? <p role="alert" className="error">{replies.error.message}</p> : null}
    </section>
  );
}
