import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { ChangePasswordForm } from './change-password-form.tsx';
import { OtherSessions } from './other-sessions.tsx';

/** The signed-in user's own password and other sessions, as a part of the settings dialog. */
export function AccountSettings() {
  const t = useT();
  const me = useMe();
  return (
    <>
      <fieldset>
        <legend>{t('account.changePassword')}</legend>
        <ChangePasswordForm login={me.login} currentLabel={t('account.currentPassword')} />
      </fieldset>
      <fieldset>
        <legend>{t('account.otherSessions')}</legend>
        <OtherSessions />
      </fieldset>
    </>
  );
}
