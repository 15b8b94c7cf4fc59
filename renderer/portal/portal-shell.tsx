import { assertNever } from '../../shared/assert-never.ts';
import { OnDemand } from '../components/on-demand.tsx';
import { ErrorBoundary, reloadConsole, type FallbackRender } from '../errors/error-boundary.tsx';
import { ConnectionBanner } from '../features/connection/connection-banner.tsx';
import { useT } from '../i18n/use-translation.ts';
import { PortalHeader } from './header/portal-header.tsx';
import { NewTicketPage } from './new-ticket/index.ts';
import { OutageNotice } from './outage/outage-notice.tsx';
import { routeHash, useRoute, type PortalRoute } from './route.ts';
import { TicketPage } from './ticket/index.ts';
import { TicketList } from './tickets/index.ts';

/** The signed-in portal: header with the support clock, the connection and outage banners, then the screen of the route. */
export function PortalShell() {
  const t = useT();
  const route = useRoute();
  return (
    <div className="portal">
      <PortalHeader route={route} />
      <ConnectionBanner />
      <OutageNotice />
      <main className="portal-main">
        <ErrorBoundary resetKeys={[routeHash(route)]} fallback={(p) => <PageFailed {...p} name={t('portal.brand')} />}>
          <OnDemand>
            <Screen route={route} />
          </OnDemand>
        </ErrorBoundary>
      </main>
    </div>
  );
}

function Screen({ route }: { readonly route: PortalRoute }) {
  switch (route.name) {
    case 'tickets':
      return <TicketList />;
    case 'ticket':
      return <TicketPage key={route.id} id={route.id} />;
    case 'new':
      return <NewTicketPage />;
    default:
      return assertNever(route, 'portal route');
  }
}

function PageFailed({ error, reset, name }: Parameters<FallbackRender>[0] & { readonly name: string }) {
  const t = useT();
  return (
    <section className="region-error" aria-label={name}>
      <p role="alert" className="error">{t('portal.regionError', { message: error.message })}</p>
      <button type="button" onClick={reset}>{t('app.retry')}</button> <button type="button" onClick={reloadConsole}>{t('app.reload')}</button>
    </section>
  );
}
