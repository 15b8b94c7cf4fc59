import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { presenceText } from './presence-mark.tsx';
import { usePresenceOn } from './store.ts';

/**
 * Under the open ticket's header: who else has it open, and who is typing a reply, so two agents do
 * not answer one customer. Someone starting to type is announced politely to screen readers.
 */
export function TicketPresence({ ticketId }: { readonly ticketId: number }) {
  const t = useT();
  const lang = useLanguage();
  const agents = usePresenceOn(ticketId);
  const typists = agents.filter((a) => a.typing);
  const names = new Intl.ListFormat(lang, { type: 'conjunction' }).format(agents.map((a) => (a.typing ? t('presence.typingName', { name: a.name }) : a.name)));
  return (
    <>
      {agents.length > 0 ? (
        <p className={`presence-line${typists.length > 0 ? ' presence-line--typing' : ''}`}>{t('presence.alsoHere', { names })}</p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">{presenceText(typists, t)}</p>
    </>
  );
}
