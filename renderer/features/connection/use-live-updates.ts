import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { measureClockOffset } from '../../../shared/client/clock-offset.ts';
import type { ServiceEventType } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useServerClock } from '../../time/server-clock.ts';
import { authQueries } from '../auth/queries.ts';
import { queueKeys, recentRows, ticketListKeys } from '../queue/queries.ts';
import { patchList, rereadsLists, viewerOf, type ListScope, type LiveList } from '../../../shared/tickets/live-list.ts';
import type { TicketSummary } from '../../../shared/model/index.ts';
import { settingsQueries } from '../settings/queries.ts';
import { openTicket, resetTicketStore } from '../ticket/store.ts';
import { agentDirectoryKeys, ticketDetailKeys } from '../ticket/queries.ts';
import { onCallKeys, resetOnCallStore } from '../oncall/index.ts';
import { outageKeys, resetOutageStore } from '../outages/index.ts';
import { pageKeys } from '../pages/index.ts';
import { availabilityKeys, resetAvailabilityStore } from '../availability/index.ts';
import { calendarKeys, resetCalendarStore } from '../calendar/index.ts';
import { resetCannedStore } from '../canned/index.ts';
import { resetAdminStore } from '../admin/index.ts';
import { resetQueueStore } from '../queue/store.ts';
import { connectionStatusNow, resetConnectionStore, useConnectionActions } from './store.ts';

/**
 * What else an event makes stale, besides its ticket (every event about a ticket patches the queue
 * lists, and makes the lists of whole tickets stale).
 * Outage events change the bar and the outage's view; a linked ticket's change or message changes
 * its line in the open outage's view (status), so the outage details refetch (only an open view's do).
 * A new support calendar moves due times (every ticket's), the on-call stretches and the year's
 * bounds; the support clock itself is measured again from GET /api/v1/clock. A renamed agent or
 * client changes names in tickets, the directory, the roster and pages (the queue lists are read
 * again: rereadsLists).
 */
const ALSO_STALE: { readonly [T in ServiceEventType]: readonly QueryKey[] } = {
  'ticket.created': [],
  'ticket.changed': [outageKeys.details()],
  'ticket.routed': [],
  'ticket.escalated': [],
  'ticket.updated': [],
  'message.added': [outageKeys.details()],
  'sla.warning': [],
  'sla.breached': [],
  'page.triggered': [pageKeys.all],
  'page.acknowledged': [pageKeys.all],
  'page.escalated': [pageKeys.all],
  'page.closed': [pageKeys.all],
  'outage.declared': [outageKeys.all, availabilityKeys.all],
  'outage.changed': [outageKeys.all, availabilityKeys.all],
  'outage.warning': [outageKeys.all, availabilityKeys.all],
  'outage.overlong': [outageKeys.all, availabilityKeys.all],
  'outage.restored': [outageKeys.all, availabilityKeys.all],
  'calendar.changed': [calendarKeys.all, ticketDetailKeys.all, onCallKeys.all, availabilityKeys.all],
  'ola.changed': [ticketDetailKeys.all],
  'names.changed': [ticketDetailKeys.all, ticketListKeys.all, agentDirectoryKeys.all, onCallKeys.all, pageKeys.all],
};

/** Rows of a burst of events are placed in the lists together (a reconnect replays many at once). */
const LIST_COALESCE_MS = 50;

/**
 * Wires the host's pushed events into the caches: an event about a ticket places the row it carries
 * in every queue list (shared/tickets/live-list.ts; a list whose rows it cannot place is read again)
 * and makes the ticket's detail stale; coming back online invalidates everything (the stream has replayed what was missed) and
 * measures the service's clock offset again (also after a restore from a backup, when the service
 * answers a reconnect with `stream.reset`: what we showed may be gone).
 */
export function useLiveUpdates(): void {
  const bridge = useBridge();
  const client = useQueryClient();
  const clock = useServerClock();
  const { connectionChanged } = useConnectionActions();

  useEffect(() => {
    let listTimer: ReturnType<typeof setTimeout> | undefined;
    let arrived: TicketSummary[] = [];
    const placeRows = (): void => {
      listTimer = undefined;
      const rows = arrived;
      arrived = [];
      const me = client.getQueryData(authQueries.session(bridge).queryKey)?.user;
      if (me === undefined) return;
      const viewer = viewerOf(me);
      for (const query of client.getQueryCache().findAll({ queryKey: queueKeys.all })) {
        const list = query.state.data as LiveList | undefined;
        // A list still loading brings itself up to date from recentRows when its pages arrive.
        if (list === undefined) continue;
        const scope = query.queryKey[2] as ListScope;
        const patched = patchList(list, rows, scope, viewer);
        if (patched === 'refetch') void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
        else if (patched !== list) client.setQueryData(query.queryKey, patched);
      }
      void client.invalidateQueries({ queryKey: ticketListKeys.all });
    };
    const refetchAll = (): void => {
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'settings' && q.queryKey[0] !== 'app-info' });
    };
    const measure = (): void => {
      void measureClockOffset(async () => {
        const reported = await bridge.invoke('clock:get', undefined);
        clock.setCalendar(reported.calendar);
        return reported.now;
      }, () => Date.now())
        .then((offset) => clock.setOffset(offset))
        .catch(() => {});
    };
    const offs = [
      bridge.on('service:event', (event) => {
        if (event.ticketId !== null) void client.invalidateQueries({ queryKey: ticketDetailKeys.one(event.ticketId) });
        // The header's support clock and every countdown count on the calendar the service reports.
        if (event.type === 'calendar.changed') measure();
        for (const queryKey of ALSO_STALE[event.type]) void client.invalidateQueries({ queryKey });
        if (rereadsLists(event)) void client.invalidateQueries({ queryKey: queueKeys.all });
        recentRows.record(event);
        if (event.ticket === null) return;
        arrived.push(event.ticket);
        listTimer ??= setTimeout(placeRows, LIST_COALESCE_MS);
      }),
      bridge.on('connection:changed', (state) => {
        const before = connectionStatusNow();
        connectionChanged(state);
        if (state.status === 'online' && before !== 'online') {
          measure();
          refetchAll();
        }
      }),
      bridge.on('settings:changed', (settings) => client.setQueryData(settingsQueries.current(bridge).queryKey, settings)),
      bridge.on('session:changed', (session) => {
        client.setQueryData(authQueries.session(bridge).queryKey, session);
        if (session === null) {
          resetQueueStore();
          resetOnCallStore();
          resetAvailabilityStore();
          resetCalendarStore();
          resetCannedStore();
          resetAdminStore();
          resetOutageStore();
          resetTicketStore();
          resetConnectionStore();
        }
      }),
      bridge.on('ticket:open', ({ id }) => openTicket(id)),
    ];
    measure();
    return () => {
      clearTimeout(listTimer);
      for (const off of offs) off();
    };
  }, [bridge, client, clock, connectionChanged]);
}
