import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../../shared/client/api-error.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { authQueries } from '../auth/queries.ts';

const mustChange = (error: unknown): boolean => error instanceof ApiError && error.code === 'password_change_required';

/**
 * When the service answers any query or change with 403 password_change_required (the password was
 * reset while this console was open), asks for the session again: it then says so, and the console
 * shows the choose-your-password screen.
 */
export function usePasswordChangeWatch(): void {
  const bridge = useBridge();
  const client = useQueryClient();
  useEffect(() => {
    const session = authQueries.session(bridge).queryKey;
    const recheck = (): void => void client.invalidateQueries({ queryKey: session });
    const offQueries = client.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && mustChange(e.action.error)) recheck();
    });
    const offMutations = client.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && mustChange(e.action.error)) recheck();
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [bridge, client]);
}
