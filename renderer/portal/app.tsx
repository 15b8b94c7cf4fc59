import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { Bridge } from '../../shared/ipc/bridge.ts';
import { languageFromPreferences } from '../../shared/i18n/index.ts';
import type { Customer } from '../../shared/model/index.ts';
import { createQueryClient } from '../app.tsx';
import { BridgeProvider, useBridge } from '../bridge/bridge-context.tsx';
import { ErrorBoundary, reloadConsole, type FallbackRender } from '../errors/error-boundary.tsx';
import { ChoosePasswordScreen } from '../features/account/index.ts';
import { authQueries } from '../features/auth/queries.ts';
import { useLiveUpdates } from '../features/connection/use-live-updates.ts';
import { LanguageContext, useLanguage, useT } from '../i18n/use-translation.ts';
import { createServerClock, ServerClockContext, type ServerClock } from '../time/server-clock.ts';
import { CustomerContext } from './customer.ts';
import { PortalLogin } from './portal-login.tsx';
import { PortalShell } from './portal-shell.tsx';

/** Where the console lives on the same service: agents who sign in here are sent there. */
export const CONSOLE_PATH = '/';

/** What the portal does with the browser's location (tests pass their own). */
export interface PortalHost {
  /** The browser's preferred languages, most preferred first. */
  readonly languages: readonly string[];
  /** Leaves the portal for another page of the service (an agent goes to the console). */
  readonly go: (path: string) => void;
}

const browserHost = (): PortalHost => ({ languages: navigator.languages, go: (path) => window.location.assign(path) });

/** The customer portal (docs/portal.md): providers around the session gate, in the customer's language. */
export function PortalApp({ bridge, queryClient, clock, host }: { readonly bridge: Bridge; readonly queryClient?: QueryClient; readonly clock?: ServerClock; readonly host?: PortalHost }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [serverClock] = useState(() => clock ?? createServerClock());
  const [portalHost] = useState(() => host ?? browserHost());
  return (
    <QueryClientProvider client={client}>
      <BridgeProvider bridge={bridge}>
        <ServerClockContext value={serverClock}>
          <PortalLanguage host={portalHost}>
            <ErrorBoundary fallback={(p) => <PortalFailed {...p} />}>
              <Root host={portalHost} />
            </ErrorBoundary>
          </PortalLanguage>
        </ServerClockContext>
      </BridgeProvider>
    </QueryClientProvider>
  );
}

/** The customer's own language once signed in, the browser's before. */
function PortalLanguage({ host, children }: { readonly host: PortalHost; readonly children: ReactNode }) {
  const bridge = useBridge();
  const session = useQuery(authQueries.session(bridge));
  const language = session.data?.user.language ?? languageFromPreferences(host.languages);
  return <LanguageContext value={language}>{children}</LanguageContext>;
}

function Root({ host }: { readonly host: PortalHost }) {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  useLiveUpdates();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const session = useQuery(authQueries.session(bridge));
  const agent = session.data?.user.kind === 'agent';
  useEffect(() => {
    // The sign-in is shared with the console (same origin, same token): an agent simply goes there.
    if (agent) host.go(CONSOLE_PATH);
  }, [agent, host]);
  if (session.isPending) return <p className="splash">{t('app.loading')}</p>;
  if (session.isError) {
    return (
      <p role="alert" className="splash error">
        {t('app.error', { message: session.error.message })} <button type="button" onClick={() => void session.refetch()}>{t('app.retry')}</button>
      </p>
    );
  }
  if (session.data === null) return <PortalLogin />;
  if (session.data.user.kind === 'agent') return <p className="splash">{t('portal.toConsole')}</p>;
  // A temporary password opens nothing but the choice of one's own (the service refuses the rest).
  if (session.data.mustChangePassword) return <ChoosePasswordScreen user={session.data.user} />;
  return (
    <CustomerContext value={session.data.user satisfies Customer}>
      <PortalShell />
    </CustomerContext>
  );
}

function PortalFailed({ error }: Parameters<FallbackRender>[0]) {
  const t = useT();
  return (
    <main className="login">
      <p role="alert" className="error">{t('app.crashed', { message: error.message })}</p>
      <button type="button" className="primary" onClick={reloadConsole}>{t('app.reload')}</button>
    </main>
  );
}
