/**
 * Every text the console shows, in the three languages support speaks (R10), and the helpers that
 * format durations, countdowns and times. Pure: the renderer, main (notifications, tray) and tests
 * use it alike.
 */
import { DateTime } from 'luxon';
import type { Language, Tier } from '../model/index.ts';
import type { NotificationDecision } from '../notifications/decide.ts';
import { en } from './catalogs/en.ts';
import { ru } from './catalogs/ru.ts';
import { uk } from './catalogs/uk.ts';
import { formatMessage, type MessageParams } from './format.ts';

export { languageFromPreferences } from './preferences.ts';

export { formatMessage, type MessageParams } from './format.ts';

/** A key of the catalogs, e.g. `queue.title`. */
export type MessageKey = keyof typeof en;

/** The catalogs by language; each has every key (the type and a unit test say so). */
export const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, ru, uk };

/** Every message key. */
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** The text of `key` in `lang` with `params` filled in (ICU-lite: `{name}` and `{n, plural, ...}`). */
export function translate(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(lang, CATALOGS[lang][key], params);
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Binds `translate` to a language. */
export function translator(lang: Language): Translate {
  return (key, params) => translate(lang, key, params);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in words for people and screen readers: seconds under a minute, minutes under an
 * hour, hours and minutes under a day, then days and hours ("12 minutes", "2 години 5 хвилин").
 * The sign is ignored; callers say "due in" or "overdue by".
 */
export function formatDuration(lang: Language, ms: number): string {
  const abs = Math.abs(ms);
  const t = translator(lang);
  if (abs < MINUTE) return t('duration.seconds', { count: Math.floor(abs / SECOND) });
  if (abs < HOUR) return t('duration.minutes', { count: Math.floor(abs / MINUTE) });
  const pair = (big: string, small: string, smallCount: number) => (smallCount === 0 ? big : t('duration.pair', { first: big, second: small }));
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return pair(t('duration.hours', { count: h }), t('duration.minutes', { count: m }), m);
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return pair(t('duration.days', { count: d }), t('duration.hours', { count: h }), h);
}

/** "due in 12 minutes" or "overdue by 3 minutes", from the time left (negative once overdue). */
export function formatDueLabel(lang: Language, remainingMs: number): string {
  const duration = formatDuration(lang, remainingMs);
  return remainingMs > 0 ? translate(lang, 'sla.dueIn', { duration }) : translate(lang, 'sla.overdueBy', { duration });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The minus sign that marks a countdown past its due time (U+2212, not a hyphen). */
export const OVERDUE_SIGN = '−';

/**
 * The compact countdown of the queue, the ticket's SLA panel and the outage bar, one format
 * everywhere and unambiguous: `m:ss` under an hour ("5:29"), hours and minutes in units under a
 * day ("1 h 22 min"), then days and hours ("3 d 4 h"); a leading minus sign once overdue
 * ("−1 h 22 min"). A colon only ever separates minutes from seconds. Rounds towards zero.
 */
export function formatCountdown(lang: Language, remainingMs: number): string {
  const abs = Math.abs(remainingMs);
  const sign = remainingMs < 0 && abs >= SECOND ? OVERDUE_SIGN : '';
  if (abs < HOUR) {
    const s = Math.floor(abs / SECOND);
    return `${sign}${Math.floor(s / 60)}:${pad(s % 60)}`;
  }
  const [big, small, bigKey, pairKey] = abs < DAY
    ? [Math.floor(abs / HOUR), Math.floor((abs % HOUR) / MINUTE), 'countdown.hours', 'countdown.hoursMinutes'] as const
    : [Math.floor(abs / DAY), Math.floor((abs % DAY) / HOUR), 'countdown.daysOnly', 'countdown.days'] as const;
  const text = small === 0 ? translate(lang, bigKey, { count: big }) : translate(lang, pairKey, { first: big, second: small });
  return sign + text;
}

/**
 * The exact due time for a tooltip and screen readers: in the support zone, and in the agent's own
 * zone too when it differs ("due Mon 30 Nov 10:20 support time (Europe/Kyiv), 09:20 your time").
 */
export function formatDueAt(lang: Language, dueAt: number, supportZone: string, ownZone: string): string {
  const when = formatInstant(lang, dueAt, supportZone, 'ccc d LLL HH:mm');
  const support = translate(lang, 'countdown.dueAtSupport', { when, zone: supportZone });
  const sameOffset = DateTime.fromMillis(dueAt, { zone: ownZone }).offset === DateTime.fromMillis(dueAt, { zone: supportZone }).offset;
  if (ownZone === supportZone || sameOffset || !DateTime.local({ zone: ownZone }).isValid) return support;
  const own = formatInstant(lang, dueAt, ownZone, 'ccc HH:mm');
  return translate(lang, 'countdown.dueAtBoth', { support, own, zone: ownZone });
}

/** An instant as wall-clock text in `zone`, in the language's conventions ("Mon 09:00", "пн 09:00"). */
export function formatInstant(lang: Language, ms: number, zone: string, format = 'ccc HH:mm'): string {
  return DateTime.fromMillis(ms, { zone }).setLocale(lang).toFormat(format);
}

/** The name of a tier in `lang`. */
export function tierName(lang: Language, tier: Tier): string {
  return translate(lang, `tier.${tier}`);
}

/** Function groups by name in `lang`, joined ("Autodialer, Inbound call processing"); an unknown one stays as it is. */
export function groupNames(lang: Language, groups: readonly string[]): string {
  return groups.map((g) => (`group.${g}` in en ? translate(lang, `group.${g}` as MessageKey) : g)).join(', ');
}

/** A notification decision (shared/notifications) as the title and body to show. */
export function notificationText(lang: Language, decision: Pick<NotificationDecision, 'titleKey' | 'bodyKey' | 'params'>): { title: string; body: string } {
  const params: Record<string, string | number> = { ...decision.params };
  const tier = decision.params.tier;
  if (typeof tier === 'string' && `tier.${tier}` in en) params.tier = tierName(lang, tier as Tier);
  const groups = decision.params.groups;
  if (typeof groups === 'string') params.groups = groupNames(lang, groups.split(','));
  return { title: translate(lang, decision.titleKey, params), body: translate(lang, decision.bodyKey, params) };
}

