import { assertNever } from '../../../shared/assert-never.ts';
import type { Language, Ticket } from '../../../shared/model/index.ts';
import { formatDuration, formatInstant, translator } from '../../../shared/i18n/index.ts';
import { dueInWords, durationInWords } from '../../../shared/i18n/promise-words.ts';
import { DEFAULT_POLICY, type Calendar, type SlaClock, type SlaPolicy } from '../../../shared/sla/index.ts';

/** How the ticket's clock stands for the customer; the page colours its line by it. */
export type ClockTone = 'running' | 'off-hours' | 'escalated' | 'breached' | 'paused' | 'met' | 'late' | 'closed' | 'none';

/** The state of a ticket's SLA clock as one sentence for the customer. */
export interface ClockWords {
  readonly tone: ClockTone;
  readonly text: string;
}

/** A past instant in the support zone: weekday, date and time ("Mon 30 Nov 09:20"). */
const WHEN = 'ccc d LLL HH:mm';

/**
 * What the customer reads about a ticket's clock at `now` (R9, R12, R13, R21-R25): by when support
 * will react and what it promised, that the clock waits for their answer, whether support reacted
 * in time, or that the time passed. Times are the support team's (the clock every page shows);
 * promised durations come from the policy the service counts with, worded as the new-ticket form
 * words its promise (shared/i18n/promise-words.ts).
 */
export function clockWords(ticket: Pick<Ticket, 'status' | 'duplicateOf' | 'sla'>, now: number, calendar: Calendar, lang: Language, policy: SlaPolicy = DEFAULT_POLICY): ClockWords {
  const t = translator(lang);
  const when = (ms: number) => formatInstant(lang, ms, calendar.zone, WHEN);
  const by = (ms: number, dateOnly = false) => dueInWords(t, lang, now, ms, calendar.zone, dateOnly);
  const { sla } = ticket;
  if (ticket.status === 'merged') return { tone: 'closed', text: t('portal.clock.merged', { number: ticket.duplicateOf ?? '?' }) };
  switch (sla.state) {
    case 'closed':
      return { tone: 'closed', text: t('portal.clock.closed') };
    case 'paused':
      return { tone: 'paused', text: t('portal.clock.paused') };
    case 'idle': {
      const last = lastStopped(sla.clocks);
      if (last === undefined || last.stoppedAt === null) return { tone: 'none', text: t('portal.clock.none') };
      return last.breached
        ? { tone: 'late', text: t('portal.clock.late', { when: when(last.stoppedAt), due: when(last.dueAt) }) }
        : { tone: 'met', text: t('portal.clock.met', { when: when(last.stoppedAt) }) };
    }
    case 'running':
    case 'breached': {
      const due = sla.dueAt;
      const nearest = sla.clocks.find((c) => c.stoppedAt === null && c.dueAt === due);
      if (due === null || nearest === undefined) return { tone: 'none', text: t('portal.clock.none') };
      if (due <= now) return { tone: 'breached', text: t('portal.clock.breached', { due: when(due) }) };
      const left = formatDuration(lang, due - now);
      const escalation = sla.clocks.find((c) => c.stoppedAt === null && c.target === policy.escalationTarget);
      const promiseOf = (clock: SlaClock) => durationInWords(t, policy.targets[clock.target].duration, clock.calendar === 'business');
      if (escalation !== undefined) return { tone: 'escalated', text: t('portal.clock.escalated', { promise: promiseOf(escalation), due: by(due), left }) };
      const promise = promiseOf(nearest);
      if ('months' in policy.targets[nearest.target].duration) return { tone: 'running', text: t('portal.clock.months', { promise, due: by(due, true) }) };
      if (nearest.calendar === 'business' && !calendar.isWorkingTime(now)) return { tone: 'off-hours', text: t('portal.clock.offHours', { due: by(due), promise }) };
      return { tone: 'running', text: t('portal.clock.running', { due: by(due), left, promise }) };
    }
    default:
      return assertNever(sla.state, 'SLA state');
  }
}

/** The clock that stopped last (the latest reaction), if any. */
function lastStopped(clocks: readonly SlaClock[]): SlaClock | undefined {
  let last: SlaClock | undefined;
  for (const c of clocks) if (c.stoppedAt !== null && (last?.stoppedAt == null || c.stoppedAt >= last.stoppedAt)) last = c;
  return last;
}
