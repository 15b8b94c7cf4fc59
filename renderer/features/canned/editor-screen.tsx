import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { CannedReply } from '../../../shared/api/index.ts';
import { mayEditCannedReplies } from '../../../shared/auth/roles.ts';
import { PLACEHOLDERS, unknownPlaceholders } from '../../../shared/canned/placeholders.ts';
import { ApiError } from '../../../shared/client/api-error.ts';
import { LANGUAGES, TIERS, type Language, type Tier } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { cannedQueries, useCannedCommand } from './queries.ts';
import { useCannedActions } from './store.ts';

interface Draft {
  readonly title: string;
  readonly body: string;
  readonly language: Language;
  readonly tier: Tier | null;
}

/**
 * The canned replies: every agent reads them here; managers and admins create, edit and delete
 * them, with the placeholders listed and the service's refusals said in words.
 */
export function CannedScreen() {
  const t = useT();
  const me = useMe();
  const bridge = useBridge();
  const { cannedClosed } = useCannedActions();
  const list = useQuery(cannedQueries.list(bridge));
  const editor = mayEditCannedReplies(me);
  const [editing, setEditing] = useState<CannedReply | null>(null);
  const [done, setDone] = useState('');
  const command = useCannedCommand();
  const remove = (reply: CannedReply): void => {
    command.mutate({ command: 'delete', id: reply.id }, { onSuccess: () => setDone(t('canned.deleted', { title: reply.title })) });
  };
  return (
    <Dialog title={t('canned.title')} onClose={cannedClosed} closeLabel={t('app.close')}>
      <div className="canned-editor">
        {editor ? null : <p className="muted">{t('canned.readOnly')}</p>}
        <p role="status" className="muted">{done}</p>
        {list.isError ? (
          <p role="alert" className="error">{t('app.error', { message: list.error.message })}</p>
        ) : list.data === undefined ? (
          <p>{t('canned.loading')}</p>
        ) : list.data.length === 0 ? (
          <p className="muted">{t('canned.none')}</p>
        ) : (
          <table aria-label={t('canned.title')}>
            <thead>
              <tr>
                <th scope="col">{t('canned.field.title')}</th>
                <th scope="col">{t('canned.field.language')}</th>
                <th scope="col">{t('canned.field.tier')}</th>
                <th scope="col">{t('canned.field.body')}</th>
                {editor ? <th scope="col">{t('canned.edit')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((reply) => (
                <tr key={reply.id} aria-label={reply.title}>
                  <th scope="row">{reply.title}</th>
                  <td>{t(`language.${reply.language}`)}</td>
                  <td>{reply.tier === null ? t('canned.everyTeam') : t(`tier.${reply.tier}`)}</td>
                  <td className="canned-option-text">{reply.body}</td>
                  {editor ? (
                    <td>
                      <RowActions reply={reply} onEdit={() => setEditing(reply)} onDelete={() => remove(reply)} disabled={command.isPending} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editor ? (
          <CannedForm
            key={editing?.id ?? 'new'}
            editing={editing}
            onDone={(message) => {
              setDone(message);
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </div>
    </Dialog>
  );
}

/** Edit, and Delete that asks once more ("Delete … for everyone?") before it acts. */
function RowActions({ reply, onEdit, onDelete, disabled }: { readonly reply: CannedReply; readonly onEdit: () => void; readonly onDelete: () => void; readonly disabled: boolean }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (asking) {
    const question = t('canned.deleteQuestion', { title: reply.title });
    return (
      <span role="group" aria-label={question}>
        {question}{' '}
        <button type="button" className="primary" disabled={disabled} onClick={() => { setAsking(false); onDelete(); }}>{t('canned.delete')}</button>{' '}
        <button type="button" onClick={() => setAsking(false)}>{t('app.cancel')}</button>
      </span>
    );
  }
  return (
    <>
      <button type="button" onClick={onEdit}>{t('canned.edit')}</button>{' '}
      <button type="button" onClick={() => setAsking(true)} disabled={disabled}>{t('canned.delete')}</button>
    </>
  );
}

/** Creates a reply, or edits `editing`. */
function CannedForm({ editing, onDone, onCancel }: { readonly editing: CannedReply | null; readonly onDone: (message: string) => void; readonly onCancel: () => void }) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const command = useCannedCommand();
  const [draft, setDraft] = useState<Draft>(editing === null ? { title: '', body: '', language, tier: null } : { title: editing.title, body: editing.body, language: editing.language, tier: editing.tier });
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const unknown = unknownPlaceholders(draft.body);
  const unknownText = t('canned.unknown', { count: unknown.length, names: unknown.map((u) => `{${u}}`).join(', ') });

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const title = draft.title.trim();
    if (editing === null) {
      command.mutate({ command: 'create', ...draft }, { onSuccess: () => onDone(t('canned.created', { title })) });
    } else {
      command.mutate({ command: 'update', id: editing.id, patch: draft }, { onSuccess: () => onDone(t('canned.saved', { title })) });
    }
  };
  // The service's refusal, in words: an unknown placeholder in this console's language, anything else as the service said it.
  const error = command.error;
  const refusal = error === null ? null : error instanceof ApiError && error.field === 'body.body' && unknown.length > 0 ? unknownText : error.message;
  const heading = editing === null ? t('canned.new') : t('canned.editing', { title: editing.title });

  return (
    <form className="dialog-form" aria-label={heading} onSubmit={submit}>
      <h3>{heading}</h3>
      <label htmlFor={`${id}-title`}>{t('canned.field.title')}</label>
      <input id={`${id}-title`} value={draft.title} onChange={(e) => set('title')(e.target.value)} required maxLength={200} />
      <label htmlFor={`${id}-language`}>{t('canned.field.language')}</label>
      <select id={`${id}-language`} value={draft.language} onChange={(e) => set('language')(e.target.value as Language)}>
        {LANGUAGES.map((l) => <option key={l} value={l}>{t(`language.${l}`)}</option>)}
      </select>
      <label htmlFor={`${id}-tier`}>{t('canned.field.tier')}</label>
      <select id={`${id}-tier`} value={draft.tier ?? ''} onChange={(e) => set('tier')(e.target.value === '' ? null : (e.target.value as Tier))}>
        <option value="">{t('canned.everyTeam')}</option>
        {TIERS.map((tier) => <option key={tier} value={tier}>{t(`tier.${tier}`)}</option>)}
      </select>
      <label htmlFor={`${id}-body`}>{t('canned.field.body')}</label>
      <textarea
        id={`${id}-body`}
        rows={6}
        value={draft.body}
        onChange={(e) => set('body')(e.target.value)}
        aria-describedby={`${id}-placeholders${unknown.length > 0 ? ` ${id}-unknown` : ''}`}
        aria-invalid={unknown.length > 0 || refusal !== null}
        required
      />
      <div id={`${id}-placeholders`} className="canned-placeholders">
        <p>{t('canned.placeholders')}</p>
        <ul>
          {PLACEHOLDERS.map((p) => (
            <li key={p}><code>{`{${p}}`}</code> — {t(`canned.placeholder.${p}`)}</li>
          ))}
        </ul>
      </div>
      {unknown.length > 0 && refusal === null ? <p id={`${id}-unknown`} className="error">{unknownText}</p> : null}
      {refusal !== null ? <p id={`${id}-unknown`} role="alert" className="error">{refusal}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={command.isPending}>{editing === null ? t('canned.create') : t('canned.save')}</button>
        {editing !== null ? <button type="button" onClick={onCancel}>{t('app.cancel')}</button> : null}
      </div>
    </form>
  );
}
