import { describe, expect, it } from 'vitest';
import { restorationOf } from '../../../../../renderer/features/outages/restoration.ts';
import { minutes } from '../../../../support/time.ts';

const start = Date.parse('2026-11-28T00:00:00Z');
const open = { startedAt: start, restoredAt: null, restoreBy: start + minutes(30) };

describe('restorationOf (R18: restore within 30 minutes of the first ticket, R19)', () => {
  it('counts down to restoreBy in mm:ss, with the downtime so far', () => {
    expect(restorationOf(open, start + minutes(12) + 1_000, 'en')).toEqual({
      tone: 'running',
      text: '17:59',
      label: '17 minutes left to restore (R18)',
      downtime: 'down 12 minutes',
    });
  });

  it('is at risk in the last 10 minutes (when the service warns)', () => {
    expect(restorationOf(open, start + minutes(20) - 1, 'en').tone).toBe('running');
    expect(restorationOf(open, start + minutes(20), 'en')).toMatchObject({ tone: 'at-risk', text: '10:00' });
  });

  it('past the limit says by how much, in words, and is breached', () => {
    expect(restorationOf(open, start + minutes(30), 'en')).toMatchObject({ tone: 'breached', text: 'over the limit by 0 seconds' });
    expect(restorationOf(open, start + minutes(35) + 20_000, 'en')).toMatchObject({ tone: 'breached', text: 'over the limit by 5 minutes', downtime: 'down 35 minutes' });
    expect(restorationOf(open, start + minutes(35), 'uk').text).toBe('понад термін на 5 хвилин');
  });

  it('once restored, the downtime stops at the restoration', () => {
    expect(restorationOf({ ...open, restoredAt: start + minutes(42) }, start + minutes(90), 'ru')).toEqual({
      tone: 'closed',
      text: 'восстановлено через 42 минуты',
      label: 'восстановлено через 42 минуты',
      downtime: 'простой 42 минуты',
    });
  });
});
