import { useState, type FormEvent } from 'react';
import { groupNames } from '../../../shared/i18n/index.ts';
import type { Ticket } from '../../../shared/model/index.ts';
import { FUNCTION_GROUPS, type FunctionGroup } from '../../../shared/sla/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { When } from '../oncall/index.ts';
import { CommandError } from '../ticket/command-error.tsx';
import { useOpenOutages, useOutageCommand } from './queries.ts';
import { useOutageActions } from './store.ts';

/**
 * In the ticket workspace: "Part of outage #N" (opens it) when the ticket is in one; otherwise
 * "Declare outage" and "Link to outage" (the open outages offered).
 */
export function TicketOutage({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const { outageOpened } = useOutageActions();
  const [dialog, setDialog] = useState<'declare' | 'link' | null>(null);
  if (ticket.outage !== null) {
    const { id } = ticket.outage;
    return (
      <p className="ticket-outage">
        <button type="button" className="link" onClick={() => outageOpened(id)}>{t('outage.partOf', { id })}</button>
      </p>
    );
  }
  const close = (): void => setDialog(null);
  return (
    <div className="ticket-outage">
      <button type="button" onClick={() => setDialog('declare')}>{t('outage.declare')}</button>{' '}
      <button type="button" onClick={() => setDialog('link')}>{t('outage.linkTo')}</button>
      {dialog === 'declare' ? <DeclareDialog ticket={ticket} onClose={close} /> : null}
      {dialog === 'link' ? <LinkDialog ticket={ticket} onClose={close} /> : null}
    </div>
  );
}

/** Declares an outage from this ticket: its groups (the client's primary group checked, R1) and a short summary. */
function DeclareDialog({ ticket, onClose }: { readonly ticket: Ticket; readonly onClose: () => void }) {
  const t = useT();
  const command = useOutageCommand();
  const [groups, setGroups] = useState<readonly FunctionGroup[]>([ticket.client.primaryGroup]);
  const [summary, setSummary] = useState(ticket.subject);
  const toggle = (g: FunctionGroup, on: boolean): void => setGroups(FUNCTION_GROUPS.filter((x) => (x === g ? on : groups.includes(x))));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate({ command: 'declare', ticketId: ticket.id, groups, summary }, { onSuccess: onClose });
  };
  return (
    <Dialog title={t('outage.declareTitle', { number: ticket.number })} onClose={onClose} closeLabel={t('app.close')}>
      <form onSubmit={submit} className="dialog-form">
        <fieldset>
          <legend>{t('outage.groups')}</legend>
          {FUNCTION_GROUPS.map((g) => (
            <label key={g} className="check">
              <input type="checkbox" checked={groups.includes(g)} onChange={(e) => toggle(g, e.target.checked)} /> {t(`group.${g}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          {t('outage.summary')}
          <textarea rows={2} required maxLength={500} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <CommandError error={command.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={command.isPending || groups.length === 0 || summary.trim() === ''}>{t('outage.declareSubmit')}</button>
          <button type="button" onClick={onClose}>{t('app.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

/** Links this ticket to one of the open outages. */
function LinkDialog({ ticket, onClose }: { readonly ticket: Ticket; readonly onClose: () => void }) {
  const t = useT();
  const lang = useLanguage();
  const outages = useOpenOutages();
  const command = useOutageCommand();
  return (
    <Dialog title={t('outage.linkTitle', { number: ticket.number })} onClose={onClose} closeLabel={t('app.close')}>
      {outages.length === 0 ? <p className="muted">{t('outage.noOpen')}</p> : null}
      <ul className="outage-choices">
        {outages.map((o) => (
          <li key={o.id}>
            <button
              type="button"
              disabled={command.isPending}
              onClick={() => command.mutate({ command: 'link', id: o.id, ticketId: ticket.id }, { onSuccess: onClose })}
            >
              {t('outage.linkToThis', { id: o.id })}
            </button>{' '}
            {groupNames(lang, o.groups)} · {t('outage.tickets', { count: o.ticketCount })} · {t('outage.since')} <When at={o.startedAt} />
            <div className="muted">{o.summary}</div>
          </li>
        ))}
      </ul>
      <CommandError error={command.error} />
      <div className="form-actions">
        <button type="button" onClick={onClose}>{t('app.cancel')}</button>
      </div>
    </Dialog>
  );
}
