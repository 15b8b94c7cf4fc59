import { DateTime } from 'luxon';
import { supportClock } from '../../../shared/sla/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow, useSupportCalendar } from '../../time/server-clock.ts';

/** The support team's clock and zone, whether it is working time and a working day (R9), and the agent's own time when it differs. */
export function SupportClock() {
  const t = useT();
  const lang = useLanguage();
  const now = useServerNow();
  const clock = supportClock(useSupportCalendar(), now);
  const hours = clock.offsetMinutes / 60;
  const gmt = `${hours >= 0 ? '+' : '−'}${Math.abs(hours)}`;
  const localOffset = DateTime.fromMillis(now).offset;
  return (
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
  );
}
