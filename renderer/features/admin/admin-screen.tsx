import { mayAdminister } from '../../../shared/auth/roles.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { AuditPanel } from './audit-panel.tsx';
import { ClientsPanel } from './clients-panel.tsx';
import { OlaPanel } from './ola-panel.tsx';
import { PeoplePanel } from './people-panel.tsx';
import { TelegramPanel } from './telegram-panel.tsx';
import { useAdminActions, useAdminTab, type AdminTab } from './store.ts';

/**
 * Administration: people, clients and their customers, and (admins) the Telegram status channel and the audit log. Managers read
 * people and clients; the write controls show only for those the service lets write
 * (`mayAdminister`, the rule of its admin routes).
 */
export function AdminScreen() {
  const t = useT();
  const me = useMe();
  const tab = useAdminTab();
  const { adminClosed, tabChosen } = useAdminActions();
  const editor = mayAdminister(me);
  const tabs: readonly AdminTab[] = editor ? ['people', 'clients', 'telegram', 'audit', 'ola'] : ['people', 'clients', 'ola'];
  const shown = tabs.includes(tab) ? tab : 'people';
  return (
    <Dialog title={t('admin.title')} onClose={adminClosed} closeLabel={t('app.close')}>
      <div className="admin">
        {editor ? null : <p className="notice">{t('admin.readOnly')}</p>}
        <div role="tablist" aria-label={t('admin.title')} className="tabs">
          {tabs.map((x) => (
            <button key={x} type="button" role="tab" aria-selected={x === shown} onClick={() => tabChosen(x)}>
              {t(`admin.tab.${x}`)}
            </button>
          ))}
        </div>
        {shown === 'people' ? <PeoplePanel editor={editor} /> : shown === 'clients' ? <ClientsPanel editor={editor} /> : shown === 'telegram' ? <TelegramPanel /> : shown === 'ola' ? <OlaPanel editor={editor} /> : <AuditPanel />}
      </div>
    </Dialog>
  );
}
