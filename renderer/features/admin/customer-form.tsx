import { useState, type FormEvent } from 'react';
import type { AdminCustomer } from '../../../shared/api/index.ts';
import { LANGUAGES, type Language } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';

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
        <label className="field">
          {t('admin.field.login')}
          <input name="login" required autoComplete="off" value={login} onChange={(e) => setLogin(e.target.value)} />
          <span className="muted">{t('admin.field.loginHint')}</span>
        </label>
      ) : null}
      <label className="field">
        {t('admin.field.name')}
        <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        {t('admin.field.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>{t(`language.${l}`)}</option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>{customer === null ? t('admin.customers.create') : t('admin.save')}</button>{' '}
        <button type="button" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}
