import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { formatDuration, formatInstant, groupNames } from '../../../shared/i18n/index.ts';
import type { PublicOutage } from '../../../shared/model/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { OPEN_OUTAGES, outageKeys, outageQueries } from '../../features/outages/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow, useSupportCalendar } from '../../time/server-clock.ts';

/**
 * How often the portal asks for open outages. Outage events are for agents only, so a customer
 * learns of an outage from this, or at once when one of their own tickets is linked to it.
 */
export const OUTAGE_POLL_MS = 60_000;

/**
 * The open outages of the client's function group (the service sends customers only those, and
 * only their public part: groups, start, number of reports; docs/availability.md).
 */
export function OutageNotice() {
  const t = useT();
  const bridge = useBridge();
  const client = useQueryClient();
  const outages = useQuery({ ...outageQueries.list(bridge, OPEN_OUTAGES), refetchInterval: OUTAGE_POLL_MS });
  useEffect(
    // A ticket event reaching this customer may be their ticket linked to an outage (or unlinked).
    () => bridge.on('service:event', (event) => void (event.ticketId !== null && client.invalidateQueries({ queryKey: outageKeys.lists() }))),
    [bridge, client],
  );
  const open = (outages.data ?? []).filter((o) => o.state === 'open');
  if (open.length === 0) return null;
  return (
    <section className="banner banner--outage" aria-label={t('portal.outage.label')}>
      <ul>
        {open.map((o) => (
          <OutageLine key={o.id} outage={o} />
        ))}
      </ul>
    </section>
  );
}

function OutageLine({ outage }: { readonly outage: PublicOutage }) {
  const t = useT();
  const lang = useLanguage();
  const now = useServerNow();
  const { zone } = useSupportCalendar();
  return (
    <li>
      {t('portal.outage.text', {
        groups: groupNames(lang, outage.groups),
        since: formatInstant(lang, outage.startedAt, zone, 'ccc d LLL HH:mm'),
        duration: formatDuration(lang, now - outage.startedAt),
        count: outage.ticketCount,
      })}
    </li>
  );
}
