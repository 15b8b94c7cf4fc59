import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Bridge } from '../shared/ipc/bridge.ts';
import { BridgeProvider, useBridge } from './bridge/bridge-context.tsx';
import { LoginScreen } from './features/auth/login-screen.tsx';
import { authQueries, MeContext, useLogout } from './features/auth/queries.ts';
import { ConnectionBanner } from './features/connection/connection-banner.tsx';
import { useLiveUpdates } from './features/connection/use-live-updates.ts';
import { Header } from './features/header/header.tsx';
import { QueueScreen } from './features/queue/queue-screen.tsx';
import { SettingsDialog } from './features/settings/settings-dialog.tsx';
import { useSettingsOpen } from './features/settings/store.ts';
import { TicketWorkspace } from './features/ticket/ticket-workspace.tsx';
import { useOpenTicketId } from './features/ticket/store.ts';
import { useLanguage, useT } from './i18n/use-translation.ts';
import { createServerClock, ServerClockContext, type ServerClock } from './time/server-clock.ts';

/** A query client for the console: the service pushes changes, so data stays fresh until an event says otherwise. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry: 1 } } });
}

/** The console: providers around the session gate. */
export function App({ bridge, queryClient, clock }: { readonly bridge: Bridge; readonly queryClient?: QueryClient; readonly clock?: ServerClock }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [serverClock] = useState(() => clock ?? createServerClock());
  return (
    <QueryClientProvider client={client}>
      <BridgeProvider bridge={bridge}>
        <ServerClockContext value={serverClock}>
          <Root />
        </ServerClockContext>
      </BridgeProvider>
    </QueryClientProvider>
  );
}

function Root() {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  useLiveUpdates();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const session = useQuery(authQueries.session(bridge));
  if (session.isPending) return <p className="splash">{t('app.loading')}</p>;
  if (session.isError) {
    return (
      <p role="alert" className="splash error">
        {t('app.error', { message: session.error.message })} <button type="button" onClick={() => void session.refetch()}>{t('app.retry')}</button>
      </p>
    );
  }
  if (session.data === null) return <LoginScreen />;
  if (session.data.user.kind !== 'agent') return <CustomerRefused />;
  return (
    <MeContext value={session.data.user}>
      <Console />
    </MeContext>
  );
}

function CustomerRefused() {
  const t = useT();
  const logout = useLogout();
  return (
    <main className="login">
      <p role="alert">{t('login.customer')}</p>
      <button type="button" onClick={() => logout.mutate()}>{t('logout')}</button>
    </main>
  );
}

function Console() {
  const settingsOpen = useSettingsOpen();
  const open = useOpenTicketId() !== null;
  return (
    <div className="console">
      <Header />
      <ConnectionBanner />
      <main className={`console-main${open ? ' console-main--split' : ''}`}>
        <QueueScreen />
        {open ? <TicketWorkspace /> : null}
      </main>
      {settingsOpen ? <SettingsDialog /> : null}
    </div>
  );
}
