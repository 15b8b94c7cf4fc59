import { useState, type FormEvent } from 'react';
import type { OutageSummary } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from '../ticket/command-error.tsx';
import { useOutageCommand } from './queries.ts';

/** Excludes the outage from downtime with a reason (R27: the customer's equipment, their carrier, force majeure). */
export function ExcludeForm({ outage }: { readonly outage: OutageSummary }) {
  const t = useT();
  const command = useOutageCommand();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate({ command: 'exclude', id: outage.id, reason });
  };
  return (
    <form aria-label={t('outage.exclude')} onSubmit={submit} className="dialog-form">
      <h3>{t('outage.exclude')}</h3>
      <label className="field">
        {t('outage.excludeReason')}
        <textarea rows={2} required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <CommandError error={command.error} />
      <div className="form-actions">
        <button type="submit" disabled={command.isPending || reason.trim() === ''}>{t('outage.excludeSubmit')}</button>
      </div>
    </form>
  );
}
