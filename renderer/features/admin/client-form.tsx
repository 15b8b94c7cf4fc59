import { useId, useState, type FormEvent } from 'react';
import { TELEGRAM_CHAT_ID_PATTERN, type AdminClient } from '../../../shared/api/index.ts';
import { groupNames } from '../../../shared/i18n/index.ts';
import type { Language } from '../../../shared/model/index.ts';
import { FUNCTION_GROUPS, type FunctionGroup } from '../../../shared/sla/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { FormActions, LanguageField, NameField } from './form-fields.tsx';

/** What the client form sends. */
export interface ClientFields {
  readonly name: string;
  readonly primaryGroup: FunctionGroup;
  readonly language: Language;
  /** R11: the Telegram chat for ticket status, or null for none. */
  readonly telegramChatId: string | null;
}

/** Create a client or edit one: name, primary function group (R2, R20), language (R10), Telegram chat (R11). */
export function ClientForm({ client, pending, onSubmit, onCancel }: {
  readonly client: AdminClient | null;
  readonly pending: boolean;
  readonly onSubmit: (fields: ClientFields) => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const lang = useLanguage();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [name, setName] = useState(client?.name ?? '');
  const [primaryGroup, setPrimaryGroup] = useState<FunctionGroup>(client?.primaryGroup ?? FUNCTION_GROUPS[0] ?? 'autodialer');
  const [language, setLanguage] = useState<Language>(client?.language ?? lang);
  const [chat, setChat] = useState(client?.telegramChatId ?? '');
  const [chatInvalid, setChatInvalid] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const telegramChatId = chat.trim();
    // The service's rule (shared/api/telegram.ts), said in the reader's language before sending.
    if (telegramChatId !== '' && !TELEGRAM_CHAT_ID_PATTERN.test(telegramChatId)) {
      setChatInvalid(true);
      return;
    }
    onSubmit({ name: name.trim(), primaryGroup, language, telegramChatId: telegramChatId === '' ? null : telegramChatId });
  };
  const title = client === null ? t('admin.clients.new') : t('admin.clients.editTitle', { name: client.name });
  return (
    <form className="admin-form" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      <NameField value={name} onChange={setName} />
      <label className="field">
        {t('admin.field.primaryGroup')}
        <select value={primaryGroup} onChange={(e) => setPrimaryGroup(e.target.value as FunctionGroup)}>
          {FUNCTION_GROUPS.map((g) => (
            <option key={g} value={g}>{groupNames(lang, [g])}</option>
          ))}
        </select>
      </label>
      <LanguageField value={language} onChange={setLanguage} />
      <div className="field">
        <label htmlFor={inputId}>{t('telegram.field.chat')}</label>
        <input
          id={inputId}
          name="telegramChatId"
          autoComplete="off"
          spellCheck={false}
          value={chat}
          aria-invalid={chatInvalid}
          aria-describedby={chatInvalid ? `${errorId} ${hintId}` : hintId}
          onChange={(e) => {
            setChat(e.target.value);
            setChatInvalid(false);
          }}
        />
        <span id={hintId} className="muted">{t('telegram.field.chatHint')}</span>
        {chatInvalid ? <span id={errorId} role="alert" className="error">{t('telegram.field.chatInvalid')}</span> : null}
      </div>
      <FormActions submitLabel={client === null ? t('admin.clients.create') : t('admin.save')} pending={pending} onCancel={onCancel} />
    </form>
  );
}
