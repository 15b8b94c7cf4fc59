import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { useT } from '../i18n/use-translation.ts';

/** The portal's sign-in, under the support clock; lists the demo customers when the service has demo data. */
export function PortalLogin() {
  const t = useT();
  return <SignInPage title={t('portal.login.title')} audience="customers" />;
}
