/** The fields the administration forms share: login (new accounts only), name, language, and submit/cancel. */
import { LANGUAGES, type Language } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';

/** The login of a new account, with the rule it must follow. */
export function LoginField({ value, onChange }: { readonly value: string; readonly onChange: (login: string) => void }) {
  const t = useT();
  return (
    <label className="field">
      {t('admin.field.login')}
      <input name="login" required autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
      <span className="muted">{t('admin.field.loginHint')}</span>
    </label>
  );
}

/** A person's or a client's name. */
export function NameField({ value, onChange }: { readonly value: string; readonly onChange: (name: string) => void }) {
  const t = useT();
  return (
    <label className="field">
      {t('admin.field.name')}
      <input name="name" required value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** One of the languages support speaks (R10), each named in itself. */
export function LanguageField({ value, onChange }: { readonly value: Language; readonly onChange: (language: Language) => void }) {
  const t = useT();
  return (
    <label className="field">
      {t('admin.field.language')}
      <select value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>{t(`language.${l}`)}</option>
        ))}
      </select>
    </label>
  );
}

/** Submit (its label says create or save) and cancel. */
export function FormActions({ submitLabel, pending, onCancel }: { readonly submitLabel: string; readonly pending: boolean; readonly onCancel: () => void }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={pending}>{submitLabel}</button>{' '}
      <button type="button" onClick={onCancel}>{t('app.cancel')}</button>
    </div>
  );
}
