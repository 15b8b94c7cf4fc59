import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TelegramFailedMessage } from '../../../shared/api/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerClock } from '../../time/server-clock.ts';
import { adminQueries, useAdminCommand } from './queries.ts';

const WHEN = 'd LLL yyyy, HH:mm';

/**
 * The Telegram status channel (R11) for admins: whether this service has a bot token, how many
 * messages wait and how many failed, and the failed ones with Retry (queued again for the
 * client's chat as it is set now). Times are in the support zone, as in the audit log.
 */
export function TelegramPanel() {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  const zone = useServerClock().calendar().zone;
  const status = useQuery(adminQueries.telegram(bridge));
  const retry = useAdminCommand<'retryTelegram'>();
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const retried = (m: TelegramFailedMessage): void => {
    setDone(null);
    setRefused(null);
    retry.mutate({ command: 'retryTelegram', id: m.id }, {
      onSuccess: (r) => setDone(t('telegram.admin.retried', { id: r.id, chat: r.chatId })),
      onError: (error) => setRefused(error.message),
    });
  };
  const when = (ms: number) => <time dateTime={new Date(ms).toISOString()}>{formatInstant(lang, ms, zone, WHEN)}</time>;

  return (
    <section aria-label={t('telegram.admin.title')} className="admin-panel">
      <h3>{t('telegram.admin.title')}</h3>
      {status.isError ? <p role="alert" className="error">{t('app.error', { message: status.error.message })}</p> : null}
      {status.data === undefined ? (
        status.isPending ? <p role="status">{t('app.loading')}</p> : null
      ) : !status.data.configured ? (
        <p className="notice">{t('telegram.admin.notConfigured')}</p>
      ) : (
        <>
          <ul className="telegram-counts">
            <li>{t('telegram.admin.queued', { count: status.data.queued })}</li>
            <li>{t('telegram.admin.failed', { count: status.data.failed })}</li>
          </ul>
          <button type="button" disabled={status.isFetching} onClick={() => void status.refetch()}>{t('telegram.admin.refresh')}</button>
          {done !== null ? <p role="status">{done}</p> : null}
          {refused !== null ? <p role="alert" className="error">{refused}</p> : null}
          <h4>{t('telegram.admin.failedList')}</h4>
          <p className="muted">{t('telegram.admin.failedNote')}</p>
          {status.data.failedMessages.length === 0 ? (
            <p className="muted">{t('telegram.admin.noFailed')}</p>
          ) : (
            <table className="admin-table" aria-label={t('telegram.admin.failedList')}>
              <thead>
                <tr>
                  <th scope="col">{t('telegram.admin.client')}</th>
                  <th scope="col">{t('telegram.admin.ticket')}</th>
                  <th scope="col">{t('telegram.admin.text')}</th>
                  <th scope="col">{t('telegram.admin.attempts')}</th>
                  <th scope="col">{t('telegram.admin.lastError')}</th>
                  <th scope="col">{t('telegram.admin.queuedAt')}</th>
                  <th scope="col">{t('telegram.admin.failedAt')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {status.data.failedMessages.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.client.name} <span className="muted">{m.chatId}</span></th>
                    <td>{m.ticket === null ? '' : t('telegram.admin.ticketRef', { number: m.ticket.number, subject: m.ticket.subject })}</td>
                    <td className="telegram-text">{m.text}</td>
                    <td>{m.attempts}</td>
                    <td>{m.lastError ?? ''}</td>
                    <td>{when(m.queuedAt)}</td>
                    <td>{when(m.failedAt)}</td>
                    <td className="row-actions">
                      <button type="button" disabled={retry.isPending} onClick={() => retried(m)}>{t('telegram.admin.retry')}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
