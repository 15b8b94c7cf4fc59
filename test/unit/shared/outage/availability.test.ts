import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityReport, budgetBurnDown, type AvailabilityClient, type AvailabilityOutage } from '../../../../shared/outage/index.ts';
import type { FunctionGroup } from '../../../../shared/sla/index.ts';

// Every instant is written in UTC by hand; Kyiv is UTC+2 in winter, UTC+3 in summer.
const iso = (s: string): number => Date.parse(s);
const MIN = 60_000;
const HOUR = 60 * MIN;
const BUDGET = 8 * HOUR;
const ZONE = 'Europe/Kyiv';

let nextId = 1;
const outage = (groups: readonly FunctionGroup[], from: string, to: string | null, exclusionReason: string | null = null): AvailabilityOutage => ({
  id: nextId++,
  groups,
  startedAt: iso(from),
  restoredAt: to === null ? null : iso(to),
  excluded: exclusionReason !== null,
  exclusionReason,
});
const ALPHA: AvailabilityClient = { id: 11, name: 'Alpha', primaryGroup: 'autodialer' };
const BETA: AvailabilityClient = { id: 12, name: 'Beta', primaryGroup: 'inbound' };
const GAMMA: AvailabilityClient = { id: 13, name: 'Gamma', primaryGroup: 'inbound' };
const group = (r: ReturnType<typeof availabilityReport>, g: FunctionGroup) => r.groups.find((x) => x.group === g);

