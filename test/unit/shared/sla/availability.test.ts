import { describe, expect, it } from 'vitest';
import { clientAvailability, computeAvailability, yearBounds, yearOf, type Outage } from '../../../../shared/sla/index.ts';
import { at, hours, minutes } from '../../../support/time.ts';

const outage = (id: string, groups: Outage['groups'], from: string, to: string | null, excluded?: boolean): Outage => ({
  id,
  groups,
  reportedAt: at(from),
  restoredAt: to === null ? null : at(to),
  ...(excluded === undefined ? {} : { excluded }),
});
const now = at('2026-11-25 12:00');
const YEAR_2026 = 365 * 24 * hours(1);

describe('computeAvailability (R17-R20, R27)', () => {
  it('counts downtime per function group with an 8-hour budget (R17, R20)', () => {
    const a = computeAvailability([outage('o1', ['inbound'], '2026-03-02 10:00', '2026-03-02 10:20')], { year: 2026, now });
    expect(a.groups.inbound).toMatchObject({ downtimeMs: minutes(20), budgetMs: hours(8), remainingBudgetMs: hours(8) - minutes(20) });
    expect(a.groups.inbound.uptime).toBeCloseTo(1 - minutes(20) / YEAR_2026, 12);
    expect(a.groups.autodialer).toMatchObject({ downtimeMs: 0, uptime: 1, overlong: [] });
  });

  it('counts an outage of both groups for every client (R20)', () => {
    const a = computeAvailability([outage('o1', ['autodialer', 'inbound'], '2026-03-02 10:00', '2026-03-02 10:20')], { year: 2026, now });
    expect(clientAvailability(a, 'autodialer').downtimeMs).toBe(minutes(20));
    expect(clientAvailability(a, 'inbound').downtimeMs).toBe(minutes(20));
  });

  it('gives a client the downtime of its primary group only (R20)', () => {
    const a = computeAvailability([outage('o1', ['autodialer'], '2026-03-02 10:00', '2026-03-02 10:20')], { year: 2026, now });
    expect(clientAvailability(a, 'autodialer').downtimeMs).toBe(minutes(20));
    expect(clientAvailability(a, 'inbound').downtimeMs).toBe(0);
  });

  it('does not count overlapping outages of one group twice', () => {
    const a = computeAvailability(
      [
        outage('o1', ['inbound'], '2026-03-02 10:00', '2026-03-02 10:20'),
        outage('o2', ['inbound'], '2026-03-02 10:10', '2026-03-02 10:30'),
        outage('o3', ['inbound'], '2026-03-02 10:12', '2026-03-02 10:15'),
      ],
      { year: 2026, now },
    );
    expect(a.groups.inbound.downtimeMs).toBe(minutes(30));
  });

  it('leaves out outages caused outside the service (R27)', () => {
    const a = computeAvailability([outage('o1', ['inbound'], '2026-03-02 10:00', '2026-03-02 12:00', true)], { year: 2026, now });
    expect(a.groups.inbound).toMatchObject({ downtimeMs: 0, overlong: [] });
  });

  it('counts an open outage until now (R19: from the report)', () => {
    const a = computeAvailability([outage('o1', ['autodialer'], '2026-11-25 11:15', null)], { year: 2026, now });
    expect(a.groups.autodialer.downtimeMs).toBe(minutes(45));
    expect(a.groups.autodialer.overlong).toEqual([expect.objectContaining({ id: 'o1', durationMs: minutes(45) })]);
  });

  it('lists outages longer than 30 minutes (R18), not those of exactly 30', () => {
    const a = computeAvailability(
      [outage('short', ['inbound'], '2026-03-02 10:00', '2026-03-02 10:30'), outage('long', ['inbound'], '2026-04-02 10:00', '2026-04-02 10:30:00.001')],
      { year: 2026, now },
    );
    expect(a.groups.inbound.overlong.map((o) => o.id)).toEqual(['long']);
  });

  it('splits an outage across New Year in the support zone, and calls it overlong in both years', () => {
    const outages = [outage('ny', ['inbound'], '2026-12-31 23:45', '2027-01-01 00:20')];
    const y2026 = computeAvailability(outages, { year: 2026, now: at('2027-02-01 00:00') });
    const y2027 = computeAvailability(outages, { year: 2027, now: at('2027-02-01 00:00') });
    expect(y2026.groups.inbound.downtimeMs).toBe(minutes(15));
    expect(y2027.groups.inbound.downtimeMs).toBe(minutes(20));
    expect(y2026.groups.inbound.overlong[0]?.durationMs).toBe(minutes(35));
    expect(y2027.groups.inbound.overlong[0]?.durationMs).toBe(minutes(35));
  });

  it('uses the support zone for the year edges, not UTC', () => {
    // 00:30 on 1 January in Kyiv is still 2026 in UTC.
    const outages = [outage('o', ['inbound'], '2027-01-01 00:30', '2027-01-01 00:40')];
    expect(computeAvailability(outages, { year: 2026, now: at('2027-02-01 00:00') }).groups.inbound.downtimeMs).toBe(0);
    expect(computeAvailability(outages, { year: 2026, now: at('2027-02-01 00:00'), zone: 'UTC' }).groups.inbound.downtimeMs).toBe(minutes(10));
  });

  it('goes negative on the remaining budget once it is overrun, and divides by a leap year', () => {
    const a = computeAvailability([outage('o', ['autodialer'], '2028-02-29 00:00', '2028-02-29 09:00')], { year: 2028, now: at('2028-06-01 00:00') });
    expect(a.groups.autodialer.remainingBudgetMs).toBe(-hours(1));
    expect(a.groups.autodialer.uptime).toBeCloseTo(1 - hours(9) / (366 * 24 * hours(1)), 12);
  });

  it('rejects an unknown zone and a fractional year', () => {
    expect(() => computeAvailability([], { year: 2026, now, zone: 'Nowhere/Land' })).toThrow(/time zone/);
    expect(() => computeAvailability([], { year: 2026.5, now })).toThrow(/year/);
  });
});

