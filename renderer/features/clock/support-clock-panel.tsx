import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { createCalendar, supportClock, type Calendar } from '../../../shared/sla/index.ts';
import { useNow } from './use-now.ts';

/** The support team's clock, whether it is working time, and when support opens next (R7, R9). */
export function SupportClockPanel({ calendar }: { readonly calendar?: Calendar }) {
  const cal = useMemo(() => calendar ?? createCalendar(), [calendar]);
  const clock = supportClock(cal, useNow());
  const local = DateTime.fromMillis(clock.now, { zone: clock.zone });
  const opening = DateTime.fromMillis(clock.nextOpening, { zone: clock.zone });
  const gmt = `GMT${clock.offsetMinutes >= 0 ? '+' : '-'}${Math.abs(clock.offsetMinutes) / 60}`;
  return (
    <section aria-label="Support clock">
      <p>
        Support time: <time dateTime={local.toISO() ?? ''}>{local.toFormat('ccc d LLL, HH:mm')}</time> ({clock.zone}, {gmt})
      </p>
      <p>{clock.isWorkingDay ? 'Today is a working day.' : 'Today is not a working day.'}</p>
      <p role="status">
        {clock.isWorkingTime ? 'Support is working now.' : `Support is closed; it opens ${opening.toFormat('ccc d LLL, HH:mm')}.`}
      </p>
    </section>
  );
}
