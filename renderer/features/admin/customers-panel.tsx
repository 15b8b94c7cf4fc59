import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminClient, AdminCustomer } from '../../../shared/api/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { AccountActionsCell, AccountStateCell } from './account-cells.tsx';
import { CustomerForm, type CustomerFields } from './customer-form.tsx';
import { CustomerImport } from './customer-import.tsx';
import { OneTimePassword, type IssuedPassword } from './one-time-password.tsx';
import { adminQueries, useAdminCommand } from './queries.ts';
import { refusalText, type Attempt } from './refusal.ts';

/** One client's customers: list; admins create, edit, reset passwords, deactivate, reactivate and import from CSV. */
export function CustomersPanel({ client, editor }: { readonly client: AdminClient; readonly editor: boolean }) {
  const t = useT();
  const bridge = useBridge();
  const customers = useQuery(adminQueries.customers(bridge, client.id));
  const create = useAdminCommand<'createCustomer'>();
  const update = useAdminCommand<'updateCustomer'>();
  const reset = useAdminCommand<'resetCustomerPassword'>();
  const [editing, setEditing] = useState<AdminCustomer | 'new' | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const failed = (attempt: Attempt) => (error: Error) => setRefused(refusalText(t, error, attempt));
  const started = (): void => {
    setRefused(null);
    setIssued(null);
  };
  const ids = (c: AdminCustomer) => ({ clientId: client.id, customerId: c.id });

  const submit = (fields: CustomerFields): void => {
    started();
    if (editing === 'new') {
      create.mutate({ command: 'createCustomer', clientId: client.id, ...fields }, {
        onSuccess: (r) => {
          setEditing(null);
          setIssued({ name: r.customer.name, login: r.customer.login, password: r.temporaryPassword });
        },
        onError: failed({ kind: 'create', login: fields.login }),
      });
    } else if (editing !== null) {
      update.mutate({ command: 'updateCustomer', ...ids(editing), patch: { name: fields.name, language: fields.language } }, { onSuccess: () => setEditing(null), onError: failed({ kind: 'other' }) });
    }
  };
  const resetPassword = (c: AdminCustomer): void => {
    started();
    reset.mutate({ command: 'resetCustomerPassword', ...ids(c) }, {
      onSuccess: (r) => setIssued({ name: c.name, login: c.login, password: r.temporaryPassword }),
      onError: failed({ kind: 'other' }),
    });
  };
  const setActive = (c: AdminCustomer, active: boolean): void => {
    started();
    update.mutate({ command: 'updateCustomer', ...ids(c), patch: { active } }, { onError: failed({ kind: 'other' }) });
  };
  const busy = create.isPending || update.isPending || reset.isPending;

  return (
    <section aria-label={t('admin.customers.of', { client: client.name })} className="admin-subpanel">
      <h3>{t('admin.customers.of', { client: client.name })}</h3>
      {issued !== null ? <OneTimePassword issued={issued} onDone={() => setIssued(null)} /> : null}
      {refused !== null ? <p role="alert" className="error">{refused}</p> : null}
      {editor && editing === null ? <button type="button" onClick={() => { started(); setEditing('new'); }}>{t('admin.customers.new')}</button> : null}
      {editor && editing !== null ? (
        <CustomerForm
          key={editing === 'new' ? 'new' : editing.id}
          customer={editing === 'new' ? null : editing}
          clientLanguage={client.language}
          pending={busy}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {customers.isError ? <p role="alert" className="error">{t('app.error', { message: customers.error.message })}</p> : null}
      {customers.data === undefined ? (
        customers.isPending ? <p role="status">{t('app.loading')}</p> : null
      ) : customers.data.length === 0 ? (
        <p className="muted">{t('admin.customers.none')}</p>
      ) : (
        <table className="admin-table" aria-label={t('admin.customers.list', { client: client.name })}>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.login')}</th>
              <th scope="col">{t('admin.field.language')}</th>
              <th scope="col">{t('admin.field.state')}</th>
              {editor ? <th scope="col">{t('admin.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {customers.data.map((c) => (
              <tr key={c.id} aria-label={c.name} className={c.active ? undefined : 'inactive'}>
                <th scope="row">{c.name}</th>
                <td>{c.login}</td>
                <td>{t(`language.${c.language}`)}</td>
                <AccountStateCell account={c} />
                {editor ? (
                  <AccountActionsCell
                    account={c}
                    busy={busy}
                    deactivateQuestion={t('admin.customers.deactivateQuestion', { name: c.name })}
                    onEdit={() => { started(); setEditing(c); }}
                    onReset={() => resetPassword(c)}
                    onSetActive={(active) => setActive(c, active)}
                  />
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editor ? <CustomerImport client={client} /> : null}
    </section>
  );
}
