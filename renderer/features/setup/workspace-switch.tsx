import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { authQueries } from '../auth/queries.ts';
import { useSwitchWorkspace } from './queries.ts';

/**
 * The desktop app's embedded workspaces, offered while signed out: from the demo, "Start an empty
 * workspace"; from the own one, "Back to the demo workspace". Nothing in the browser or with a team server.
 */
export function WorkspaceSwitch() {
  const t = useT();
  const bridge = useBridge();
  const info = useQuery(authQueries.appInfo(bridge));
  const switching = useSwitchWorkspace();
  const workspace = info.data?.workspace ?? null;
  if (workspace === null) return null;
  const next = workspace === 'demo' ? 'own' : 'demo';
  return (
    <section className="login-demo workspace-switch" aria-label={t('workspace.title')}>
      <h2>{t('workspace.title')}</h2>
      <p className="muted">{t(workspace === 'demo' ? 'workspace.inDemo' : 'workspace.inOwn')}</p>
      <button type="button" disabled={switching.isPending || switching.isSuccess} onClick={() => switching.mutate(next)}>
        {switching.isPending || switching.isSuccess ? t('workspace.switching') : t(next === 'own' ? 'workspace.startOwn' : 'workspace.backToDemo')}
      </button>
      {switching.isError ? <p role="alert" className="error">{switching.error.message}</p> : null}
    </section>
  );
}
