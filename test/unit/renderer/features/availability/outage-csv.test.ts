import { parse } from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { OutageSummary } from '../../../../../shared/model/outages.ts';
import { outageCsv, outageCsvRows } from '../../../../../renderer/features/availability/outage-csv.ts';

const ZONE = 'Europe/Kyiv';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function outage(over: Partial<OutageSummary> & Pick<OutageSummary, 'id' | 'startedAt'>): OutageSummary {
  return {
    groups: ['autodialer'],
    state: over.restoredAt === null ? 'open' : 'restored',
    restoredAt: null,
    ticketCount: 1,
    summary: 'Autodialer down',
    declaredFrom: 1,
    declaredAt: over.startedAt,
    declaredBy: { id: 1, name: 'Anna Kovalenko' },
    restoreBy: over.startedAt + 30 * MIN,
    excluded: false,
    exclusionReason: null,
    ...over,
  };
}

// 14 March 2026, 02:05:00 in Kyiv (UTC+2, winter time).
const MARCH = Date.parse('2026-03-14T00:05:00Z');
// 25 October 2026, 03:30:00 in Kyiv: the second 03:30 of the night summer time ends (UTC+2 again).
const OCTOBER = Date.parse('2026-10-25T01:30:00Z');

describe('the outage CSV', () => {
  it('has one row per outage: local times in the support zone, minutes, overlong and excluded flags, tickets', () => {
    const rows = outageCsvRows(
      [
        outage({ id: 7, groups: ['autodialer', 'inbound'], startedAt: MARCH, restoredAt: MARCH + 45 * MIN + 30_000, ticketCount: 12 }),
        outage({ id: 8, startedAt: OCTOBER, restoredAt: OCTOBER + 20 * MIN, excluded: true, exclusionReason: 'Customer firewall' }),
      ],
      { zone: ZONE, now: OCTOBER + DAY },
    );
    expect(rows).toEqual([
      [7, 'autodialer inbound', '2026-03-14 02:05:00', '2026-03-14 02:50:30', 45.5, true, false, '', 12, 'Autodialer down'],
      [8, 'autodialer', '2026-10-25 03:30:00', '2026-10-25 03:50:00', 20, false, true, 'Customer firewall', 1, 'Autodialer down'],
    ]);
  });

  it('counts an open outage up to now and leaves its restore empty', () => {
    const [row] = outageCsvRows([outage({ id: 3, startedAt: MARCH, restoredAt: null })], { zone: ZONE, now: MARCH + 31 * MIN + 20_000 });
    expect(row?.slice(2, 6)).toEqual(['2026-03-14 02:05:00', '', 31.33, true]);
  });

  it('quotes commas, quotes and line breaks in summaries, and the text reads back to the same fields', () => {
    const summary = 'Autodialer down, "SIP trunk" lost;\nsecond line\r\nthird';
    const csv = outageCsv([outage({ id: 1, startedAt: MARCH, restoredAt: MARCH + 10 * MIN, summary })], { zone: ZONE, now: MARCH + DAY });
    expect(csv).toBe(
      'id,groups,start (Europe/Kyiv),restored (Europe/Kyiv),duration_minutes,overlong,excluded,reason,tickets,summary\r\n' +
        '1,autodialer,2026-03-14 02:05:00,2026-03-14 02:15:00,10,false,false,,1,"Autodialer down, ""SIP trunk"" lost;\nsecond line\r\nthird"\r\n',
    );
    const back = parse<string[]>(csv, { skipEmptyLines: true });
    expect(back.errors).toEqual([]);
    expect(back.data).toHaveLength(2);
    expect(back.data[1]?.[9]).toBe(summary);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const csv = outageCsv(
      [outage({ id: 2, startedAt: MARCH, restoredAt: MARCH + MIN, summary: '=HYPERLINK("http://x","y")', excluded: true, exclusionReason: '+1 carrier' })],
      { zone: ZONE, now: MARCH + DAY },
    );
    const [, row] = parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(row?.[7]).toBe("'+1 carrier");
    expect(row?.[9]).toBe('\'=HYPERLINK("http://x","y")');
  });

  it('is the header alone for a year without outages', () => {
    expect(outageCsv([], { zone: ZONE, now: MARCH })).toBe('id,groups,start (Europe/Kyiv),restored (Europe/Kyiv),duration_minutes,overlong,excluded,reason,tickets,summary\r\n');
  });
});
