import type { QueueOla, TicketSummary } from '../../../shared/model/index.ts';
import type { Calendar } from '../../../shared/sla/index.ts';
import type { Language } from '../../../shared/model/index.ts';
import { formatCountdown, formatDueLabel, formatDuration, formatInstant, translate } from '../../../shared/i18n/index.ts';
import { olaAtRisk } from '../../../shared/ola/index.ts';
import { useLanguage } from '../../i18n/use-translation.ts';
import { CountdownText, ownTimeZone } from '../../time/countdown-text.tsx';
import { dueAtText, type Countdown } from '../../time/countdown.ts';
import { useServerNow, useSupportCalendar } from '../../time/server-clock.ts';

/** Whether the Due cell shows the internal target: the SLA shows nothing ticking (idle or closed) and the tier's clock runs. */
export function showsOla(ticket: TicketSummary): ticket is TicketSummary & { readonly ola: QueueOla } {
  return (ticket.sla.state === 'idle' || ticket.sla.state === 'closed') && ticket.ola !== null && ticket.ola.state === 'running';
}

/**
 * A running internal clock as a countdown, the same format and colours as the SLA's (renderer/time/countdown.ts),
 * counted locally from its due time; "starts Mon 09:00" outside working hours. The label says it is internal.
 */
export function olaCountdownOf(ola: QueueOla, now: number, lang: Language, calendar: Calendar, ownZone: string = calendar.zone): Countdown {
  const remaining = ola.dueAt - now;
  const text = formatCountdown(lang, remaining);
  const dueAt = translate(lang, 'ola.title', { due: dueAtText(lang, ola.dueAt, calendar.zone, ownZone) });
  const label = (words: string) => translate(lang, 'ola.label', { label: words });
  if (remaining <= 0) return { tone: 'breached', text, label: label(formatDueLabel(lang, remaining)), dueAt };
  if (!calendar.isWorkingTime(now)) {
    const when = formatInstant(lang, calendar.nextOpening(now), calendar.zone);
    const duration = formatDuration(lang, calendar.workingTimeBetween(now, ola.dueAt));
    return { tone: 'off-hours', text: translate(lang, 'sla.startsAt', { when }), label: label(translate(lang, 'sla.startsAtLong', { when, duration })), dueAt };
  }
  return { tone: olaAtRisk(ola, now, calendar) ? 'at-risk' : 'running', text, label: label(formatDueLabel(lang, remaining)), dueAt };
}

/** A live internal-target countdown, tagged "OLA": its accessible name says "internal target", its tooltip the due time. */
export function OlaCountdown({ ola }: { readonly ola: QueueOla }) {
  const now = useServerNow();
  const lang = useLanguage();
  const c = olaCountdownOf(ola, now, lang, useSupportCalendar(), ownTimeZone());
  return (
    <span role="timer" aria-label={c.label} title={c.dueAt ?? c.label} className={`countdown countdown--${c.tone} countdown--internal`}>
      <span className="ola-tag" aria-hidden="true">{translate(lang, 'ola.tag')}</span> {c.text}
    </span>
  );
}

/** The queue's Due cell: the SLA countdown, or the internal target's when the SLA shows nothing ticking. */
export function DueCountdown({ ticket }: { readonly ticket: TicketSummary }) {
  return showsOla(ticket) ? <OlaCountdown ola={ticket.ola} /> : <CountdownText sla={ticket.sla} />;
}
