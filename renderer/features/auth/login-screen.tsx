import { useT } from '../../i18n/use-translation.ts';
import { WorkspaceSwitch } from '../setup/index.ts';
import { PortalHint } from './portal-link.tsx';
import { SignInPage } from './sign-in-page.tsx';

/** The console's sign-in; lists the demo agents when the service has demo data. */
export function LoginScreen() {
  const t = useT();
  return (
    <SignInPage title={t('login.title')} audience="agents">
      <WorkspaceSwitch />
      <PortalHint />
    </SignInPage>
  );
}
