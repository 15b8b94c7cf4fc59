import { afterEach, describe, expect, it } from 'vitest';
import { ownTimeZone } from '../../../../renderer/time/countdown-text.tsx';
import { dueAtText } from '../../../../renderer/time/countdown.ts';
import { formatDueAt } from '../../../../shared/i18n/index.ts';
import { at } from '../../../support/time.ts';

// Every countdown on screen asks for these on every 1-second tick; they are remembered, and must
// still answer as the functions they stand for.
describe('the own time zone', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is read again at most once a minute, so a computer moved to another zone shows it within a minute', () => {
    const t0 = at('2026-11-30 10:00');
    process.env.TZ = 'Europe/Berlin';
    expect(ownTimeZone(t0)).toBe('Europe/Berlin');
    process.env.TZ = 'America/New_York';
    expect(ownTimeZone(t0 + 59_000)).toBe('Europe/Berlin');
    expect(ownTimeZone(t0 + 60_000)).toBe('America/New_York');
    // A clock set back reads it again too.
    process.env.TZ = 'Asia/Tokyo';
    expect(ownTimeZone(t0)).toBe('Asia/Tokyo');
  });
});

describe('dueAtText', () => {
  const due = at('2026-11-30 10:20');

  it('says what formatDueAt says, for each language and pair of zones', () => {
    const cases = [
      ['en', 'Europe/Kyiv', 'Europe/Kyiv'],
      ['uk', 'Europe/Kyiv', 'Europe/Kyiv'],
      ['en', 'Europe/Kyiv', 'Europe/London'],
      ['ru', 'Europe/Kyiv', 'Europe/London'],
      ['en', 'Europe/Warsaw', 'Europe/London'],
    ] as const;
    // Twice over: the second answer comes from what was remembered.
    for (const round of [1, 2]) {
      for (const [lang, support, own] of cases) expect(dueAtText(lang, due, support, own), `${round}: ${lang} ${support} ${own}`).toBe(formatDueAt(lang, due, support, own));
    }
    expect(dueAtText('en', due, 'Europe/Kyiv', 'Europe/London')).toBe('due Mon 30 Nov 10:20 support time (Europe/Kyiv); Mon 08:20 your time (Europe/London)');
    expect(dueAtText('en', due + 60_000, 'Europe/Kyiv', 'Europe/Kyiv')).toBe('due Mon 30 Nov 10:21 support time (Europe/Kyiv)');
  });

  it('still answers rightly past the 5,000 due times it keeps', () => {
    for (let i = 0; i < 5_001; i++) dueAtText('en', due + i * 60_000, 'Europe/Kyiv', 'Europe/Kyiv');
    expect(dueAtText('en', due, 'Europe/Kyiv', 'Europe/Kyiv')).toBe('due Mon 30 Nov 10:20 support time (Europe/Kyiv)');
    expect(dueAtText('en', due + 5_000 * 60_000, 'Europe/Kyiv', 'Europe/Kyiv')).toBe(formatDueAt('en', due + 5_000 * 60_000, 'Europe/Kyiv', 'Europe/Kyiv'));
  });
});
