import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ADMIN_AUDIT_ACTIONS, type AdminAuditEntry } from '../../../shared/api/index.ts';
import { formatInstant, MESSAGE_KEYS, type MessageKey, type Translate } from '../../../shared/i18n/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerClock } from '../../time/server-clock.ts';
import { auditFilterOf, NO_AUDIT_FILTER, type AuditForm } from './audit-filter.ts';
import { adminQueries } from './queries.ts';

const WHEN = 'd LLL yyyy, HH:mm:ss';

/** An action in words; one this console does not know yet stays as the service wrote it. */
function actionText(t: Translate, action: string): string {
  const key = `admin.audit.action.${action}`;
  return (MESSAGE_KEYS as readonly string[]).includes(key) ? t(key as MessageKey) : action;
}

/** What changed, as `field: value` pairs. */
function detailText(detail: AdminAuditEntry['detail']): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/** The admin audit, newest first, a page at a time; filtered by who, what and which days (in the support zone). */
export function AuditPanel() {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  const zone = useServerClock().calendar().zone;
  const agents = useQuery(adminQueries.agents(bridge)).data ?? [];
  const [draft, setDraft] = useState<AuditForm>(NO_AUDIT_FILTER);
  const [applied, setApplied] = useState<AuditForm>(NO_AUDIT_FILTER);
  const audit = useInfiniteQuery(adminQueries.audit(bridge, auditFilterOf(applied, zone)));
  const entries = audit.data?.pages.flat() ?? [];
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setApplied(draft);
  };

  return (
    <section aria-label={t('admin.tab.audit')} className="admin-panel">
      <form className="audit-filter" aria-label={t('admin.audit.filter')} onSubmit={submit}>
        <label>
          {t('admin.audit.actor')}{' '}
          <select value={draft.actor ?? ''} onChange={(e) => setDraft({ ...draft, actor: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">{t('admin.audit.anyone')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('admin.audit.action')}{' '}
          <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">{t('admin.audit.anyAction')}</option>
            {ADMIN_AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>{actionText(t, a)}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('admin.audit.from')} <input type="date" value={draft.fromDay} onChange={(e) => setDraft({ ...draft, fromDay: e.target.value })} />
        </label>{' '}
        <label>
          {t('admin.audit.to')} <input type="date" value={draft.toDay} onChange={(e) => setDraft({ ...draft, toDay: e.target.value })} />
        </label>{' '}
        <button type="submit">{t('admin.audit.apply')}</button>{' '}
        <button type="button" onClick={() => { setDraft(NO_AUDIT_FILTER); setApplied(NO_AUDIT_FILTER); }}>{t('admin.audit.clear')}</button>
        <p className="muted">{t('admin.audit.zone', { zone })}</p>
      </form>
      {audit.isError ? <p role="alert" className="error">{t('app.error', { message: audit.error.message })}</p> : null}
      {audit.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('admin.audit.none')}</p>
      ) : (
        <table className="admin-table" aria-label={t('admin.audit.list')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.when')}</th>
              <th scope="col">{t('admin.audit.actor')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.target')}</th>
              <th scope="col">{t('admin.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td><time dateTime={new Date(e.at).toISOString()}>{formatInstant(lang, e.at, zone, WHEN)}</time></td>
                <td>{e.actor?.name ?? t('admin.audit.service')}</td>
                <td>{actionText(t, e.action)}</td>
                <td>{e.targetName ?? (e.targetId === null ? e.targetKind : `${e.targetKind} #${e.targetId}`)}</td>
                <td className="muted">{detailText(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.hasNextPage ? (
        <button type="button" disabled={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>{t('admin.audit.older')}</button>
      ) : null}
    </section>
  );
}
