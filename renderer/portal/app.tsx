import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { Bridge } from '../../shared/ipc/bridge.ts';
import type { SessionInfo } from '../../shared/ipc/contract.ts';
import { languageFromPreferences } from '../../shared/i18n/index.ts';
import type { Customer } from '../../shared/model/index.ts';
import { AppFailed, AppProviders, SessionGate } from '../app-shell.tsx';
import { useBridge } from '../bridge/bridge-context.tsx';
import { OnDemand } from '../components/on-demand.tsx';
import { ErrorBoundary } from '../errors/error-boundary.tsx';
import { ChoosePasswordScreen } from '../features/account/index.ts';
import { browserConsoleHost, type ConsoleHost } from '../features/auth/portal-link.tsx';
import { authQueries } from '../features/auth/queries.ts';
import { LanguageContext, useT } from '../i18n/use-translation.ts';
import type { ServerClock } from '../time/server-clock.ts';
import { CustomerContext } from './customer.ts';
import { PortalLogin } from './portal-login.tsx';
import { PortalShell } from './portal-shell.tsx';

/** Where the console lives on the same service: agents who sign in here are sent there. */
export const CONSOLE_PATH = '/';

/** What the portal does with the browser (tests pass their own): the console's way of leaving for another page, and the languages. */
export interface PortalHost extends ConsoleHost {
  /** The browser's preferred languages, most preferred first. */
  readonly languages: readonly string[];
}

const browserHost = (): PortalHost => ({ ...browserConsoleHost, languages: navigator.languages });

/** The customer portal (docs/portal.md): providers around the session gate, in the customer's language. */
export function PortalApp({ bridge, queryClient, clock, host }: { readonly bridge: Bridge; readonly queryClient?: QueryClient; readonly clock?: ServerClock; readonly host?: PortalHost }) {
  const [portalHost] = useState(() => host ?? browserHost());
  return (
    <AppProviders bridge={bridge} queryClient={queryClient} clock={clock}>
      <PortalLanguage host={portalHost}>
        <ErrorBoundary fallback={(p) => <AppFailed {...p} />}>
          <SessionGate>{(session) => <Root session={session} host={portalHost} />}</SessionGate>
        </ErrorBoundary>
      </PortalLanguage>
    </AppProviders>
  );
}

/** The customer's own language once signed in, the browser's before. */
function PortalLanguage({ host, children }: { readonly host: PortalHost; readonly children: ReactNode }) {
  const bridge = useBridge();
  const session = useQuery(authQueries.session(bridge));
  const language = session.data?.user.language ?? languageFromPreferences(host.languages);
  return <LanguageContext value={language}>{children}</LanguageContext>;
}

function Root({ session, host }: { readonly session: SessionInfo | null; readonly host: PortalHost }) {
  const t = useT();
  const agent = session?.user.kind === 'agent';
  useEffect(() => {
    // The sign-in is shared with the console (same origin, same token): an agent simply goes there.
    if (agent) host.go(CONSOLE_PATH);
  }, [agent, host]);
  if (session === null) return <PortalLogin />;
  if (session.user.kind === 'agent') return <p className="splash">{t('portal.toConsole')}</p>;
  // A temporary password opens nothing but the choice of one's own (the service refuses the rest).
  if (session.mustChangePassword) {
    return (
      <OnDemand>
        <ChoosePasswordScreen user={session.user} />
      </OnDemand>
    );
  }
  return (
    <CustomerContext value={session.user satisfies Customer}>
      <PortalShell />
    </CustomerContext>
  );
}
