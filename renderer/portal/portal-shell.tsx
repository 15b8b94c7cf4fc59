import { useT } from '../i18n/use-translation.ts';
import { useCustomer } from './customer.ts';
import { NewTicketPage } from './new-ticket/index.ts';
import { useRoute } from './route.ts';

/** The signed-in portal: header, then the screen of the current route. */
export function PortalShell() {
  const t = useT();
  const customer = useCustomer();
  const route = useRoute();
  return (
    <div className="portal">
      <header className="portal-header">
        <strong>{customer.client.name}</strong>
      </header>
      <main className="portal-main">
        {route.name === 'new' ? <NewTicketPage /> : <p>{t('portal.login.title')} · {route.name}</p>}
      </main>
    </div>
  );
}
