import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { allowedRoutes, TIERS, type Ticket, type Tier } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from './command-error.tsx';
import { ticketQueries, useTicketCommand } from './queries.ts';
import { useTicketActions } from './store.ts';

/**
 * Routes a ticket with a reason. Along its path (R5) only the moves the service allows are offered;
 * `outOfTurn` (managers, R6b) offers every tier and an assignee.
 */
export function RouteDialog({ ticket, outOfTurn }: { readonly ticket: Ticket; readonly outOfTurn: boolean }) {
  const t = useT();
  const bridge = useBridge();
  const { dialogClosed } = useTicketActions();
  const command = useTicketCommand();
  const tiers = outOfTurn ? TIERS.filter((x) => x !== ticket.tier) : allowedRoutes(ticket.kind, ticket.tier);
  const [tier, setTier] = useState<Tier | undefined>(tiers[0]);
  const [reason, setReason] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const agents = useQuery({ ...ticketQueries.agents(bridge), enabled: outOfTurn });
  const candidates = (agents.data ?? []).filter((a) => tier !== undefined && a.tiers.includes(tier));

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (tier === undefined) return;
    command.mutate(
      { command: 'route', id: ticket.id, tier, reason, ...(outOfTurn && assigneeId !== '' ? { assigneeId: Number(assigneeId) } : {}) },
      { onSuccess: dialogClosed },
    );
  };

  return (
    <Dialog title={t(outOfTurn ? 'move.title' : 'route.title', { number: ticket.number })} onClose={dialogClosed} closeLabel={t('app.close')}>
      {tiers.length === 0 ? (
        <p>{t('route.none')}</p>
      ) : (
        <form onSubmit={submit} className="dialog-form">
          <label className="field">
            {t('route.tier')}
            <select value={tier} onChange={(e) => { setTier(e.target.value as Tier); setAssigneeId(''); }}>
              {tiers.map((x) => (
                <option key={x} value={x}>{t(`tier.${x}`)}</option>
              ))}
            </select>
          </label>
          {outOfTurn ? (
            <label className="field">
              {t('move.assignee')}
              <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
                <option value="">{t('move.anyone')}</option>
                {candidates.map((a) => (
                  <option key={a.id} value={a.id}>{a.name}</option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            {t('route.reason')}
            <textarea rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <CommandError error={command.error} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={command.isPending || reason.trim() === ''}>{t(outOfTurn ? 'move.submit' : 'route.submit')}</button>
            <button type="button" onClick={dialogClosed}>{t('app.cancel')}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
