import { describe, expect, it } from 'vitest';
import { translator } from '../../../../shared/i18n/index.ts';
import { LANGUAGES } from '../../../../shared/model/index.ts';
import { noticeText, storedNotice, systemMessage, type SystemNotice } from '../../../../shared/tickets/notices.ts';

const ALL: readonly SystemNotice[] = [
  { code: 'resolved_without_reply' },
  { code: 'reopened_by_support' },
  { code: 'escalated', justification: 'The broadcast is on air now.' },
  { code: 'merged_here', number: 17, subject: 'Calls drop' },
  { code: 'duplicate_of', number: 42 },
];

describe('system notices', () => {
  it('reads each notice in every language, with its values, and stores the English text as the body', () => {
    for (const notice of ALL) {
      const texts = LANGUAGES.map((lang) => noticeText(translator(lang), notice));
      expect(new Set(texts).size).toBe(LANGUAGES.length);
      for (const text of texts) {
        if ('number' in notice) expect(text).toContain(String(notice.number));
        if (notice.code === 'escalated') expect(text).toContain(notice.justification);
      }
      expect(systemMessage(notice)).toEqual({ type: 'system', body: noticeText(translator('en'), notice), notice, system: true });
    }
    expect(noticeText(translator('uk'), { code: 'duplicate_of', number: 42 })).toBe('Цей тікет дублює №42; листування триває там.');
  });

  it('reads a stored notice back, and none from what this version does not know (the body is shown instead)', () => {
    for (const notice of ALL) expect(storedNotice(JSON.stringify(notice))).toEqual(notice);
    expect(storedNotice(null)).toBeNull();
    expect(storedNotice('{"code":"from_the_future"}')).toBeNull();
    expect(storedNotice('{"code":"duplicate_of"}')).toBeNull();
    expect(storedNotice('not json')).toBeNull();
  });
});
