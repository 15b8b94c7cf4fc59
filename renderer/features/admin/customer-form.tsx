import { useState, type FormEvent } from 'react';
import type { AdminCustomer } from '../../../shared/api/index.ts';
import type { Language } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { FormActions, LanguageField, LoginField, NameField } from './form-fields.tsx';

/** What the customer form sends. */
export interface CustomerFields {
  readonly login: string;
  readonly name: string;
  readonly language: Language;
}

/** Create a customer of a client (login, name, language: the client's by default) or edit one (name, language). */
export function CustomerForm({ customer, clientLanguage, pending, onSubmit, onCancel }: {
  readonly customer: AdminCustomer | null;
  readonly clientLanguage: Language;
  readonly pending: boolean;
  readonly onSubmit: (fields: CustomerFields) => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const [login, setLogin] = useState(customer?.login ?? '');
  const [name, setName] = useState(customer?.name ?? '');
  const [language, setLanguage] = useState<Language>(customer?.language ?? clientLanguage);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSubmit({ login: login.trim(), name: name.trim(), language });
  };
  const title = customer === null ? t('admin.customers.new') : t('admin.customers.editTitle', { name: customer.name });
  return (
    <form className="admin-form" aria-label={title} onSubmit={submit}>
      <h4>{title}</h4>
      {customer === null ? (
        <LoginField value={login} onChange={setLogin} />
      ) : null}
      <NameField value={name} onChange={setName} />
      <LanguageField value={language} onChange={setLanguage} />
      <FormActions submitLabel={customer === null ? t('admin.customers.create') : t('admin.save')} pending={pending} onCancel={onCancel} />
    </form>
  );
}