describe('availabilityReport (R17-R20, R27)', () => {
  it('a plain year: downtime, the 8-hour budget, remaining, uptime, count and the overlong outage per group, and each client by its primary group', () => {
    const dialer1 = outage(['autodialer'], '2026-02-10T01:00:00Z', '2026-02-10T01:20:00Z'); // 20 min
    const inbound = outage(['inbound'], '2026-04-15T11:00:00Z', '2026-04-15T11:12:00Z'); // 12 min
    const dialer2 = outage(['autodialer'], '2026-07-07T23:10:00Z', '2026-07-07T23:57:00Z'); // 47 min: overlong
    const r = availabilityReport([dialer2, inbound, dialer1], [ALPHA, BETA, GAMMA], { year: 2026, now: iso('2026-11-25T10:00:00Z'), zone: ZONE });
    expect(r).toEqual({
      year: 2026,
      zone: ZONE,
      // 00:00 on 1 January in Kyiv (UTC+2).
      yearStart: iso('2025-12-31T22:00:00Z'),
      yearEnd: iso('2026-12-31T22:00:00Z'),
      asOf: iso('2026-11-25T10:00:00Z'),
      groups: [
        {
          group: 'autodialer',
          downtimeMs: 4_020_000,
          budgetMs: 28_800_000,
          remainingBudgetMs: 24_780_000,
          uptime: expect.closeTo(0.9998725266362, 12),
          outageCount: 2,
          overlong: [{ id: dialer2.id, startedAt: iso('2026-07-07T23:10:00Z'), restoredAt: iso('2026-07-07T23:57:00Z'), durationMs: 2_820_000 }],
          excluded: [],
        },
        { group: 'inbound', downtimeMs: 720_000, budgetMs: 28_800_000, remainingBudgetMs: 28_080_000, uptime: expect.closeTo(1 - 720_000 / 31_536_000_000, 12), outageCount: 1, overlong: [], excluded: [] },
      ],
      clients: [
        { client: { id: 11, name: 'Alpha', primaryGroup: 'autodialer' }, downtimeMs: 4_020_000, budgetMs: 28_800_000, remainingBudgetMs: 24_780_000, uptime: expect.closeTo(0.9998725266362, 12), overlongCount: 1 },
        { client: { id: 12, name: 'Beta', primaryGroup: 'inbound' }, downtimeMs: 720_000, budgetMs: 28_800_000, remainingBudgetMs: 28_080_000, uptime: expect.closeTo(0.99997716894977, 12), overlongCount: 0 },
        { client: { id: 13, name: 'Gamma', primaryGroup: 'inbound' }, downtimeMs: 720_000, budgetMs: 28_800_000, remainingBudgetMs: 28_080_000, uptime: expect.closeTo(0.99997716894977, 12), overlongCount: 0 },
      ],
    });
  });

  it('splits an outage across New Year at midnight in Kyiv: 20 minutes for 2026, 25 for 2027, overlong (45 min) in both', () => {
    // 23:40 on 31 December to 00:25 on 1 January, Kyiv time.
    const ny = outage(['inbound'], '2026-12-31T21:40:00Z', '2026-12-31T22:25:00Z');
    const now = iso('2027-03-01T10:00:00Z');
    const y2026 = group(availabilityReport([ny], [], { year: 2026, now, zone: ZONE }), 'inbound');
    const y2027 = group(availabilityReport([ny], [], { year: 2027, now, zone: ZONE }), 'inbound');
    expect(y2026).toMatchObject({ downtimeMs: 20 * MIN, remainingBudgetMs: BUDGET - 20 * MIN, outageCount: 1 });
    expect(y2027).toMatchObject({ downtimeMs: 25 * MIN, remainingBudgetMs: BUDGET - 25 * MIN, outageCount: 1 });
    const whole = [{ id: ny.id, startedAt: ny.startedAt, restoredAt: ny.restoredAt, durationMs: 45 * MIN }];
    expect(y2026?.overlong).toEqual(whole);
    expect(y2027?.overlong).toEqual(whole);
    // In UTC the whole outage is still 2026 (it ends at 22:25 UTC on 31 December).
    expect(group(availabilityReport([ny], [], { year: 2026, now, zone: 'UTC' }), 'inbound')?.downtimeMs).toBe(45 * MIN);
    expect(group(availabilityReport([ny], [], { year: 2027, now, zone: 'UTC' }), 'inbound')?.downtimeMs).toBe(0);
  });

  it('divides by 366 days in a leap year (2028), and an outage of exactly 30 minutes is not overlong (R18)', () => {
    const leap = outage(['autodialer'], '2028-02-29T08:00:00Z', '2028-02-29T08:30:00Z');
    const r = availabilityReport([leap], [ALPHA], { year: 2028, now: iso('2028-06-01T00:00:00Z'), zone: ZONE });
    expect(r.yearEnd - r.yearStart).toBe(366 * 24 * HOUR);
    expect(group(r, 'autodialer')).toMatchObject({ downtimeMs: 30 * MIN, remainingBudgetMs: 27_000_000, outageCount: 1, overlong: [] });
    // 1 - 1,800,000 / 31,622,400,000
    expect(group(r, 'autodialer')?.uptime).toBeCloseTo(0.9999430783242, 12);
    expect(r.clients[0]?.uptime).toBeCloseTo(0.9999430783242, 12);
  });

  it('lists excluded outages with their reason and whole duration, and counts none of them (R27)', () => {
    const carrier = outage(['inbound'], '2026-06-02T07:00:00Z', '2026-06-02T08:30:00Z', "The customer's GSM operator was down");
    const counted = outage(['inbound'], '2026-06-10T07:00:00Z', '2026-06-10T07:10:00Z');
    const r = availabilityReport([carrier, counted], [BETA], { year: 2026, now: iso('2026-11-25T10:00:00Z'), zone: ZONE });
    expect(group(r, 'inbound')).toMatchObject({
      downtimeMs: 10 * MIN,
      outageCount: 1,
      overlong: [],
      excluded: [{ id: carrier.id, startedAt: carrier.startedAt, restoredAt: carrier.restoredAt, durationMs: 90 * MIN, reason: "The customer's GSM operator was down" }],
    });
    expect(group(r, 'autodialer')?.excluded).toEqual([]);
    expect(r.clients[0]).toMatchObject({ downtimeMs: 10 * MIN, overlongCount: 0 });
  });

  it('counts overlapping outages of one group once', () => {
    const a = outage(['autodialer'], '2026-03-02T08:00:00Z', '2026-03-02T08:20:00Z');
    const b = outage(['autodialer'], '2026-03-02T08:10:00Z', '2026-03-02T08:40:00Z');
    const r = availabilityReport([a, b], [], { year: 2026, now: iso('2026-11-25T10:00:00Z'), zone: ZONE });
    // 08:00-08:40: 40 minutes, not 20 + 30.
    expect(group(r, 'autodialer')).toMatchObject({ downtimeMs: 40 * MIN, remainingBudgetMs: BUDGET - 40 * MIN, outageCount: 2, overlong: [] });
  });

  it('counts an outage of both groups in both, so for every client; one group only for its own clients (R20)', () => {
    const both = outage(['autodialer', 'inbound'], '2026-05-05T09:00:00Z', '2026-05-05T09:15:00Z');
    const inbound = outage(['inbound'], '2026-05-06T09:00:00Z', '2026-05-06T09:10:00Z');
    const r = availabilityReport([both, inbound], [ALPHA, BETA], { year: 2026, now: iso('2026-11-25T10:00:00Z'), zone: ZONE });
    expect(group(r, 'autodialer')).toMatchObject({ downtimeMs: 15 * MIN, outageCount: 1 });
    expect(group(r, 'inbound')).toMatchObject({ downtimeMs: 25 * MIN, outageCount: 2 });
    expect(r.clients.map((c) => [c.client.name, c.downtimeMs, c.remainingBudgetMs])).toEqual([
      ['Alpha', 15 * MIN, BUDGET - 15 * MIN],
      ['Beta', 25 * MIN, BUDGET - 25 * MIN],
    ]);
  });

  it('counts an open outage up to now, and lists it as overlong once it passes 30 minutes (R18, R19)', () => {
    const open = outage(['autodialer'], '2026-11-25T09:48:00Z', null);
    const at12 = availabilityReport([open], [ALPHA], { year: 2026, now: iso('2026-11-25T10:00:00Z'), zone: ZONE });
    expect(group(at12, 'autodialer')).toMatchObject({ downtimeMs: 12 * MIN, outageCount: 1, overlong: [] });
    const at43 = availabilityReport([open], [ALPHA], { year: 2026, now: iso('2026-11-25T10:31:00Z'), zone: ZONE });
    expect(group(at43, 'autodialer')).toMatchObject({ downtimeMs: 43 * MIN, overlong: [{ id: open.id, startedAt: open.startedAt, restoredAt: null, durationMs: 43 * MIN }] });
    expect(at43.clients[0]).toMatchObject({ downtimeMs: 43 * MIN, overlongCount: 1 });
    expect(at43.asOf).toBe(iso('2026-11-25T10:31:00Z'));
  });

  it('sorts the overlong and excluded lists by start', () => {
    const late = outage(['inbound'], '2026-09-01T08:00:00Z', '2026-09-01T09:00:00Z');
    const early = outage(['inbound'], '2026-02-01T08:00:00Z', '2026-02-01T09:00:00Z');
    const r = availabilityReport([late, early], [], { year: 2026, now: iso('2026-11-25T10:00:00Z'), zone: ZONE });
    expect(group(r, 'inbound')?.overlong.map((o) => o.id)).toEqual([early.id, late.id]);
  });
});

