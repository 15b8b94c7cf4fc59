/** The outage rules (docs/availability.md): start at the earliest receipt (R19), the 30-minute limit (R18), restore bounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRestoreAt, isOverlong, outageDurationMs, outageStart, outageWarnAt, restoreBy, toEngineOutage } from '../../../../shared/outage/index.ts';
import { computeAvailability, DEFAULT_POLICY } from '../../../../shared/sla/index.ts';
import { at, minutes, wall } from '../../../support/time.ts';

describe('outageStart (R19)', () => {
  it('is the earliest receipt, not the first linked or the declaration', () => {
    expect(outageStart([at('2026-11-25 10:20'), at('2026-11-25 10:05'), at('2026-11-25 10:40')])).toBe(at('2026-11-25 10:05'));
    expect(outageStart([at('2026-11-25 10:20')])).toBe(at('2026-11-25 10:20'));
  });

  it('is null without tickets', () => {
    expect(outageStart([])).toBeNull();
  });

  it('whatever the order of links and unlinks, the start is the earliest receipt still linked; a link never moves it later, an unlink never earlier', () => {
    const op = fc.oneof(fc.record({ link: fc.integer({ min: 0, max: 10_000_000 }) }), fc.record({ unlink: fc.nat() }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(op, { maxLength: 40 }), (first, ops) => {
        let linked = [first];
        for (const o of ops) {
          const before = outageStart(linked);
          if ('link' in o) {
            linked = [...linked, o.link];
            expect(outageStart(linked)).toBeLessThanOrEqual(before ?? Infinity);
          } else if (linked.length > 1) {
            // The service refuses to unlink the last ticket.
            const i = o.unlink % linked.length;
            linked = linked.filter((_, j) => j !== i);
            expect(outageStart(linked)).toBeGreaterThanOrEqual(before ?? -Infinity);
          }
          const sorted = [...linked].sort((a, b) => a - b);
          expect(outageStart(linked)).toBe(sorted[0]);
          expect(outageStart([...linked].reverse())).toBe(sorted[0]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('restoreBy and outageWarnAt (R18, on the 24/7 calendar)', () => {
  it('the limit is start + 30 minutes and the warning 10 minutes before it', () => {
    const start = at('2026-11-25 10:05');
    expect(restoreBy(start)).toBe(at('2026-11-25 10:35'));
    expect(outageWarnAt(start)).toBe(at('2026-11-25 10:25'));
  });

  it('counts real minutes round the clock: at night, on a holiday, across the spring-forward hour', () => {
    expect(wall(restoreBy(at('2026-01-01 02:00')))).toBe('2026-01-01 02:30');
    // Kyiv moves 03:00 to 04:00 on 2026-03-29: 30 minutes from 02:50 is 04:20 on the wall.
    expect(wall(restoreBy(at('2026-03-29 02:50')))).toBe('2026-03-29 04:20');
    expect(restoreBy(at('2026-03-29 02:50')) - at('2026-03-29 02:50')).toBe(minutes(30));
  });

  it('follows the policy', () => {
    const policy = { ...DEFAULT_POLICY, availability: { ...DEFAULT_POLICY.availability, maxOutageMs: minutes(60) } };
    expect(restoreBy(0, policy)).toBe(minutes(60));
    expect(outageWarnAt(0, policy)).toBe(minutes(50));
  });
});

describe('outageDurationMs and isOverlong (R18)', () => {
  const start = at('2026-11-25 10:00');
  it('an open outage counts to now, a restored one to its restore', () => {
    expect(outageDurationMs({ startedAt: start, restoredAt: null }, start + minutes(12))).toBe(minutes(12));
    expect(outageDurationMs({ startedAt: start, restoredAt: start + minutes(5) }, start + minutes(90))).toBe(minutes(5));
  });

  it('exactly 30 minutes is within the limit; a millisecond more is overlong', () => {
    expect(isOverlong({ startedAt: start, restoredAt: start + minutes(30) }, start + minutes(90))).toBe(false);
    expect(isOverlong({ startedAt: start, restoredAt: start + minutes(30) + 1 }, start + minutes(90))).toBe(true);
    expect(isOverlong({ startedAt: start, restoredAt: null }, start + minutes(30))).toBe(false);
    expect(isOverlong({ startedAt: start, restoredAt: null }, start + minutes(31))).toBe(true);
  });
});

describe('checkRestoreAt', () => {
  const start = at('2026-11-25 10:00');
  const now = at('2026-11-25 11:00');
  it('accepts the start of downtime, now, and anything between', () => {
    expect(checkRestoreAt(start, start, now)).toBeNull();
    expect(checkRestoreAt(now, start, now)).toBeNull();
    expect(checkRestoreAt(start + minutes(20), start, now)).toBeNull();
  });

  it('refuses an end before the start, or in the future', () => {
    expect(checkRestoreAt(start - 1, start, now)).toBe('before_start');
    expect(checkRestoreAt(now + 1, start, now)).toBe('in_future');
  });
});

describe('toEngineOutage', () => {
  it('hands the SLA engine the start as the report time, the restore and the exclusion', () => {
    expect(toEngineOutage({ id: 7, groups: ['inbound'], startedAt: 1000, restoredAt: 2000, excluded: true })).toEqual({ id: '7', groups: ['inbound'], reportedAt: 1000, restoredAt: 2000, excluded: true });
  });

  it('an outage across New Year in the support zone counts in each year for its part', () => {
    const o = toEngineOutage({ id: 1, groups: ['autodialer'], startedAt: at('2026-12-31 23:50'), restoredAt: at('2027-01-01 00:20'), excluded: false });
    const now = at('2027-06-01 00:00');
    expect(computeAvailability([o], { year: 2026, now }).groups.autodialer.downtimeMs).toBe(minutes(10));
    expect(computeAvailability([o], { year: 2027, now }).groups.autodialer.downtimeMs).toBe(minutes(20));
  });
});
