import { describe, expect, it } from 'vitest';
import { CATALOGS, formatCountdown, formatDueAt, formatDueLabel, formatDuration, formatInstant, MESSAGE_KEYS, notificationText, translate } from '../../../../shared/i18n/index.ts';
import { LANGUAGES } from '../../../../shared/model/index.ts';
import { NOTIFICATION_TOPICS } from '../../../../shared/notifications/decide.ts';
import { NOTIFICATION_KINDS } from '../../../../shared/settings.ts';
import { at, hours, minutes } from '../../../support/time.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('catalogs (R10)', () => {
  it.each(LANGUAGES)('%s has every key, no extra key, and the same placeholders as English', (lang) => {
    const catalog = CATALOGS[lang];
    expect(Object.keys(catalog).sort()).toEqual([...MESSAGE_KEYS].sort());
    for (const key of MESSAGE_KEYS) {
      expect(catalog[key].trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholders(catalog[key]), `${lang} ${key}`).toEqual(placeholders(CATALOGS.en[key]));
    }
  });

  it('has the notification keys shared/notifications uses, and a settings switch per kind', () => {
    for (const topic of NOTIFICATION_TOPICS) {
      expect(MESSAGE_KEYS).toContain(`notify.${topic}.title`);
      expect(MESSAGE_KEYS).toContain(`notify.${topic}.body`);
    }
    for (const kind of NOTIFICATION_KINDS) expect(MESSAGE_KEYS).toContain(`settings.kind.${kind}`);
  });
});

describe('plurals through Intl.PluralRules', () => {
  it.each([
    ['en', 1, '1 minute'], ['en', 2, '2 minutes'], ['en', 5, '5 minutes'], ['en', 21, '21 minutes'],
    ['ru', 1, '1 минута'], ['ru', 2, '2 минуты'], ['ru', 5, '5 минут'], ['ru', 11, '11 минут'], ['ru', 21, '21 минута'], ['ru', 22, '22 минуты'],
    ['uk', 1, '1 хвилина'], ['uk', 3, '3 хвилини'], ['uk', 5, '5 хвилин'], ['uk', 12, '12 хвилин'], ['uk', 21, '21 хвилина'], ['uk', 24, '24 хвилини'],
  ] as const)('%s %d -> %s', (lang, n, text) => {
    expect(formatDuration(lang, minutes(n))).toBe(text);
  });

  it('chooses the other plural forms too (tickets, hours, days)', () => {
    expect(translate('ru', 'queue.count', { count: 5 })).toBe('5 тикетов');
    expect(translate('uk', 'queue.count', { count: 2 })).toBe('2 тікети');
    expect(translate('en', 'queue.count', { count: 1 })).toBe('1 ticket');
    expect(formatDuration('ru', hours(2) + minutes(5))).toBe('2 часа 5 минут');
    expect(formatDuration('uk', hours(24 * 5 + 1))).toBe('5 днів 1 година');
  });

  it('leaves parameter values alone, braces and all', () => {
    expect(translate('en', 'ticket.heading', { number: 7, subject: '{count} #1 <b>' })).toBe('#7 {count} #1 <b>');
  });
});

