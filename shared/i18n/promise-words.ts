import { DateTime } from 'luxon';
import type { Language } from '../model/index.ts';
import type { SlaDuration, SlaPromise } from '../sla/index.ts';
import { translator, type MessageKey, type Translate } from './index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long the promise gives, in words ("20 working minutes", "1 робочої години", "a month"). */
export function durationInWords(t: Translate, duration: SlaDuration, working: boolean): string {
  if ('months' in duration) return duration.months === 1 ? t('portal.promise.aMonth') : t('portal.promise.months', { count: duration.months });
  const wholeHours = duration.ms >= HOUR && duration.ms % HOUR === 0;
  if (wholeHours) return t(working ? 'portal.promise.workingHours' : 'portal.promise.hours', { count: duration.ms / HOUR });
  return t(working ? 'portal.promise.workingMinutes' : 'portal.promise.minutes', { count: Math.ceil(duration.ms / MINUTE) });
}

/** When, relative to `now`, in the support zone: "by 14:35 today", "by Monday 09:20", "by 3 December, 09:20". */
export function dueInWords(t: Translate, lang: Language, now: number, due: number, zone: string, dateOnly: boolean): string {
  const from = DateTime.fromMillis(now, { zone }).setLocale(lang);
  const to = DateTime.fromMillis(due, { zone }).setLocale(lang);
  const date = to.toFormat(to.year === from.year ? 'd MMMM' : 'd MMMM yyyy');
  if (dateOnly) return t('portal.promise.byDate', { date });
  const time = to.toFormat('HH:mm');
  const days = Math.round(to.startOf('day').diff(from.startOf('day'), 'days').days);
  if (days === 0) return t('portal.promise.today', { time });
  if (days === 1) return t('portal.promise.tomorrow', { time });
  if (days > 1 && days < 7) return t('portal.promise.weekday', { day: t(`portal.promise.day.${to.weekday}` as MessageKey), time });
  return t('portal.promise.date', { date, time });
}

/**
 * The promise of a new ticket (slaPromise) in words, times in the support zone: "A reply within 20
 * working minutes, by 14:35 today." during working hours; "…; now outside working hours, so by
 * Monday 09:20." after them; "A reply within a month, by 27 December." for a suggestion.
 */
export function promiseInWords(lang: Language, promise: SlaPromise): string {
  const t = translator(lang);
  const working = promise.calendar === 'business';
  const lead = t(`portal.promise.lead.${promise.target}`, { duration: durationInWords(t, promise.duration, working) });
  const when = dueInWords(t, lang, promise.at, promise.dueAt, promise.zone, 'months' in promise.duration);
  return t(working && !promise.workingNow ? 'portal.promise.afterHours' : 'portal.promise.inHours', { lead, when });
}
