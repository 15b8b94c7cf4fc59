import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { authQueries, useLogout } from './queries.ts';

/** The customer portal of the service at `serverUrl` (server/http/console.ts serves it at /portal). */
export function portalUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/portal`;
}

/** Where the console may send the browser: tests pass their own. */
export interface ConsoleHost {
  /** Replaces the page with another of the same service (no history entry: Back must not return to a redirect). */
  readonly go: (url: string) => void;
}

/** The browser's own location. */
export const browserConsoleHost: ConsoleHost = { go: (url) => window.location.replace(url) };

/**
 * The portal's address as a link. In the desktop app it opens in the system browser (main/security.ts
 * opens http(s) windows externally); in a browser it is a page of the same service.
 */
export function PortalLink({ url, children }: { readonly url: string; readonly children?: string }) {
  const bridge = useBridge();
  const info = useQuery(authQueries.appInfo(bridge));
  const external = info.data?.mode === 'desktop';
  return (
    <a href={url} {...(external ? { target: '_blank', rel: 'noreferrer' } : {})}>
      {children ?? url}
    </a>
  );
}

/** The login screen's line for customers who came to the console: where their portal is. */
export function PortalHint() {
  const t = useT();
  const bridge = useBridge();
  const info = useQuery(authQueries.appInfo(bridge));
  if (info.data === undefined) return null;
  return (
    <p className="portal-hint">
      {t('portal.console.loginHint')} <PortalLink url={portalUrl(info.data.serverUrl)} />
    </p>
  );
}

/**
 * A customer signed in to the console. In a browser the sign-in is the portal's too (same origin,
 * same token), so the page simply becomes the portal; the desktop app says where the portal is.
 */
export function CustomerToPortal({ host }: { readonly host: ConsoleHost }) {
  const t = useT();
  const bridge = useBridge();
  const info = useQuery(authQueries.appInfo(bridge));
  const logout = useLogout();
  const titleId = useId();
  const browser = info.data?.mode === 'browser';
  const url = info.data === undefined ? null : portalUrl(info.data.serverUrl);
  useEffect(() => {
    if (browser && url !== null) host.go(url);
  }, [browser, url, host]);
  if (info.isPending || browser) return <p className="splash" role="status">{t('portal.console.redirecting')}</p>;
  return (
    <main className="login">
      <section className="login-card" aria-labelledby={titleId}>
        <h1 id={titleId}>{t('portal.console.title')}</h1>
        <p>{t('login.customer')}</p>
        {url !== null ? (
          <p>
            <PortalLink url={url}>{t('portal.console.open')}</PortalLink> <span className="muted">{url}</span>
          </p>
        ) : null}
        <button type="button" onClick={() => logout.mutate()}>{t('logout')}</button>
      </section>
    </main>
  );
}
