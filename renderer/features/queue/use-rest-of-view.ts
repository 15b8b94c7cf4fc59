import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { nextPage, withPage } from '../../../shared/client/live-queue.ts';
import type { LiveList, ListScope, Viewer } from '../../../shared/tickets/live-list.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { QUEUE_LIMIT, QUEUE_PAGE, queueKeys, recentRows } from './queries.ts';

/**
 * Loads the rest of a view after its first page, a page at a time, into the same cached list
 * (which events patch meanwhile), up to QUEUE_LIMIT rows.
 */
export function useRestOfView(scope: ListScope, viewer: Viewer, list: LiveList | undefined): void {
  const bridge = useBridge();
  const client = useQueryClient();
  const next = list?.next ?? null;
  const loaded = list?.tickets.length ?? 0;
  // The effect runs once per page asked (`next`), not on every patch of the list or a new scope object.
  const key = JSON.stringify(scope);
  useEffect(() => {
    if (list === undefined || next === null || loaded >= QUEUE_LIMIT) return;
    const asked = nextPage((query) => bridge.invoke('tickets:queue', query), list, scope, Math.min(QUEUE_PAGE, QUEUE_LIMIT - loaded));
    let gone = false;
    void asked?.then(
      (got) => {
        if (!gone) client.setQueryData<LiveList>(queueKeys.view(scope), (current) => (current === undefined ? current : withPage(current, next, got, scope, viewer, recentRows)));
      },
      // A failed page leaves the rows loaded so far; the next (re)connect reads the view again.
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, [bridge, client, key, next, viewer.id]);
}
