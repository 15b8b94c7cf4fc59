import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState, type FormEvent } from 'react';
import { LAYERS, type Layer } from '../../../shared/oncall/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { useSupportCalendar } from '../../time/server-clock.ts';
import { ticketQueries } from '../ticket/queries.ts';
import { useAddOverride } from './queries.ts';

/** A wall-clock `datetime-local` value in the support zone as an instant; NaN when empty or not a time. */
function instantIn(value: string, zone: string): number {
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toMillis() : Number.NaN;
}

/** Managers and admins: an agent covers a layer over [from, to), wall-clock times in the support zone; the service's refusal is shown as it words it. */
export function OverrideForm() {
  const t = useT();
  const bridge = useBridge();
  const zone = useSupportCalendar().zone;
  const agents = useQuery(ticketQueries.agents(bridge)).data ?? [];
  const add = useAddOverride();
  const [agentId, setAgentId] = useState('');
  const [layer, setLayer] = useState<Layer>('primary');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    add.mutate(
      { agentId: Number(agentId), layer, from: instantIn(from, zone), to: instantIn(to, zone), ...(reason.trim() === '' ? {} : { reason: reason.trim() }) },
      { onSuccess: () => setReason('') },
    );
  };

  return (
    <form aria-label={t('oncall.addOverride')} onSubmit={submit} className="override-form">
      <h3>{t('oncall.addOverride')}</h3>
      <label>
        {t('oncall.agent')}
        <select value={agentId} onChange={(e) => setAgentId(e.target.value)} required>
          <option value="" disabled>{t('oncall.chooseAgent')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </select>
      </label>
      <label>
        {t('oncall.layer')}
        <select value={layer} onChange={(e) => setLayer(e.target.value as Layer)}>
          {LAYERS.map((l) => (
            <option key={l} value={l}>{t(`oncall.layer.${l}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('oncall.from', { zone })}
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label>
        {t('oncall.to', { zone })}
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <label>
        {t('oncall.reason')}
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>{t('oncall.add')}</button>
      {add.error !== null ? <p role="alert" className="error">{add.error.message}</p> : null}
    </form>
  );
}
