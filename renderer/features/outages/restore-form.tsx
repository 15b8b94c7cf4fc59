import { DateTime } from 'luxon';
import { useState, type FormEvent } from 'react';
import type { OutageSummary } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useServerClock, useSupportCalendar } from '../../time/server-clock.ts';
import { CommandError } from '../ticket/command-error.tsx';
import { useOutageCommand } from './queries.ts';

const FORMAT = "yyyy-MM-dd'T'HH:mm";

/** A wall-clock `datetime-local` value in `zone` as an instant; NaN when it is not a time (the service then says why). */
function instantIn(value: string, zone: string): number {
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toMillis() : Number.NaN;
}

/**
 * Records the end of downtime. The time shows the service's "now" in the support zone; left as it
 * is, the service takes its own now (to the second), edited it is sent as typed and the service
 * refuses a time before the start or in the future in its own words.
 */
export function RestoreForm({ outage }: { readonly outage: OutageSummary }) {
  const t = useT();
  const clock = useServerClock();
  const zone = useSupportCalendar().zone;
  const command = useOutageCommand();
  const [initial] = useState(() => DateTime.fromMillis(clock.now(), { zone }).toFormat(FORMAT));
  const [value, setValue] = useState(initial);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    command.mutate(value === initial ? { command: 'restore', id: outage.id } : { command: 'restore', id: outage.id, at: instantIn(value, zone) });
  };
  return (
    <form aria-label={t('outage.restore')} onSubmit={submit} className="dialog-form">
      <h3>{t('outage.restore')}</h3>
      <label className="field">
        {t('outage.restoreAt', { zone })}
        <input type="datetime-local" required value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <CommandError error={command.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={command.isPending}>{t('outage.restoreSubmit')}</button>
      </div>
    </form>
  );
}
