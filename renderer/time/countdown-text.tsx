import type { QueueSla } from '../../shared/model/index.ts';
import { useLanguage } from '../i18n/use-translation.ts';
import { countdownOf } from './countdown.ts';
import { useServerNow, useSupportCalendar } from './server-clock.ts';

/** The agent's own time zone (the OS's, as the browser reports it). */
export function ownTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A live SLA countdown, coloured by state: its accessible name says it in words ("overdue by 1 hour
 * 22 minutes"), its tooltip and accessible description give the exact due time.
 */
export function CountdownText({ sla }: { readonly sla: QueueSla }) {
  const now = useServerNow();
  const lang = useLanguage();
  const c = countdownOf(sla, now, lang, useSupportCalendar(), ownTimeZone());
  return (
    <span role="timer" aria-label={c.label} title={c.dueAt ?? c.label} className={`countdown countdown--${c.tone}`}>
      {c.text}
    </span>
  );
}
