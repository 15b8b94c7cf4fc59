import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onCallAt, withoutAgent, type Rotation } from '../../../../shared/oncall/index.ts';
import { createCalendar } from '../../../../shared/sla/index.ts';

const kyiv = createCalendar();
const WEEK = 7 * 24 * 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const rotation = (agents: number[]): Rotation => ({ agents, start: '2026-11-23', handovers: [{ weekday: 1, time: '09:00' }], rotateAt: { weekday: 1, time: '09:00' } });
/** The primary agent at `t` for this rotation. */
const holder = (r: Rotation, t: number) => onCallAt({ layers: { primary: r, secondary: rotation([]) }, overrides: [] }, kyiv, t).primary;

describe('withoutAgent: a deactivated agent leaves a rotation from now on', () => {
  // Week 0 from Monday 2026-11-23 09:00 Kyiv: 1, then 2, 3, 4, 1, ...
  const r = rotation([1, 2, 3, 4]);
  const thirdWeek = at('2026-12-09T10:00:00Z');

  it('whoever holds the layer keeps it; the removed agent is skipped from then on', () => {
    expect(holder(r, thirdWeek)).toBe(3);
    const next = withoutAgent(r, 2, 'Europe/Kyiv', thirdWeek);
    expect([...next.agents].sort()).toEqual([1, 3, 4]);
    expect([0, 1, 2, 3].map((k) => holder(next, thirdWeek + k * WEEK))).toEqual([3, 4, 1, 3]);
  });

  it('when it was them, the next one in order takes over at once', () => {
    const next = withoutAgent(r, 3, 'Europe/Kyiv', thirdWeek);
    expect([0, 1, 2, 3].map((k) => holder(next, thirdWeek + k * WEEK))).toEqual([4, 1, 2, 4]);
  });

  it('an agent listed twice leaves both places; the others keep their turns', () => {
    const twice = rotation([1, 2, 1, 3]);
    expect(holder(twice, thirdWeek)).toBe(1);
    const next = withoutAgent(twice, 1, 'Europe/Kyiv', thirdWeek);
    expect([0, 1, 2].map((k) => holder(next, thirdWeek + k * WEEK))).toEqual([3, 2, 3]);
  });

  it('before the rotation starts, or for an agent not in it, only the list changes (or nothing)', () => {
    expect(withoutAgent(r, 1, 'Europe/Kyiv', at('2026-11-20T10:00:00Z')).agents).toEqual([2, 3, 4]);
    expect(withoutAgent(r, 9, 'Europe/Kyiv', thirdWeek)).toBe(r);
    expect(withoutAgent(rotation([5]), 5, 'Europe/Kyiv', thirdWeek).agents).toEqual([]);
  });

  it('for any rotation and instant: the agent is gone, the holder stays (or passes to the next), and the rest keep their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 60 }), (agents, gone, weeks) => {
        const rot = rotation(agents);
        const t = at('2026-11-23T07:00:00Z') + weeks * WEEK + 3_600_000;
        const next = withoutAgent(rot, gone, 'Europe/Kyiv', t);
        expect(next.agents).not.toContain(gone);
        const remaining = agents.filter((a) => a !== gone);
        expect([...next.agents].sort()).toEqual([...remaining].sort());
        if (remaining.length === 0) return;
        const before = holder(rot, t);
        const now = holder(next, t);
        if (before !== gone) expect(now).toBe(before);
        // The rest follow in the original cyclic order.
        const seq = Array.from({ length: remaining.length }, (_, k) => holder(next, t + k * WEEK));
        const start = remaining.indexOf(now as number);
        expect(seq).toEqual(Array.from({ length: remaining.length }, (_, k) => remaining[(start + k) % remaining.length]));
      }),
    );
  });
});