describe('budgetBurnDown', () => {
  const now = iso('2026-11-25T10:00:00Z');
  const start2026 = iso('2025-12-31T22:00:00Z');
  it('steps at each start and end of a counted outage of the group, from the start of the year to now', () => {
    const outages = [
      outage(['autodialer'], '2026-07-07T23:10:00Z', '2026-07-07T23:57:00Z'),
      outage(['autodialer'], '2026-02-10T01:00:00Z', '2026-02-10T01:20:00Z'),
      outage(['inbound'], '2026-04-15T11:00:00Z', '2026-04-15T11:12:00Z'),
      outage(['autodialer'], '2026-05-01T11:00:00Z', '2026-05-01T13:00:00Z', 'Power failure at the customer'),
      outage(['autodialer'], '2026-11-25T09:48:00Z', null),
    ];
    expect(budgetBurnDown(outages, 'autodialer', { year: 2026, now, zone: ZONE })).toEqual([
      { at: start2026, downtimeMs: 0, remainingMs: BUDGET },
      { at: iso('2026-02-10T01:00:00Z'), downtimeMs: 0, remainingMs: BUDGET },
      { at: iso('2026-02-10T01:20:00Z'), downtimeMs: 20 * MIN, remainingMs: BUDGET - 20 * MIN },
      { at: iso('2026-07-07T23:10:00Z'), downtimeMs: 20 * MIN, remainingMs: BUDGET - 20 * MIN },
      { at: iso('2026-07-07T23:57:00Z'), downtimeMs: 67 * MIN, remainingMs: BUDGET - 67 * MIN },
      { at: iso('2026-11-25T09:48:00Z'), downtimeMs: 67 * MIN, remainingMs: BUDGET - 67 * MIN },
      { at: now, downtimeMs: 79 * MIN, remainingMs: BUDGET - 79 * MIN },
    ]);
    expect(budgetBurnDown(outages, 'inbound', { year: 2026, now, zone: ZONE }).map((p) => p.downtimeMs)).toEqual([0, 0, 12 * MIN, 12 * MIN]);
  });

  it('ends at the end of a past year, and takes only the new year\'s share of an outage across New Year', () => {
    const ny = outage(['inbound'], '2026-12-31T21:40:00Z', '2026-12-31T22:25:00Z');
    const later = iso('2027-03-01T10:00:00Z');
    expect(budgetBurnDown([ny], 'inbound', { year: 2026, now: later, zone: ZONE })).toEqual([
      { at: start2026, downtimeMs: 0, remainingMs: BUDGET },
      { at: ny.startedAt, downtimeMs: 0, remainingMs: BUDGET },
      { at: iso('2026-12-31T22:00:00Z'), downtimeMs: 20 * MIN, remainingMs: BUDGET - 20 * MIN },
    ]);
    expect(budgetBurnDown([ny], 'inbound', { year: 2027, now: later, zone: ZONE })).toEqual([
      { at: iso('2026-12-31T22:00:00Z'), downtimeMs: 0, remainingMs: BUDGET },
      { at: ny.restoredAt, downtimeMs: 25 * MIN, remainingMs: BUDGET - 25 * MIN },
      { at: later, downtimeMs: 25 * MIN, remainingMs: BUDGET - 25 * MIN },
    ]);
  });

  it('is the start of the year alone for a year that has not begun', () => {
    expect(budgetBurnDown([], 'autodialer', { year: 2027, now, zone: ZONE })).toEqual([{ at: iso('2026-12-31T22:00:00Z'), downtimeMs: 0, remainingMs: BUDGET }]);
  });
});

