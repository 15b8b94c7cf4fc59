import { DateTime } from 'luxon';
import { supportClock } from '../../../shared/sla/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow } from '../../time/server-clock.ts';
import { supportCalendar } from '../../time/support-calendar.ts';
import { useMe, useLogout } from '../auth/queries.ts';
import { useConnectionStatus } from '../connection/store.ts';
import { useSettingsUiActions } from '../settings/store.ts';

/** The header: support clock and zone, working time and day (R9), the agent's time when it differs, connection, user. */
export function Header() {
  const t = useT();
  const lang = useLanguage();
  const me = useMe();
  const logout = useLogout();
  const { settingsOpened } = useSettingsUiActions();
  const status = useConnectionStatus();
  const now = useServerNow();
  const clock = supportClock(supportCalendar, now);
  const hours = clock.offsetMinutes / 60;
  const gmt = `${hours >= 0 ? '+' : '−'}${Math.abs(hours)}`;
  const localOffset = DateTime.fromMillis(now).offset;
  return (
    <header className="app-header">
      <strong className="brand">{t('app.title')}</strong>
      <section className="support-clock" aria-label={t('header.supportClock')}>
        <time dateTime={new Date(now).toISOString()} className="clock-time">
          {formatInstant(lang, now, clock.zone, 'ccc d LLL, HH:mm:ss')}
        </time>
        <span className="muted">{t('header.zone', { zone: clock.zone, offset: gmt })}</span>
        <span className={`pill ${clock.isWorkingTime ? 'pill--ok' : 'pill--off'}`} role="status">
          {clock.isWorkingTime ? t('header.workingTime') : t('header.closed', { when: formatInstant(lang, clock.nextOpening, clock.zone) })}
        </span>
        <span className="pill">{clock.isWorkingDay ? t('header.workingDay') : t('header.dayOff')}</span>
        {localOffset !== clock.offsetMinutes ? (
          <span className="muted">{t('header.localTime', { time: DateTime.fromMillis(now).setLocale(lang).toFormat('HH:mm') })}</span>
        ) : null}
      </section>
      <span className={`pill connection connection--${status}`} aria-label={t('connection.label', { state: t(`connection.${status}`) })}>
        {t(`connection.${status}`)}
      </span>
      <span className="user">{t('header.user', { name: me.name })}</span>
      <button type="button" onClick={settingsOpened}>{t('header.settings')}</button>
      <button type="button" onClick={() => logout.mutate()}>{t('logout')}</button>
    </header>
  );
}