describe('computeAvailability: what it counts and lists per group', () => {
  it('counts the outages with downtime in the year, and lists the excluded ones with their whole duration (R27)', () => {
    const a = computeAvailability(
      [
        outage('in', ['inbound'], '2026-03-02 10:00', '2026-03-02 10:20'),
        outage('both', ['autodialer', 'inbound'], '2026-05-02 10:00', '2026-05-02 10:05'),
        outage('carrier', ['inbound'], '2026-06-02 10:00', '2026-06-02 12:00', true),
        outage('ny', ['inbound'], '2026-12-31 23:50', '2027-01-01 00:10', true),
        outage('last-year', ['inbound'], '2025-06-02 10:00', '2025-06-02 10:10'),
        outage('last-year-excluded', ['inbound'], '2025-06-02 10:00', '2025-06-02 10:10', true),
        outage('instant', ['inbound'], '2026-07-02 10:00', '2026-07-02 10:00'),
      ],
      { year: 2026, now: at('2027-02-01 00:00') },
    );
    expect(a.groups.inbound.outageCount).toBe(2);
    expect(a.groups.autodialer.outageCount).toBe(1);
    expect(a.groups.inbound.excluded.map((o) => [o.id, o.durationMs])).toEqual([
      ['carrier', hours(2)],
      ['ny', minutes(20)],
    ]);
    expect(a.groups.autodialer.excluded).toEqual([]);
    // Excluded and listed, yet not downtime and not overlong.
    expect(a.groups.inbound.downtimeMs).toBe(minutes(25));
    expect(a.groups.inbound.overlong).toEqual([]);
  });
});

describe('yearOf and yearBounds: the calendar year on the support zone\'s wall clock', () => {
  it('puts 00:30 on 1 January in Kyiv in the new year although UTC is still in the old one', () => {
    expect(yearOf(Date.parse('2026-12-31T22:30:00Z'), 'Europe/Kyiv')).toBe(2027);
    expect(yearOf(Date.parse('2026-12-31T22:30:00Z'), 'UTC')).toBe(2026);
    expect(yearOf(Date.parse('2026-12-31T21:59:59.999Z'), 'Europe/Kyiv')).toBe(2026);
  });

  it('spans midnight to midnight: 365 days, 366 in a leap year', () => {
    expect(yearBounds(2026, 'Europe/Kyiv')).toEqual({ yearStart: Date.parse('2025-12-31T22:00:00Z'), yearEnd: Date.parse('2026-12-31T22:00:00Z') });
    const leap = yearBounds(2028, 'Europe/Kyiv');
    expect(leap.yearEnd - leap.yearStart).toBe(366 * 24 * hours(1));
  });
});
