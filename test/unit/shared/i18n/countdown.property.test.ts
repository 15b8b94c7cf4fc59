import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCountdown } from '../../../../shared/i18n/index.ts';
import { LANGUAGES, type Language } from '../../../../shared/model/index.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The units each language writes, as a reader would take them. */
const UNITS: Record<Language, { d: string; h: string; min: string }> = {
  en: { d: 'd', h: 'h', min: 'min' },
  ru: { d: 'д', h: 'ч', min: 'мин' },
  uk: { d: 'дн', h: 'год', min: 'хв' },
};

/**
 * Reads a countdown back as a reader would: the signed start of the bucket it names, in ms, or
 * null when the text fits no pattern of the language. Each pattern reads one way only.
 */
function parse(lang: Language, text: string): number | null {
  const u = UNITS[lang];
  const m = /^(−?)(.*)$/u.exec(text);
  if (m === null) return null;
  const sign = m[1] === '' ? 1 : -1;
  const body = m[2] ?? '';
  const clock = /^(\d{1,2}):(\d\d)$/.exec(body);
  if (clock !== null) {
    const [min, s] = [Number(clock[1]), Number(clock[2])];
    return min < 60 && s < 60 ? sign * (min * MINUTE + s * SECOND) : null;
  }
  const hm = new RegExp(`^(\\d{1,2}) ${u.h}(?: (\\d{1,2}) ${u.min})?$`).exec(body);
  if (hm !== null) {
    const [h, min] = [Number(hm[1]), Number(hm[2] ?? 0)];
    return h >= 1 && h < 24 && min >= 1 === (hm[2] !== undefined) && min < 60 ? sign * (h * HOUR + min * MINUTE) : null;
  }
  const dh = new RegExp(`^(\\d+) ${u.d}(?: (\\d{1,2}) ${u.h})?$`).exec(body);
  if (dh !== null) {
    const [d, h] = [Number(dh[1]), Number(dh[2] ?? 0)];
    return d >= 1 && h >= 1 === (dh[2] !== undefined) && h < 24 ? sign * (d * DAY + h * HOUR) : null;
  }
  return null;
}

/** The bucket a time left falls in: seconds under an hour, minutes under a day, then hours; towards zero. */
function bucket(ms: number): number {
  const abs = Math.abs(ms);
  const unit = abs < HOUR ? SECOND : abs < DAY ? MINUTE : HOUR;
  const start = Math.floor(abs / unit) * unit;
  return start === 0 ? 0 : Math.sign(ms) * start;
}

const remaining = fc.integer({ min: -60 * DAY, max: 60 * DAY });
const language = fc.constantFrom(...LANGUAGES);

describe('formatCountdown (properties)', () => {
  it('reads back to the bucket it was made from, in every language: no text means two durations', () => {
    fc.assert(fc.property(language, remaining, (lang, ms) => {
      expect(parse(lang, formatCountdown(lang, ms))).toBe(bucket(ms));
    }), { numRuns: 2000 });
  });

  it('is monotonic: more time left never reads as less', () => {
    fc.assert(fc.property(language, remaining, remaining, (lang, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(parse(lang, formatCountdown(lang, lo))).toBeLessThanOrEqual(parse(lang, formatCountdown(lang, hi)) ?? Number.NaN);
    }), { numRuns: 2000 });
  });

  it('marks every countdown a second or more past due with the minus sign, and none before', () => {
    fc.assert(fc.property(language, remaining, (lang, ms) => {
      expect(formatCountdown(lang, ms).startsWith('−')).toBe(ms <= -SECOND);
    }), { numRuns: 2000 });
  });

  it('reads the old ambiguous shapes as nothing: "1:22" is 1 min 22 s, never 1 h 22 min', () => {
    expect(parse('en', formatCountdown('en', HOUR + 22 * MINUTE))).toBe(HOUR + 22 * MINUTE);
    expect(formatCountdown('en', HOUR + 22 * MINUTE)).not.toMatch(/:/);
    expect(parse('en', '1:22')).toBe(MINUTE + 22 * SECOND);
  });
});
