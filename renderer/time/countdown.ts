import type { Calendar } from '../../shared/sla/index.ts';
import type { Language, QueueSla } from '../../shared/model/index.ts';
import { formatCountdown, formatDueAt, formatDuration, formatDueLabel, formatInstant, translate } from '../../shared/i18n/index.ts';
import { assertNever } from '../../shared/assert-never.ts';

/** How a countdown looks: breached, at risk (warning due), running, off hours, paused (R13), idle, closed. */
export type CountdownTone = 'breached' | 'at-risk' | 'running' | 'off-hours' | 'paused' | 'idle' | 'closed';

/** What a countdown shows and what a screen reader hears. */
export interface Countdown {
  readonly tone: CountdownTone;
  readonly text: string;
  readonly label: string;
  /** The exact due time (support zone, and the agent's own when it differs): the tooltip and the accessible description; null without a due time. */
  readonly dueAt: string | null;
}

const DUE_AT_TEXTS_KEPT = 5_000;
const dueAtTexts = new Map<string, string>();

/**
 * formatDueAt, remembered: a due time's words depend only on the language and the zones, not on
 * `now`, and building them (luxon, Intl) costs far more than the countdown itself, for every
 * countdown on screen on every tick. Forgets everything past 5,000 due times.
 */
export function dueAtText(lang: Language, dueAt: number, supportZone: string, ownZone: string): string {
  const key = `${lang} ${supportZone} ${ownZone} ${dueAt}`;
  let text = dueAtTexts.get(key);
  if (text === undefined) {
    if (dueAtTexts.size >= DUE_AT_TEXTS_KEPT) dueAtTexts.clear();
    text = formatDueAt(lang, dueAt, supportZone, ownZone);
    dueAtTexts.set(key, text);
  }
  return text;
}

/**
 * A ticket's countdown at `now`, counted locally from its due time (the service pushes only
 * changes, never seconds). A business-hours clock outside working hours says when it resumes
 * ("starts Mon 09:00", R7); "at risk" starts at the clock's warning time (25 % or 5 minutes left).
 * `ownZone`: the agent's time zone, named beside the support zone's time when it differs.
 */
export function countdownOf(sla: QueueSla, now: number, lang: Language, calendar: Calendar, ownZone: string = calendar.zone): Countdown {
  switch (sla.state) {
    case 'closed':
      return { tone: 'closed', text: translate(lang, 'sla.closed'), label: translate(lang, 'sla.closed'), dueAt: null };
    case 'paused':
      return { tone: 'paused', text: translate(lang, 'sla.waiting'), label: translate(lang, 'sla.waiting'), dueAt: null };
    case 'idle':
      return { tone: 'idle', text: translate(lang, 'app.none'), label: translate(lang, 'sla.idle'), dueAt: null };
    case 'running':
    case 'breached': {
      if (sla.dueAt === null) return { tone: 'idle', text: translate(lang, 'app.none'), label: translate(lang, 'sla.idle'), dueAt: null };
      const remaining = sla.dueAt - now;
      const text = formatCountdown(lang, remaining);
      const dueAt = dueAtText(lang, sla.dueAt, calendar.zone, ownZone);
      if (remaining <= 0) return { tone: 'breached', text, label: formatDueLabel(lang, remaining), dueAt };
      if (sla.calendar !== 'continuous' && !calendar.isWorkingTime(now)) {
        const when = formatInstant(lang, calendar.nextOpening(now), calendar.zone);
        const starts = translate(lang, 'sla.startsAt', { when });
        const left = formatDuration(lang, calendar.workingTimeBetween(now, sla.dueAt));
        return { tone: 'off-hours', text: starts, label: translate(lang, 'sla.startsAtLong', { when, duration: left }), dueAt };
      }
      const atRisk = sla.warnAt !== null && now >= sla.warnAt;
      return { tone: atRisk ? 'at-risk' : 'running', text, label: formatDueLabel(lang, remaining), dueAt };
    }
    default:
      return assertNever(sla.state, 'SLA state');
  }
}
