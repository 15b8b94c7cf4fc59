import { useEffect, useRef } from 'react';
import type { Ticket } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { CommandError } from './command-error.tsx';
import { abilitiesOf } from './permissions.ts';
import { useTicketCommand } from './queries.ts';
import { useTicketActions } from './store.ts';

/** Single-key shortcuts of the workspace (outside text fields and dialogs). */
const SHORTCUTS = { t: 'take', r: 'reply', q: 'question', n: 'note', o: 'route', s: 'resolve', m: 'merge', e: 'escalate' } as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"]') !== null;
}

/** The ticket's actions as named buttons, each with a keyboard shortcut; only what the service allows is offered. */
export function TicketActions({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const me = useMe();
  const can = abilitiesOf(me, ticket);
  const command = useTicketCommand();
  const { composerOpened, dialogOpened, ticketClosed } = useTicketActions();

  const run = {
    take: () => command.mutate({ command: 'take', id: ticket.id }),
    reply: () => composerOpened('reply'),
    question: () => composerOpened('question'),
    note: () => composerOpened('note'),
    route: () => dialogOpened('route'),
    resolve: () => command.mutate({ command: 'resolve', id: ticket.id }),
    merge: () => dialogOpened('merge'),
    escalate: () => dialogOpened('escalate'),
  };
  const latest = useRef({ run, can, ticketClosed });
  latest.current = { run, can, ticketClosed };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || document.querySelector('[role="dialog"]') !== null) return;
      if (e.key === 'Escape') {
        latest.current.ticketClosed();
        return;
      }
      const action = SHORTCUTS[e.key as keyof typeof SHORTCUTS] as keyof typeof run | undefined;
      if (action === undefined || !latest.current.can[action]) return;
      e.preventDefault();
      latest.current.run[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const button = (action: keyof typeof run, key: string, primary = false) =>
    can[action] ? (
      <button type="button" className={primary ? 'primary' : undefined} aria-keyshortcuts={key} title={key} onClick={run[action]} disabled={command.isPending}>
        {t(`action.${action}`)} <kbd aria-hidden="true">{key}</kbd>
      </button>
    ) : null;

  return (
    <div className="ticket-actions" role="toolbar" aria-label={t('ticket.actions')}>
      {button('take', 't', true)}
      {button('reply', 'r')}
      {button('question', 'q')}
      {button('note', 'n')}
      {button('route', 'o')}
      {button('resolve', 's')}
      {button('merge', 'm')}
      {button('escalate', 'e')}
      {can.move ? <button type="button" onClick={() => dialogOpened('move')}>{t('action.move')}</button> : null}
      {can.compensation ? <button type="button" onClick={() => dialogOpened('compensation')}>{t('action.compensation')}</button> : null}
      <CommandError error={command.error} />
    </div>
  );
}
