import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { HORIZON_MS, LAYERS, onCallAt, type Layer, type OnCallOverride, type OnCallSegment, type Roster, type Rotation } from '../../../../shared/oncall/index.ts';
import { createCalendar } from '../../../../shared/sla/index.ts';
import { nth } from '../../../support/nth.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
// Zones whose DST jumps fall inside a day: Kyiv (1 h at 03:00/04:00), New York (1 h at 02:00), Lord Howe (30 min at 02:00).
const ZONES = ['Europe/Kyiv', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];

/**
 * The naive oracle: walks time minute by minute through luxon. A layer's rotation passes on the
 * first minute whose wall clock shows the hand-over's weekday, a date on or after the start, and
 * a time at or after the hand-over's; each date fires once, so a repeated hour never fires twice.
 */
function oracle(roster: Roster, zone: string, from: number, to: number): Map<number, Record<Layer, number | null>> {
  const out = new Map<number, Record<Layer, number | null>>();
  const iana = IANAZone.create(zone);
  const state = LAYERS.map((layer) => ({ layer, rotation: roster.layers[layer], fired: new Set<string>(), week: -1 }));
  const walkFrom = DateTime.fromISO(`${[roster.layers.primary.start, roster.layers.secondary.start].sort()[0] ?? ''}T00:00`, { zone: 'UTC' }).toMillis() - 2 * DAY;
  for (let t = Math.min(walkFrom, from); t < to; t += MINUTE) {
    // The wall clock from luxon's offset, read as UTC fields (a whole DateTime per minute is too slow).
    const wall = new Date(t + iana.offset(t) * MINUTE);
    const date = wall.toISOString().slice(0, 10);
    const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    const weekday = ((wall.getUTCDay() + 6) % 7) + 1;
    const here = {} as Record<Layer, number | null>;
    for (const s of state) {
      const r = s.rotation;
      const [h, m] = r.rotateAt.time.split(':').map(Number) as [number, number];
      if (weekday === r.rotateAt.weekday && date >= r.start && minute >= h * 60 + m && !s.fired.has(date)) {
        s.fired.add(date);
        s.week++;
      }
      const override = roster.overrides.filter((o) => o.layer === s.layer && o.from <= t && t < o.to).at(-1);
      here[s.layer] = override !== undefined ? override.agentId : s.week < 0 || r.agents.length === 0 ? null : nth(r.agents, s.week % r.agents.length);
    }
    if (t >= from) out.set(t, here);
  }
  return out;
}

const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const rotationArb = (monthStart: number): fc.Arbitrary<Rotation> =>
  fc.record({
    agents: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 4 }),
    start: fc.integer({ min: -20, max: 30 }).map((d) => new Date(monthStart + d * DAY).toISOString().slice(0, 10)),
    rotateAt: fc.record({ weekday: fc.integer({ min: 1, max: 7 }), time: timeArb }),
  }).map((r) => ({ ...r, handovers: [r.rotateAt] }));

const caseArb = fc
  .record({ zone: fc.constantFrom(...ZONES), year: fc.integer({ min: 2025, max: 2027 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ zone, year, month }) => {
    const monthStart = DateTime.fromObject({ year, month, day: 1 }, { zone }).toMillis();
    const monthEnd = DateTime.fromObject({ year, month, day: 1 }, { zone }).plus({ months: 1 }).toMillis();
    const minutes = (monthEnd - monthStart) / MINUTE;
    const overrideArb: fc.Arbitrary<OnCallOverride> = fc
      .record({ layer: fc.constantFrom(...LAYERS), agentId: fc.integer({ min: 1, max: 9 }), start: fc.integer({ min: -600, max: minutes }), length: fc.integer({ min: 1, max: 4 * 1440 }) })
      .map((o) => ({ layer: o.layer, agentId: o.agentId, from: monthStart + o.start * MINUTE, to: monthStart + (o.start + o.length) * MINUTE }));
    return fc.record({
      zone: fc.constant(zone),
      monthStart: fc.constant(monthStart),
      monthEnd: fc.constant(monthEnd),
      roster: fc.record({ layers: fc.record({ primary: rotationArb(monthStart), secondary: rotationArb(monthStart) }), overrides: fc.array(overrideArb, { maxLength: 4 }) }),
    });
  });

describe('onCallAt property', () => {
  it('at every minute of a random month exactly the rota agent (or the override\'s) is on call, as the segments say', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, monthStart, monthEnd, roster }) => {
        const calendar = createCalendar({ zone });
        const expected = oracle(roster, zone, monthStart, monthEnd);
        // Stitch the timeline of the month from answers 14 days apart.
        const segments: OnCallSegment[] = [];
        for (let at = monthStart; at < monthEnd; at += HORIZON_MS) {
          const a = onCallAt(roster, calendar, at);
          const first = { from: at, to: a.until ?? at + HORIZON_MS, primary: a.primary, secondary: a.secondary };
          const all = [first, ...a.next];
          all.forEach((s, i) => {
            expect(s.from).toBeLessThan(s.to);
            if (i > 0) expect(s.from).toBe(nth(all, i - 1).to);
            if (i > 0) expect([s.primary, s.secondary]).not.toEqual([nth(all, i - 1).primary, nth(all, i - 1).secondary]);
          });
          expect(nth(all, all.length - 1).to).toBe(at + HORIZON_MS);
          segments.push(...all);
        }
        let i = 0;
        for (let t = monthStart; t < monthEnd; t += MINUTE) {
          while (nth(segments, i).to <= t) i++;
          const s = nth(segments, i);
          const want = expected.get(t);
          if (want === undefined) throw new Error('the oracle skipped a minute');
          if (s.primary !== want.primary || s.secondary !== want.secondary) {
            throw new Error(`at ${new Date(t).toISOString()} (${zone}): got ${s.primary}/${s.secondary}, oracle ${want.primary}/${want.secondary}`);
          }
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
