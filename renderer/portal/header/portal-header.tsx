import { useLogout } from '../../features/auth/queries.ts';
import { SupportClock } from '../../features/header/support-clock.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { useCustomer } from '../customer.ts';
import { routeHash, type PortalRoute } from '../route.ts';

/**
 * The portal's header on every page: who is signed in for which client, the way to the list and
 * to a new ticket, sign out, and the support team's clock (R9: their time, working time or not,
 * working day or not, when support opens next).
 */
export function PortalHeader({ route }: { readonly route: PortalRoute }) {
  const t = useT();
  const customer = useCustomer();
  const logout = useLogout();
  return (
    <header className="portal-header">
      <div className="portal-header-top">
        <p className="portal-brand">
          <strong>{customer.client.name}</strong> <span className="portal-brand-name">{t('portal.brand')}</span>
        </p>
        <nav className="portal-nav" aria-label={t('portal.nav.label')}>
          <a href={routeHash({ name: 'tickets' })} aria-current={route.name === 'tickets' ? 'page' : undefined}>{t('portal.nav.tickets')}</a>
          <a href={routeHash({ name: 'new' })} className="portal-new" aria-current={route.name === 'new' ? 'page' : undefined}>{t('portal.nav.new')}</a>
        </nav>
        <p className="portal-user">
          <span>{t('portal.user', { name: customer.name })}</span>
          <button type="button" onClick={() => logout.mutate()}>{t('logout')}</button>
        </p>
      </div>
      <SupportClock />
    </header>
  );
}
