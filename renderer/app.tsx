import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Bridge } from '../shared/ipc/bridge.ts';
import type { SessionInfo } from '../shared/ipc/contract.ts';
import { AppFailed, AppProviders, SessionGate } from './app-shell.tsx';
import { OnDemand } from './components/on-demand.tsx';
import { useBridge } from './bridge/bridge-context.tsx';
import { LoginScreen } from './features/auth/login-screen.tsx';
import { browserConsoleHost, CustomerToPortal, type ConsoleHost } from './features/auth/portal-link.tsx';
import { MeContext } from './features/auth/queries.ts';
import { ErrorBoundary, reloadConsole, type FallbackRender } from './errors/error-boundary.tsx';
import { ConnectionBanner } from './features/connection/connection-banner.tsx';
import { ChoosePasswordScreen } from './features/account/index.ts';
import { AdminScreen, useAdminOpen } from './features/admin/index.ts';
import { AvailabilityScreen, useAvailabilityOpen } from './features/availability/index.ts';
import { CalendarScreen, useCalendarOpen } from './features/calendar/index.ts';
import { CannedScreen, useCannedOpen } from './features/canned/index.ts';
import { Header } from './features/header/header.tsx';
import { SetupScreen, setupQueries } from './features/setup/index.ts';
import { OnCallBanner, RosterScreen, useRosterOpen } from './features/oncall/index.ts';
import { OutageBar, OutageView, useOpenOutageId } from './features/outages/index.ts';
import { QueueScreen } from './features/queue/queue-screen.tsx';
import { SettingsDialog } from './features/settings/settings-dialog.tsx';
import { useSettingsOpen } from './features/settings/store.ts';
import { TicketWorkspace } from './features/ticket/ticket-workspace.tsx';
import { usePresenceSync } from './features/presence/index.ts';
import { ResolveUndo } from './features/ticket/resolve-undo.tsx';
import { useOpenTicketId } from './features/ticket/store.ts';
import { useT } from './i18n/use-translation.ts';
import type { ServerClock } from './time/server-clock.ts';

/** The console: providers around the session gate; `host` is where it may send the browser (tests pass their own). */
export function App({ bridge, queryClient, clock, host = browserConsoleHost }: { readonly bridge: Bridge; readonly queryClient?: QueryClient; readonly clock?: ServerClock; readonly host?: ConsoleHost }) {
  return (
    <AppProviders bridge={bridge} queryClient={queryClient} clock={clock}>
      <ErrorBoundary fallback={(p) => <AppFailed {...p} />}>
        <SessionGate>{(session) => <Root session={session} host={host} />}</SessionGate>
      </ErrorBoundary>
    </AppProviders>
  );
}

function Root({ session, host }: { readonly session: SessionInfo | null; readonly host: ConsoleHost }) {
  if (session === null) return <SignedOut />;
  if (session.user.kind !== 'agent') return <CustomerToPortal host={host} />;
  // A temporary password opens nothing but the choice of one's own (the service refuses the rest).
  if (session.mustChangePassword) {
    return (
      <OnDemand>
        <ChoosePasswordScreen user={session.user} />
      </OnDemand>
    );
  }
  return (
    <MeContext value={session.user}>
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
  return setup.data?.waiting === true ? (
    <OnDemand>
      <SetupScreen />
    </OnDemand>
  ) : (
    <LoginScreen />
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

/**
 * The signed-in console. The queue, the ticket and the settings dialog (small, opened often, keys
 * must not reach the queue while it loads) come with the page, so login paints rows without
 * fetching more code; every other screen is React.lazy and loads when first opened
 * (docs/architecture.md, Build).
 */
function Console() {
  const t = useT();
  const settingsOpen = useSettingsOpen();
  const ticketId = useOpenTicketId();
  const rosterOpen = useRosterOpen();
  const availabilityOpen = useAvailabilityOpen();
  const calendarOpen = useCalendarOpen();
  const cannedOpen = useCannedOpen();
  const adminOpen = useAdminOpen();
  const outageId = useOpenOutageId();
  usePresenceSync(ticketId);
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
      <ResolveUndo />
      {settingsOpen ? <SettingsDialog /> : null}
      <OnDemand>{rosterOpen ? <RosterScreen /> : null}</OnDemand>
      <OnDemand>{availabilityOpen ? <AvailabilityScreen /> : null}</OnDemand>
      <OnDemand>{calendarOpen ? <CalendarScreen /> : null}</OnDemand>
      <OnDemand>{cannedOpen ? <CannedScreen /> : null}</OnDemand>
      <OnDemand>{adminOpen ? <AdminScreen /> : null}</OnDemand>
      <OnDemand>{outageId !== null ? <OutageView /> : null}</OnDemand>
    </div>
  );
}
