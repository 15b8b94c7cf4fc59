import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminAgent } from '../../../shared/api/index.ts';
import { tierName } from '../../../shared/i18n/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { AgentForm, type AgentFields } from './agent-form.tsx';
import { AccountActionsCell, AccountStateCell } from './account-cells.tsx';
import { OneTimePassword, type IssuedPassword } from './one-time-password.tsx';
import { adminQueries, useAdminCommand } from './queries.ts';
import { refusalText, type Attempt } from './refusal.ts';

/** The agents: who they are, role, tiers, whether active; admins create, edit, reset passwords, deactivate and reactivate. */
export function PeoplePanel({ editor }: { readonly editor: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  const agents = useQuery(adminQueries.agents(bridge));
  const create = useAdminCommand<'createAgent'>();
  const update = useAdminCommand<'updateAgent'>();
  const reset = useAdminCommand<'resetAgentPassword'>();
  const [editing, setEditing] = useState<AdminAgent | 'new' | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const failed = (attempt: Attempt) => (error: Error) => setRefused(refusalText(t, error, attempt));
  const started = (): void => {
    setRefused(null);
    setIssued(null);
  };

  const submit = (fields: AgentFields): void => {
    started();
    if (editing === 'new') {
      create.mutate({ command: 'createAgent', ...fields }, {
        onSuccess: (r) => {
          setEditing(null);
          setIssued({ name: r.agent.name, login: r.agent.login, password: r.temporaryPassword });
        },
        onError: failed({ kind: 'create', login: fields.login }),
      });
    } else if (editing !== null) {
      const patch = { name: fields.name, role: fields.role, tiers: fields.tiers, language: fields.language };
      update.mutate({ command: 'updateAgent', id: editing.id, patch }, { onSuccess: () => setEditing(null), onError: failed({ kind: 'keep-admin', name: editing.name }) });
    }
  };
  const resetPassword = (agent: AdminAgent): void => {
    started();
    reset.mutate({ command: 'resetAgentPassword', id: agent.id }, {
      onSuccess: (r) => setIssued({ name: agent.name, login: agent.login, password: r.temporaryPassword }),
      onError: failed({ kind: 'other' }),
    });
  };
  const setActive = (agent: AdminAgent, active: boolean): void => {
    started();
    update.mutate({ command: 'updateAgent', id: agent.id, patch: { active } }, { onError: failed({ kind: 'keep-admin', name: agent.name }) });
  };
  const busy = create.isPending || update.isPending || reset.isPending;

  return (
    <section aria-label={t('admin.tab.people')} className="admin-panel">
      {issued !== null ? <OneTimePassword issued={issued} onDone={() => setIssued(null)} /> : null}
      {refused !== null ? <p role="alert" className="error">{refused}</p> : null}
      {editor && editing === null ? (
        <button type="button" onClick={() => { started(); setEditing('new'); }}>{t('admin.people.new')}</button>
      ) : null}
      {editor && editing !== null ? (
        <AgentForm key={editing === 'new' ? 'new' : editing.id} agent={editing === 'new' ? null : editing} pending={busy} onSubmit={submit} onCancel={() => setEditing(null)} />
      ) : null}
      {agents.isError ? <p role="alert" className="error">{t('app.error', { message: agents.error.message })}</p> : null}
      {agents.data === undefined ? (
        agents.isPending ? <p role="status">{t('app.loading')}</p> : null
      ) : (
        <table className="admin-table" aria-label={t('admin.people.list')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.login')}</th>
              <th scope="col">{t('admin.field.role')}</th>
              <th scope="col">{t('admin.field.tiers')}</th>
              <th scope="col">{t('admin.field.state')}</th>
              {editor ? <th scope="col">{t('admin.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {agents.data.map((a) => (
              <tr key={a.id} aria-label={a.name} className={a.active ? undefined : 'inactive'}>
                <th scope="row">{a.name}</th>
                <td>{a.login}</td>
                <td>{t(`role.${a.role}`)}</td>
                <td>{a.tiers.length === 0 ? t('app.none') : a.tiers.map((x) => tierName(lang, x)).join(', ')}</td>
                <AccountStateCell account={a} />
                {editor ? (
                  <AccountActionsCell
                    account={a}
                    busy={busy}
                    deactivateQuestion={t('admin.people.deactivateQuestion', { name: a.name })}
                    onEdit={() => { started(); setEditing(a); }}
                    onReset={() => resetPassword(a)}
                    onSetActive={(active) => setActive(a, active)}
                  />
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
