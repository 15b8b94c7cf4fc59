import { useState, type FormEvent } from 'react';
import type { AdminAgent } from '../../../shared/api/index.ts';
import { tierName } from '../../../shared/i18n/index.ts';
import { ROLES, TIERS, type Language, type Role, type Tier } from '../../../shared/model/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { FormActions, LanguageField, LoginField, NameField } from './form-fields.tsx';

/** What the agent form sends: a new agent (with login) or the changes to one. */
export interface AgentFields {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly tiers: readonly Tier[];
  readonly language: Language;
}

/** Create an agent (login, name, role, tiers, language) or edit one (all but the login). */
export function AgentForm({ agent, pending, onSubmit, onCancel }: {
  readonly agent: AdminAgent | null;
  readonly pending: boolean;
  readonly onSubmit: (fields: AgentFields) => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const lang = useLanguage();
  const [login, setLogin] = useState(agent?.login ?? '');
  const [name, setName] = useState(agent?.name ?? '');
  const [role, setRole] = useState<Role>(agent?.role ?? 'agent');
  const [tiers, setTiers] = useState<readonly Tier[]>(agent?.tiers ?? []);
  const [language, setLanguage] = useState<Language>(agent?.language ?? lang);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    // Tiers in the service's order, whatever order they were ticked in.
    onSubmit({ login: login.trim(), name: name.trim(), role, tiers: TIERS.filter((x) => tiers.includes(x)), language });
  };
  const title = agent === null ? t('admin.people.new') : t('admin.people.editTitle', { name: agent.name });
  return (
    <form className="admin-form" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      {agent === null ? (
        <LoginField value={login} onChange={setLogin} />
      ) : null}
      <NameField value={name} onChange={setName} />
      <label className="field">
        {t('admin.field.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{t(`role.${r}`)}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('admin.field.tiers')}</legend>
        {TIERS.map((tier) => (
          <label key={tier} className="check">
            <input
              type="checkbox"
              checked={tiers.includes(tier)}
              onChange={(e) => setTiers(e.target.checked ? [...tiers, tier] : tiers.filter((x) => x !== tier))}
            />
            {tierName(lang, tier)}
          </label>
        ))}
      </fieldset>
      <LanguageField value={language} onChange={setLanguage} />
      <FormActions submitLabel={agent === null ? t('admin.people.create') : t('admin.save')} pending={pending} onCancel={onCancel} />
    </form>
  );
}
