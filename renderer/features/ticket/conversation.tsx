import type { Message } from '../../../shared/model/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { noticeText } from '../../../shared/tickets/notices.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useSupportCalendar } from '../../time/server-clock.ts';

/** The conversation: customer messages, replies, questions, internal notes and system lines, each visibly distinct. Text only. */
export function Conversation({ messages }: { readonly messages: readonly Message[] }) {
  const t = useT();
  const lang = useLanguage();
  const { zone } = useSupportCalendar();
  return (
    <section className="conversation" aria-label={t('ticket.conversation')}>
      <ol>
        {messages.map((m) => {
          const type = t(`message.${m.type}`);
          return (
            <li key={m.id} className={`message message--${m.type}`} aria-label={t('message.by', { type, author: m.author?.name ?? t('audit.system') })}>
              <header>
                <span className={`badge badge--${m.type}`}>{type}</span>
                <span className="author">{m.author?.name ?? t('audit.system')}</span>
                <time dateTime={new Date(m.createdAt).toISOString()} className="muted">
                  {formatInstant(lang, m.createdAt, zone, 'd LLL HH:mm')}
                </time>
                {m.mergedFrom !== null ? <span className="muted">{t('message.mergedFrom', { number: m.mergedFrom })}</span> : null}
              </header>
              {/* Customer-written text: React text only, never markup. */}
              <p className="message-body">{m.notice === undefined ? m.body : noticeText(t, m.notice)}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
