import type { QueueSla } from '../../shared/model/index.ts';
import { useLanguage } from '../i18n/use-translation.ts';
import { countdownOf } from './countdown.ts';
import { useServerNow, useSupportCalendar } from './server-clock.ts';

const ZONE_READ_EVERY_MS = 60_000;
let zone: { readonly name: string; readonly readAt: number } | null = null;

/**
 * The agent's own time zone (the OS's, as the browser reports it), read at most once a minute:
 * asking Intl builds a whole date formatter, and every countdown on screen asks on every tick.
 */
export function ownTimeZone(now: number = Date.now()): string {
  if (zone === null || now < zone.readAt || now - zone.readAt >= ZONE_READ_EVERY_MS) zone = { name: Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now };
  return zone.name;
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
