import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Bridge } from '../shared/ipc/bridge.ts';
import type { SessionInfo } from '../shared/ipc/contract.ts';
import { BridgeProvider, useBridge } from './bridge/bridge-context.tsx';
import { reloadConsole, type FallbackRender } from './errors/error-boundary.tsx';
import { authQueries } from './features/auth/queries.ts';
import { isUnreachable } from './features/connection/reachability.ts';
import { ServerUnreachable } from './features/connection/server-unreachable.tsx';
import { useLiveUpdates } from './features/connection/use-live-updates.ts';
import { useLanguage, useT } from './i18n/use-translation.ts';
import { createServerClock, ServerClockContext, type ServerClock } from './time/server-clock.ts';

// What the console (app.tsx) and the portal (portal/app.tsx) both stand on, apart from either's screens.

/** A query client for the console: the service pushes changes, so data stays fresh until an event says otherwise. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false, retry: 1 } } });
}

/** What the console and the portal both stand on: the query cache, the bridge and the service's clock. */
export function AppProviders({ bridge, queryClient, clock, children }: { readonly bridge: Bridge; readonly queryClient?: QueryClient | undefined; readonly clock?: ServerClock | undefined; readonly children: ReactNode }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [serverClock] = useState(() => clock ?? createServerClock());
  return (
    <QueryClientProvider client={client}>
      <BridgeProvider bridge={bridge}>
        <ServerClockContext value={serverClock}>{children}</ServerClockContext>
      </BridgeProvider>
    </QueryClientProvider>
  );
}

/**
 * Live updates, the page's language, and the session once the service has answered: `children` get
 * the session (null: signed out). While the service cannot be reached it says so and keeps trying:
 * not reaching the service is not being signed out (the login shows only on the service's word).
 */
export function SessionGate({ children }: { readonly children: (session: SessionInfo | null) => ReactNode }) {
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
  if (session.isError && isUnreachable(session.error)) return <ServerUnreachable url={info.data?.serverUrl ?? ''} retrying={session.isFetching} onRetry={retry} />;
  if (session.isError) {
    return (
      <p role="alert" className="splash error">
        {t('app.error', { message: session.error.message })} <button type="button" onClick={retry}>{t('app.retry')}</button>
      </p>
    );
  }
  return children(session.data);
}

/** The whole app (console or portal) failed to render: the error in words and a reload. */
export function AppFailed({ error }: Parameters<FallbackRender>[0]) {
  const t = useT();
  return (
    <main className="login">
      <p role="alert" className="error">{t('app.crashed', { message: error.message })}</p>
      <button type="button" className="primary" onClick={reloadConsole}>{t('app.reload')}</button>
    </main>
  );
}
