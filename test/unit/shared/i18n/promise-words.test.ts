import { describe, expect, it } from 'vitest';
import { promiseInWords } from '../../../../shared/i18n/promise-words.ts';
import type { Language } from '../../../../shared/model/index.ts';
import { createCalendar, DEFAULT_POLICY, slaPromise, type SlaPolicy, type TicketKind } from '../../../../shared/sla/index.ts';
import { at } from '../../../support/time.ts';

const calendar = createCalendar({ holidays: ['2026-12-31'] });
const words = (lang: Language, kind: TicketKind, local: string, policy: SlaPolicy = DEFAULT_POLICY): string =>
  promiseInWords(lang, slaPromise(kind, at(local), { calendar, policy }));

const WEDNESDAY = '2026-11-25 14:15';
const WEDNESDAY_EVENING = '2026-11-25 19:40';
const FRIDAY_EVENING = '2026-11-27 18:30';
const SATURDAY_NIGHT = '2026-11-28 03:00';

describe('promiseInWords (en)', () => {
  it('says by when today during working hours', () => {
    expect(words('en', 'problem', WEDNESDAY)).toBe('A reply within 20 working minutes, by 14:35 today.');
    expect(words('en', 'bug', WEDNESDAY)).toBe('A reply within 20 working minutes, by 14:35 today.');
    expect(words('en', 'question', WEDNESDAY)).toBe('An answer within 1 working hour, by 15:15 today.');
  });

  it('says that it is after hours and when the clock runs out', () => {
    expect(words('en', 'problem', WEDNESDAY_EVENING)).toBe('A reply within 20 working minutes; now outside working hours, so by 09:20 tomorrow.');
    expect(words('en', 'problem', '2026-11-25 07:30')).toBe('A reply within 20 working minutes; now outside working hours, so by 09:20 today.');
  });

  it('takes a Friday evening to Monday, and a ticket filed in hours may be due tomorrow', () => {
    expect(words('en', 'problem', FRIDAY_EVENING)).toBe('A reply within 20 working minutes; now outside working hours, so by Monday 09:20.');
    expect(words('en', 'question', SATURDAY_NIGHT)).toBe('An answer within 1 working hour; now outside working hours, so by Monday 10:00.');
    expect(words('en', 'problem', '2026-11-25 17:50')).toBe('A reply within 20 working minutes, by 09:10 tomorrow.');
  });

  it('gives a suggestion a month, by a date, even at night; the year when it is another', () => {
    expect(words('en', 'suggestion', SATURDAY_NIGHT)).toBe('A reply within a month, by 28 December.');
    expect(words('en', 'suggestion', '2026-12-05 12:00')).toBe('A reply within a month, by 5 January 2027.');
  });

  it('names the date when the due day is a week or more away', () => {
    const long = createCalendar({ holidays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05'] });
    expect(promiseInWords('en', slaPromise('problem', at('2026-12-25 19:00'), { calendar: long }))).toBe(
      'A reply within 20 working minutes; now outside working hours, so by 6 January 2027, 09:20.',
    );
  });

  it('follows the policy: other durations in working hours or minutes, several months', () => {
    const policy: SlaPolicy = {
      ...DEFAULT_POLICY,
      targets: {
        ...DEFAULT_POLICY.targets,
        reaction: { ...DEFAULT_POLICY.targets.reaction, duration: { ms: 90 * 60_000 } },
        consultation: { ...DEFAULT_POLICY.targets.consultation, duration: { ms: 2 * 3_600_000 } },
        suggestion: { ...DEFAULT_POLICY.targets.suggestion, duration: { months: 2 } },
      },
    };
    expect(words('en', 'problem', WEDNESDAY, policy)).toBe('A reply within 90 working minutes, by 15:45 today.');
    expect(words('en', 'question', WEDNESDAY, policy)).toBe('An answer within 2 working hours, by 16:15 today.');
    expect(words('en', 'suggestion', WEDNESDAY, policy)).toBe('A reply within 2 months, by 25 January 2027.');
  });
});

describe('promiseInWords (ru)', () => {
  it('in hours, after hours, Friday evening, a suggestion', () => {
    expect(words('ru', 'problem', WEDNESDAY)).toBe('Ответ в течение 20 рабочих минут, сегодня до 14:35.');
    expect(words('ru', 'question', WEDNESDAY)).toBe('Ответ на вопрос в течение 1 рабочего часа, сегодня до 15:15.');
    expect(words('ru', 'bug', WEDNESDAY_EVENING)).toBe('Ответ в течение 20 рабочих минут; сейчас нерабочее время, поэтому завтра до 09:20.');
    expect(words('ru', 'problem', FRIDAY_EVENING)).toBe('Ответ в течение 20 рабочих минут; сейчас нерабочее время, поэтому в понедельник до 09:20.');
    expect(words('ru', 'suggestion', SATURDAY_NIGHT)).toBe('Ответ в течение месяца, до 28 декабря.');
  });

  it('declines the numbers (1 рабочей минуты, 2 и 5 рабочих часов, 21 рабочей минуты)', () => {
    const policy = (reaction: number, consultation: number): SlaPolicy => ({
      ...DEFAULT_POLICY,
      targets: {
        ...DEFAULT_POLICY.targets,
        reaction: { ...DEFAULT_POLICY.targets.reaction, duration: { ms: reaction * 60_000 } },
        consultation: { ...DEFAULT_POLICY.targets.consultation, duration: { ms: consultation * 3_600_000 } },
      },
    });
    expect(words('ru', 'problem', WEDNESDAY, policy(1, 2))).toMatch(/^Ответ в течение 1 рабочей минуты,/);
    expect(words('ru', 'problem', WEDNESDAY, policy(21, 2))).toMatch(/^Ответ в течение 21 рабочей минуты,/);
    expect(words('ru', 'question', WEDNESDAY, policy(21, 2))).toMatch(/^Ответ на вопрос в течение 2 рабочих часов,/);
    expect(words('ru', 'question', '2026-11-25 09:00', policy(21, 5))).toMatch(/^Ответ на вопрос в течение 5 рабочих часов,/);
  });
});

describe('promiseInWords (uk)', () => {
  it('in hours, after hours, Friday evening, a suggestion', () => {
    expect(words('uk', 'problem', WEDNESDAY)).toBe('Відповідь протягом 20 робочих хвилин, сьогодні до 14:35.');
    expect(words('uk', 'question', WEDNESDAY)).toBe('Відповідь на питання протягом 1 робочої години, сьогодні до 15:15.');
    expect(words('uk', 'bug', WEDNESDAY_EVENING)).toBe('Відповідь протягом 20 робочих хвилин; зараз неробочий час, тому завтра до 09:20.');
    expect(words('uk', 'problem', FRIDAY_EVENING)).toBe('Відповідь протягом 20 робочих хвилин; зараз неробочий час, тому у понеділок до 09:20.');
    expect(words('uk', 'suggestion', SATURDAY_NIGHT)).toBe('Відповідь протягом місяця, до 28 грудня.');
  });

  it('names a Friday with its apostrophe, and a date in the genitive', () => {
    expect(words('uk', 'problem', '2026-11-26 18:30')).toBe('Відповідь протягом 20 робочих хвилин; зараз неробочий час, тому завтра до 09:20.');
    expect(words('uk', 'question', '2026-11-24 18:30')).toMatch(/завтра до 10:00\.$/);
    const fridayAfterHoliday = createCalendar({ holidays: ['2026-11-26'] }); // Thursday off: Wednesday evening -> Friday
    expect(promiseInWords('uk', slaPromise('problem', at(WEDNESDAY_EVENING), { calendar: fridayAfterHoliday }))).toBe(
      'Відповідь протягом 20 робочих хвилин; зараз неробочий час, тому у п’ятницю до 09:20.',
    );
    expect(words('uk', 'suggestion', '2026-12-05 12:00')).toBe('Відповідь протягом місяця, до 5 січня 2027.');
  });
});
