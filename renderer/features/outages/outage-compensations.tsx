import { useState, type FormEvent } from 'react';
import type { OutageDetail } from '../../../shared/model/index.ts';
import { mayDecideCompensation } from '../../../shared/workflow/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { When } from '../oncall/index.ts';
import { CommandError } from '../ticket/command-error.tsx';
import { actorOf } from '../ticket/permissions.ts';
import { useOutageCommand } from './queries.ts';

/** The compensation decisions recorded against the outage (R6c); managers record new ones (the service checks the same rule). */
export function OutageCompensations({ detail }: { readonly detail: OutageDetail }) {
  const t = useT();
  const me = useMe();
  const { outage, compensations } = detail;
  const may = mayDecideCompensation(actorOf(me));
  if (!may && compensations.length === 0) return null;
  return (
    <section aria-label={t('outage.compensations')}>
      <h3>{t('outage.compensations')}</h3>
      {compensations.length === 0 ? <p className="muted">{t('outage.noCompensations')}</p> : null}
      <ul>
        {compensations.map((c) => (
          <li key={c.id}>
            {c.decision} <span className="muted">· {c.by.name}, <When at={c.at} /></span>
          </li>
        ))}
      </ul>
      {may ? <CompensationForm id={outage.id} /> : null}
    </section>
  );
}

function CompensationForm({ id }: { readonly id: number }) {
  const t = useT();
  const command = useOutageCommand();
  const [decision, setDecision] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate({ command: 'compensation', id, decision }, { onSuccess: () => setDecision('') });
  };
  return (
    <form aria-label={t('outage.compensationForm')} onSubmit={submit} className="dialog-form">
      <label className="field">
        {t('compensation.decision')}
        <textarea rows={2} required maxLength={4000} value={decision} onChange={(e) => setDecision(e.target.value)} />
      </label>
      <CommandError error={command.error} />
      <div className="form-actions">
        <button type="submit" disabled={command.isPending || decision.trim() === ''}>{t('compensation.submit')}</button>
      </div>
    </form>
  );
}
