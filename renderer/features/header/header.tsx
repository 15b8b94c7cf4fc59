import { mayReadAdministration } from '../../../shared/auth/roles.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useAdminActions } from '../admin/index.ts';
import { useMe, useLogout } from '../auth/queries.ts';
import { useAvailabilityActions } from '../availability/index.ts';
import { useCalendarActions } from '../calendar/index.ts';
import { useCannedActions } from '../canned/index.ts';
import { useConnectionStatus } from '../connection/store.ts';
import { useOnCallActions } from '../oncall/index.ts';
import { useSettingsUiActions } from '../settings/store.ts';
import { SupportClock } from './support-clock.tsx';

/** The header: support clock and zone, working time and day (R9), the agent's time when it differs, connection, user. */
export function Header() {
  const t = useT();
  const me = useMe();
  const logout = useLogout();
  const { settingsOpened } = useSettingsUiActions();
  const { rosterOpened } = useOnCallActions();
  const { availabilityOpened } = useAvailabilityActions();
  const { calendarOpened } = useCalendarActions();
  const { cannedOpened } = useCannedActions();
  const { adminOpened } = useAdminActions();
  const status = useConnectionStatus();
  return (
    <header className="app-header">
      <strong className="brand">{t('app.title')}</strong>
      <SupportClock />
      <span className={`pill connection connection--${status}`} aria-label={t('connection.label', { state: t(`connection.${status}`) })}>
        {t(`connection.${status}`)}
      </span>
      <span className="user">{t('header.user', { name: me.name })}</span>
      <button type="button" onClick={rosterOpened}>{t('oncall.roster')}</button>
      <button type="button" onClick={availabilityOpened}>{t('availability.title')}</button>
      <button type="button" onClick={calendarOpened}>{t('calendar.title')}</button>
      <button type="button" onClick={cannedOpened}>{t('canned.title')}</button>
      {mayReadAdministration(me) ? <button type="button" onClick={adminOpened}>{t('admin.title')}</button> : null}
      <button type="button" onClick={settingsOpened}>{t('header.settings')}</button>
      <button type="button" onClick={() => logout.mutate()}>{t('logout')}</button>
    </header>
  );
}
