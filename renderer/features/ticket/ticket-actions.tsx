import { useEffect, useRef, useState } from 'react';
import type { Ticket } from '../../../shared/model/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { CommandError } from './command-error.tsx';
import { useOnCall } from '../oncall/index.ts';
import { PageAck } from '../pages/index.ts';
import { abilitiesOf } from './permissions.ts';
import { useTicketCommand } from './queries.ts';
import { useHeldResolveId } from './resolve-undo.tsx';
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
  const can = abilitiesOf(me, ticket, useOnCall().meOnCallNow);
  const command = useTicketCommand();
  const { composerOpened, dialogOpened, ticketClosed } = useTicketActions();
  const [confirmTakeOver, setConfirmTakeOver] = useState(false);

  const run = {
    // On a ticket another agent holds, "take" is a take-over: asked for first, then sent as such.
    take: () => (can.take ? command.mutate({ command: 'take', id: ticket.id }) : setConfirmTakeOver(true)),
    reply: () => composerOpened('reply'),
    question: () => composerOpened('question'),
    note: () => composerOpened('note'),
    route: () => dialogOpened('route'),
    resolve: () => dialogOpened('resolve'),
    merge: () => dialogOpened('merge'),
    escalate: () => dialogOpened('escalate'),
  };
  // While its resolve waits out the undo window, the ticket offers no second resolve.
  const heldHere = useHeldResolveId() === ticket.id;
  const offered = { ...can, take: can.take || can.takeOver, resolve: can.resolve && !heldHere };
  const latest = useRef({ run, can: offered, ticketClosed });
  latest.current = { run, can: offered, ticketClosed };
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
    offered[action] ? (
      <button type="button" className={primary ? 'primary' : undefined} aria-keyshortcuts={key} title={key} onClick={run[action]} disabled={command.isPending}>
        {action === 'take' && !can.take ? t('action.takeOver') : t(`action.${action}`)} <kbd aria-hidden="true">{key}</kbd>
      </button>
    ) : null;

  return (
    <div className="ticket-actions" role="toolbar" aria-label={t('ticket.actions')}>
      <PageAck ticketId={ticket.id} />
      {button('take', 't', true)}
      {button('reply', 'r')}
      {button('question', 'q')}
      {button('note', 'n')}
      {button('route', 'o')}
      {button('resolve', 's')}
      {button('merge', 'm')}
      {button('escalate', 'e')}
      {can.move ? <button type="button" onClick={() => dialogOpened('move')}>{t('action.move')}</button> : null}
      {can.reopen ? <button type="button" onClick={() => dialogOpened('reopen')}>{t('action.reopen')}</button> : null}
      {can.compensation ? <button type="button" onClick={() => dialogOpened('compensation')}>{t('action.compensation')}</button> : null}
      <CommandError error={command.error} />
      {confirmTakeOver ? (
        <Dialog title={t('action.takeOver')} closeLabel={t('app.close')} onClose={() => setConfirmTakeOver(false)}>
          <p>{t('action.takeOverConfirm', { number: ticket.number, holder: ticket.assignee?.name ?? '' })}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmTakeOver(false);
                command.mutate({ command: 'take', id: ticket.id, takeOver: true });
              }}
            >
              {t('action.takeOver')}
            </button>
            <button type="button" onClick={() => setConfirmTakeOver(false)}>{t('app.cancel')}</button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
