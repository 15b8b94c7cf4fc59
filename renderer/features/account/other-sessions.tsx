import { useQuery } from '@tanstack/react-query';
import type { OtherSession } from '../../../shared/api/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerClock } from '../../time/server-clock.ts';
import { accountQueries, useEndOtherSessions } from './queries.ts';
import { deviceOf } from './user-agent.ts';

const WHEN = 'd LLL yyyy, HH:mm';

/** The user's other sessions (where and when), each to end, and all at once. */
export function OtherSessions() {
  const t = useT();
  const bridge = useBridge();
  const sessions = useQuery(accountQueries.otherSessions(bridge));
  const end = useEndOtherSessions();
  const list = sessions.data ?? [];
  return (
    <section aria-label={t('account.otherSessions')} className="other-sessions">
      {sessions.isError ? <p role="alert" className="error">{t('app.error', { message: sessions.error.message })}</p> : null}
      {sessions.isPending ? <p role="status">{t('app.loading')}</p> : null}
      {sessions.isSuccess && list.length === 0 ? <p className="muted">{t('account.noOtherSessions')}</p> : null}
      {list.length > 0 ? (
        <ul>
          {list.map((s) => (
            <SessionLine key={s.id} session={s} onEnd={() => end.mutate(s.id)} disabled={end.isPending} />
          ))}
        </ul>
      ) : null}
      {end.isError ? <p role="alert" className="error">{end.error.message}</p> : null}
      {end.isSuccess ? <p role="status">{t('account.sessionsEnded', { count: end.data.ended })}</p> : null}
      <button type="button" disabled={list.length === 0 || end.isPending} onClick={() => end.mutate(undefined)}>{t('account.endOthers')}</button>
    </section>
  );
}

function SessionLine({ session, onEnd, disabled }: { readonly session: OtherSession; readonly onEnd: () => void; readonly disabled: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const zone = useServerClock().calendar().zone;
  const when = (at: number) => formatInstant(lang, at, zone, WHEN);
  const where = deviceOf(session.userAgent) ?? t('account.unknownDevice');
  return (
    <li aria-label={where}>
      <strong title={session.userAgent ?? undefined}>{where}</strong>{' '}
      <span className="muted">
        {t('account.signedInAt', { when: when(session.createdAt) })}
        {session.lastUsedAt === null ? null : ` · ${t('account.lastUsed', { when: when(session.lastUsedAt) })}`}
      </span>{' '}
      <button type="button" disabled={disabled} onClick={onEnd}>{t('account.endSession')}</button>
    </li>
  );
}