describe('durations and countdowns', () => {
  it('names what is left or overdue for screen readers', () => {
    expect(formatDueLabel('en', minutes(12))).toBe('due in 12 minutes');
    expect(formatDueLabel('en', -minutes(3) - 20_000)).toBe('overdue by 3 minutes');
    expect(formatDueLabel('en', 45_000)).toBe('due in 45 seconds');
    expect(formatDueLabel('ru', minutes(12))).toBe('срок через 12 минут');
    expect(formatDueLabel('uk', -minutes(1))).toBe('прострочено на 1 хвилина');
  });

  it('shows m:ss under an hour, hours and minutes in units under a day, then days and hours, in each language', () => {
    expect(formatCountdown('en', minutes(12) + 5_000)).toBe('12:05');
    expect(formatCountdown('en', minutes(5) + 29_000)).toBe('5:29');
    expect(formatCountdown('en', -minutes(5) - 29_000)).toBe('−5:29');
    expect(formatCountdown('en', -hours(1) - minutes(22))).toBe('−1 h 22 min');
    expect(formatCountdown('en', hours(2) + minutes(7))).toBe('2 h 7 min');
    expect(formatCountdown('en', hours(2))).toBe('2 h');
    expect(formatCountdown('en', hours(24 * 3 + 4))).toBe('3 d 4 h');
    expect(formatCountdown('en', -hours(24 * 9))).toBe('−9 d');
    expect(formatCountdown('ru', -hours(1) - minutes(22))).toBe('−1 ч 22 мин');
    expect(formatCountdown('ru', hours(24 * 3 + 4))).toBe('3 д 4 ч');
    expect(formatCountdown('uk', hours(1) + minutes(22))).toBe('1 год 22 хв');
    expect(formatCountdown('uk', hours(24 * 3 + 4))).toBe('3 дн 4 год');
    // Under a second past due is not yet "−0:00".
    expect(formatCountdown('en', -400)).toBe('0:00');
  });

  it('gives the exact due time in the support zone, and in the agent\'s own zone when it differs', () => {
    const due = at('2026-11-30 10:20');
    expect(formatDueAt('en', due, 'Europe/Kyiv', 'Europe/Kyiv')).toBe('due Mon 30 Nov 10:20 support time (Europe/Kyiv)');
    expect(formatDueAt('en', due, 'Europe/Kyiv', 'Europe/Berlin')).toBe('due Mon 30 Nov 10:20 support time (Europe/Kyiv); Mon 09:20 your time (Europe/Berlin)');
    expect(formatDueAt('uk', due, 'Europe/Kyiv', 'UTC')).toBe('термін пн 30 лист. 10:20 за часом підтримки (Europe/Kyiv); пн 08:20 за вашим часом (UTC)');
    expect(formatDueAt('ru', due, 'Europe/Kyiv', 'Europe/Kyiv')).toBe('срок пн 30 нояб. 10:20 по времени поддержки (Europe/Kyiv)');
  });

  it('formats instants in the support zone and the language', () => {
    const monday9 = at('2026-11-30 09:00');
    expect(formatInstant('en', monday9, 'Europe/Kyiv')).toBe('Mon 09:00');
    expect(formatInstant('uk', monday9, 'Europe/Kyiv')).toBe('пн 09:00');
  });
});

describe('notificationText', () => {
  it('translates the decision and the tier it names', () => {
    const decision = { titleKey: 'notify.ticketCreated.title', bodyKey: 'notify.ticketCreated.body', params: { number: 42, subject: 'Calls drop', tier: 'l2-analysts' } } as const;
    expect(notificationText('en', decision)).toEqual({ title: 'New ticket in L2 analysts', body: '#42 Calls drop' });
    expect(notificationText('uk', decision).title).toBe('Новий тікет: Аналітики (L2)');
  });

  it('names an outage\'s function groups and its minutes in the agent\'s language', () => {
    const params = { number: 42, subject: 'Calls drop', tier: 'l1', outage: 3, groups: 'autodialer,inbound', minutes: 10 };
    const warning = { titleKey: 'notify.outage.warning.title', bodyKey: 'notify.outage.warning.body', params } as const;
    expect(notificationText('en', warning)).toEqual({ title: 'Outage #3: 10 minutes left to restore', body: 'Autodialer, Inbound call processing · #42 Calls drop' });
    expect(notificationText('ru', warning).title).toBe('Авария №3: до восстановления 10 минут');
    const overlong = { titleKey: 'notify.outage.overlong.title', bodyKey: 'notify.outage.overlong.body', params: { ...params, groups: 'inbound', minutes: 30 } } as const;
    expect(notificationText('uk', overlong)).toEqual({ title: 'Аварія №3 триває понад 30 хвилин', body: 'Обробка вхідних викликів · №42 Calls drop' });
  });
});
