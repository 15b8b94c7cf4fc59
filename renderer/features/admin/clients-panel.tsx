import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminClient } from '../../../shared/api/index.ts';
import { groupNames } from '../../../shared/i18n/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { ClientForm, type ClientFields } from './client-form.tsx';
import { CustomersPanel } from './customers-panel.tsx';
import { adminQueries, useAdminCommand } from './queries.ts';
import { refusalText } from './refusal.ts';
import { useAdminActions, useChosenClientId } from './store.ts';

/** The clients: name, primary group, language, customers, Telegram chat; admins create and edit; choosing one shows its customers. */
export function ClientsPanel({ editor }: { readonly editor: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  const clients = useQuery(adminQueries.clients(bridge));
  const create = useAdminCommand<'createClient'>();
  const update = useAdminCommand<'updateClient'>();
  const chosenId = useChosenClientId();
  const { clientChosen } = useAdminActions();
  const [editing, setEditing] = useState<AdminClient | 'new' | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const chosen = clients.data?.find((c) => c.id === chosenId) ?? null;

  const submit = (fields: ClientFields): void => {
    setRefused(null);
    const onError = (error: Error) => setRefused(refusalText(t, error, { kind: 'other' }));
    if (editing === 'new') {
      create.mutate({ command: 'createClient', ...fields }, {
        onSuccess: (r) => {
          setEditing(null);
          clientChosen(r.client.id);
        },
        onError,
      });
    } else if (editing !== null) {
      update.mutate({ command: 'updateClient', id: editing.id, patch: fields }, { onSuccess: () => setEditing(null), onError });
    }
  };

  return (
    <section aria-label={t('admin.tab.clients')} className="admin-panel">
      {refused !== null ? <p role="alert" className="error">{refused}</p> : null}
      {editor && editing === null ? <button type="button" onClick={() => setEditing('new')}>{t('admin.clients.new')}</button> : null}
      {editor && editing !== null ? (
        <ClientForm
          key={editing === 'new' ? 'new' : editing.id}
          client={editing === 'new' ? null : editing}
          pending={create.isPending || update.isPending}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {clients.isError ? <p role="alert" className="error">{t('app.error', { message: clients.error.message })}</p> : null}
      {clients.data === undefined ? (
        clients.isPending ? <p role="status">{t('app.loading')}</p> : null
      ) : (
        <table className="admin-table" aria-label={t('admin.clients.list')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.primaryGroup')}</th>
              <th scope="col">{t('admin.field.language')}</th>
              <th scope="col">{t('admin.clients.customers')}</th>
              <th scope="col">{t('telegram.field.chat')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.data.map((c) => (
              <tr key={c.id} aria-label={c.name} aria-selected={c.id === chosenId}>
                <th scope="row">{c.name}</th>
                <td>{groupNames(lang, [c.primaryGroup])}</td>
                <td>{t(`language.${c.language}`)}</td>
                <td>{t('admin.clients.customerCount', { active: c.activeCustomerCount, count: c.customerCount })}</td>
                <td>{c.telegramChatId ?? <span className="muted">{t('telegram.clients.noChat')}</span>}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => clientChosen(c.id)}>{t('admin.clients.showCustomers')}</button>{' '}
                  {editor ? <button type="button" onClick={() => setEditing(c)}>{t('admin.edit')}</button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen !== null ? <CustomersPanel key={chosen.id} client={chosen} editor={editor} /> : null}
    </section>
  );
}