describe('availability properties', () => {
  const FROM = iso('2025-07-01T00:00:00Z');
  const TO = iso('2027-07-01T00:00:00Z');
  const arbOutage = fc
    .record({
      groups: fc.constantFrom<FunctionGroup[]>(['autodialer'], ['inbound'], ['autodialer', 'inbound']),
      startedAt: fc.integer({ min: FROM, max: TO }),
      // Mostly minutes, sometimes days, so a budget can be overrun.
      lengthMs: fc.oneof(fc.integer({ min: 0, max: 2 * HOUR }), fc.integer({ min: 0, max: 20 * 24 * HOUR })),
      open: fc.boolean(),
      excluded: fc.boolean(),
    })
    .map((o): AvailabilityOutage & { lengthMs: number; open: boolean } => ({ ...o, id: 0, restoredAt: o.open ? null : o.startedAt + o.lengthMs, exclusionReason: o.excluded ? 'R27' : null }));
  const arbCase = fc.record({ outages: fc.array(arbOutage, { maxLength: 12 }), year: fc.constantFrom(2025, 2026, 2027), extraMs: fc.integer({ min: 0, max: 400 * 24 * HOUR }) }).map(({ outages, year, extraMs }) => {
    const list = outages.map((o, i) => ({ ...o, id: i + 1 }));
    // now is after every restore and every open outage's start: the data a service can hold.
    const now = Math.max(FROM, ...list.map((o) => o.restoredAt ?? o.startedAt)) + extraMs;
    return { outages: list, year, now };
  });

  it('downtime never exceeds the year, remaining = budget - downtime, and the burn-down climbs to the same figure', () => {
    fc.assert(
      fc.property(arbCase, ({ outages, year, now }) => {
        const r = availabilityReport(outages, [ALPHA, BETA], { year, now, zone: ZONE });
        for (const g of r.groups) {
          expect(g.downtimeMs).toBeGreaterThanOrEqual(0);
          expect(g.downtimeMs).toBeLessThanOrEqual(r.yearEnd - r.yearStart);
          expect(g.remainingBudgetMs).toBe(g.budgetMs - g.downtimeMs);
          expect(g.budgetMs).toBe(BUDGET);
          const points = budgetBurnDown(outages, g.group, { year, now, zone: ZONE });
          expect(points[0]?.at).toBe(r.yearStart);
          expect(points.at(-1)?.at).toBe(Math.max(r.yearStart, Math.min(now, r.yearEnd)));
          expect(points.at(-1)?.downtimeMs).toBe(g.downtimeMs);
          for (const [i, p] of points.entries()) {
            expect(p.remainingMs).toBe(BUDGET - p.downtimeMs);
            if (i > 0) {
              const before = points[i - 1];
              expect(p.at).toBeGreaterThan(before?.at ?? 0);
              expect(p.downtimeMs).toBeGreaterThanOrEqual(before?.downtimeMs ?? 0);
              // It grows at most as fast as time passes.
              expect(p.downtimeMs - (before?.downtimeMs ?? 0)).toBeLessThanOrEqual(p.at - (before?.at ?? 0));
            }
          }
        }
        for (const c of r.clients) expect(c.downtimeMs).toBe(group(r, c.client.primaryGroup)?.downtimeMs);
      }),
      { numRuns: 300 },
    );
  });

  it('excluding an outage never increases downtime, and lists it among the excluded of its groups', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), ({ outages, year, now }, pick) => {
        fc.pre(outages.length > 0);
        const i = pick % outages.length;
        const target = outages[i] as AvailabilityOutage;
        const excluded = outages.map((o, j) => (j === i ? { ...o, excluded: true, exclusionReason: 'carrier' } : o));
        const before = availabilityReport(outages, [], { year, now, zone: ZONE });
        const after = availabilityReport(excluded, [], { year, now, zone: ZONE });
        for (const g of after.groups) {
          const was = group(before, g.group);
          expect(g.downtimeMs).toBeLessThanOrEqual(was?.downtimeMs ?? 0);
          expect(g.overlong.length).toBeLessThanOrEqual(was?.overlong.length ?? 0);
          expect(g.outageCount).toBeLessThanOrEqual(was?.outageCount ?? 0);
          if (!target.groups.includes(g.group)) expect(g).toEqual(was);
          // Listed where it was listed or counted before, now with its reason.
          const listed = (was?.excluded.some((o) => o.id === target.id) ?? false) || (was?.overlong.some((o) => o.id === target.id) ?? false);
          if (listed) expect(g.excluded.find((o) => o.id === target.id)?.reason).toBe('carrier');
        }
      }),
      { numRuns: 300 },
    );
  });
});
