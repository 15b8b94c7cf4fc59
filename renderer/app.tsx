import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { Bridge } from '../shared/ipc/bridge.ts';
import { BridgeProvider, useBridge } from './bridge/bridge-context.tsx';
import { LoginScreen } from './features/auth/login-screen.tsx';
import { browserConsoleHost, CustomerToPortal, type ConsoleHost } from './features/auth/portal-link.tsx';
import { authQueries, MeContext } from './features/auth/queries.ts';
import { ErrorBoundary, reloadConsole, type FallbackRender } from './errors/error-boundary.tsx';
import { ConnectionBanner } from './features/connection/connection-banner.tsx';
import { isUnreachable } from './features/connection/reachability.ts';
import { ServerUnreachable } from './features/connection/server-unreachable.tsx';
import { useLiveUpdates } from './features/connection/use-live-updates.ts';
import { ChoosePasswordScreen } from './features/account/index.ts';
import { AdminScreen, useAdminOpen } from './features/admin/index.ts';
import { AvailabilityScreen, useAvailabilityOpen } from './features/availability/index.ts';
import { CalendarScreen, useCalendarOpen } from './features/calendar/index.ts';
import { Header } from './features/header/header.tsx';
import { SetupScreen, setupQueries } from './features/setup/index.ts';
import { OnCallBanner, RosterScreen, useRosterOpen } from './features/oncall/index.ts';
import { OutageBar, OutageView, useOpenOutageId } from './features/outages/index.ts';
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

/** The console: providers around the session gate; `host` is where it may send the browser (tests pass their own). */
export function App({ bridge, queryClient, clock, host = browserConsoleHost }: { readonly bridge: Bridge; readonly queryClient?: QueryClient; readonly clock?: ServerClock; readonly host?: ConsoleHost }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [serverClock] = useState(() => clock ?? createServerClock());
  return (
    <QueryClientProvider client={client}>
      <BridgeProvider bridge={bridge}>
        <ServerClockContext value={serverClock}>
          <ErrorBoundary fallback={(p) => <ConsoleFailed {...p} />}>
            <Root host={host} />
          </ErrorBoundary>
        </ServerClockContext>
      </BridgeProvider>
    </QueryClientProvider>
  );
}

function Root({ host }: { readonly host: ConsoleHost }) {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  useLiveUpdates();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const session = useQuery(authQueries.session(bridge));
  const info = useQuery(authQueries.appInfo(bridge));
  const { refetch } = session;
  const retry = useCallback(() => void refetch(), [refetch]);
  if (session.isPending) return <p className="splash">{t('app.loading')}</p>;
  // Not reaching the service is not being signed out: say so and keep trying (login only on the service's word).
  if (session.isError && isUnreachable(session.error)) return <ServerUnreachable url={info.data?.serverUrl ?? ''} retrying={session.isFetching} onRetry={retry} />;
  if (session.isError) {
    return (
      <p role="alert" className="splash error">
        {t('app.error', { message: session.error.message })} <button type="button" onClick={() => void session.refetch()}>{t('app.retry')}</button>
      </p>
    );
  }
  if (session.data === null) return <SignedOut />;
  if (session.data.user.kind !== 'agent') return <CustomerToPortal host={host} />;
  // A temporary password opens nothing but the choice of one's own (the service refuses the rest).
  if (session.data.mustChangePassword) return <ChoosePasswordScreen user={session.data.user} />;
  return (
    <MeContext value={session.data.user}>
      <Console />
    </MeContext>
  );
}

/** Signed out: the setup screen while the service waits for its first start, else the login. */
function SignedOut() {
  const t = useT();
  const bridge = useBridge();
  const setup = useQuery(setupQueries.status(bridge));
  if (setup.isPending) return <p className="splash">{t('app.loading')}</p>;
  // A service that cannot say (an older one) has accounts: the login screen is right.
  return setup.data?.waiting === true ? <SetupScreen /> : <LoginScreen />;
}

/** The whole console failed to render: the error in words and a reload. */
function ConsoleFailed({ error }: Parameters<FallbackRender>[0]) {
  const t = useT();
  return (
    <main className="login">
      <p role="alert" className="error">{t('app.crashed', { message: error.message })}</p>
      <button type="button" className="primary" onClick={reloadConsole}>{t('app.reload')}</button>
    </main>
  );
}

/** One region (queue, ticket) failed to render; the rest of the console keeps working. */
function RegionFailed({ error, reset, name }: Parameters<FallbackRender>[0] & { readonly name: string }) {
  const t = useT();
  return (
    <section className="region-error" aria-label={name}>
      <p role="alert" className="error">{t('app.regionError', { message: error.message })}</p>
      <button type="button" onClick={reset}>{t('app.retry')}</button> <button type="button" onClick={reloadConsole}>{t('app.reload')}</button>
    </section>
  );
}

function Console() {
  const t = useT();
  const settingsOpen = useSettingsOpen();
  const ticketId = useOpenTicketId();
  const rosterOpen = useRosterOpen();
  const availabilityOpen = useAvailabilityOpen();
  const calendarOpen = useCalendarOpen();
  const adminOpen = useAdminOpen();
  const outageId = useOpenOutageId();
  const open = ticketId !== null;
  return (
    <div className="console">
      <Header />
      <ConnectionBanner />
      <OnCallBanner />
      <OutageBar />
      <main className={`console-main${open ? ' console-main--split' : ''}`}>
        <ErrorBoundary fallback={(p) => <RegionFailed {...p} name={t('region.queue')} />}>
          <QueueScreen />
        </ErrorBoundary>
        {open ? (
          <ErrorBoundary resetKeys={[ticketId]} fallback={(p) => <RegionFailed {...p} name={t('region.ticket')} />}>
            <TicketWorkspace />
          </ErrorBoundary>
        ) : null}
      </main>
      {settingsOpen ? <SettingsDialog /> : null}
      {rosterOpen ? <RosterScreen /> : null}
      {availabilityOpen ? (
        <Suspense fallback={null}>
          <AvailabilityScreen />
        </Suspense>
      ) : null}
      {calendarOpen ? <CalendarScreen /> : null}
      {adminOpen ? (
        <Suspense fallback={null}>
          <AdminScreen />
        </Suspense>
      ) : null}
      {outageId !== null ? <OutageView /> : null}
    </div>
  );
}
