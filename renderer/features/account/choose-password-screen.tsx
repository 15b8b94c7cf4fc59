import { useId } from 'react';
import type { User } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useLogout } from '../auth/queries.ts';
import { ChangePasswordForm } from './change-password-form.tsx';

/**
 * Instead of the console (or the customer portal) while the user holds a temporary password (after creation or a reset):
 * the service refuses everything else until they choose their own.
 */
export function ChoosePasswordScreen({ user }: { readonly user: User }) {
  const t = useT();
  const logout = useLogout();
  const titleId = useId();
  return (
    <main className="login">
      <section className="login-card" aria-labelledby={titleId}>
        <h1 id={titleId}>{t('account.choose.title')}</h1>
        <p>{t(user.kind === 'customer' ? 'portal.choose.why' : 'account.choose.why', { name: user.name, login: user.login })}</p>
        <ChangePasswordForm login={user.login} currentLabel={t('account.temporaryPassword')} />
        <button type="button" onClick={() => logout.mutate()}>{t('logout')}</button>
      </section>
    </main>
  );
}
