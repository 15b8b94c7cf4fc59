import type { PresentAgent } from '../../../shared/presence/index.ts';
import type { Translate } from '../../../shared/i18n/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { usePresenceOn } from './store.ts';

/** "Boris Ivanov is typing a reply; Olga Shevchenko is viewing". */
export function presenceText(agents: readonly PresentAgent[], t: Translate): string {
  return agents.map((a) => t(a.typing ? 'presence.typing' : 'presence.viewing', { name: a.name })).join('; ');
}

/** A queue row's mark when other agents have its ticket open: a pen while one types a reply, else an eye; the names as tooltip and for screen readers. */
export function PresenceMark({ ticketId }: { readonly ticketId: number }) {
  const t = useT();
  const agents = usePresenceOn(ticketId);
  if (agents.length === 0) return null;
  const typing = agents.some((a) => a.typing);
  const text = presenceText(agents, t);
  return (
    <span className={`presence-mark${typing ? ' presence-mark--typing' : ''}`} title={text}>
      <span aria-hidden="true">{typing ? '✎' : '◉'}</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
