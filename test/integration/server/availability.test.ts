/**
 * GET /api/v1/availability over HTTP on SQLite and PostgreSQL: the year's figures from outages
 * declared, restored and excluded through the outage routes, against hand-computed values; the
 * customer's view; the default year in the support zone; bad years refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKING_HOURS } from '../../support/clock.ts';
import { engines, useTestService } from '../../support/service.ts';

const iso = (s: string): number => Date.parse(s);
const MIN = 60_000;
const BUDGET = 8 * 60 * MIN;
// 2026 in Kyiv (UTC+2 at New Year): 365 days.
const YEAR_2026_MS = 365 * 24 * 60 * MIN;

describe.each(engines())('availability on %s', (engine) => {
  const t = useTestService(engine);
  const ids: Record<string, number> = {};

  // Signed in afresh at the clock's instant: the clock jumps months, past a token's life.
  const signIn = async (login: string): Promise<string> => {
    const r = await t.request('POST', '/api/v1/session', { body: { login, password: 'demo' } });
    if (r.status !== 200) throw new Error(`login ${login}: ${r.status}`);
    return r.body.token as string;
  };
  /** A ticket filed by `login` at `at`, as the service receives it. */
  const file = async (login: string, at: number): Promise<number> => {
    t.clock.set(at);
    const r = await t.request('POST', '/api/v1/tickets', { token: await signIn(login), body: { kind: 'problem', subject: 'Dialer down', body: 'No calls go out since a minute ago.' } });
    if (r.status !== 201) throw new Error(`file: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.ticket.id as number;
  };
  const as = async (login: string, method: string, path: string, body?: unknown) => {
    const r = await t.request(method, path, { token: await signIn(login), ...(body !== undefined ? { body } : {}) });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /**
   * An outage through the outage routes: a customer reports at `from`, an agent declares it from
   * that ticket a minute later, restores it at `to` (recorded a minute after) and excludes it.
   */
  const outage = async (name: string, o: { groups: string[]; from: string; to: string | null; login: string; reason?: string }) => {
    const startedAt = iso(o.from);
    const ticketId = await file(o.login, startedAt);
    t.clock.set(startedAt + MIN);
    const { outage: declared } = await as('anna', 'POST', '/api/v1/outages', { groups: o.groups, summary: `${name} down`, ticketId });
    if (o.to !== null) {
      t.clock.set(Math.max(iso(o.to), startedAt + MIN) + MIN);
      await as('anna', 'POST', `/api/v1/outages/${declared.id}/restore`, { at: iso(o.to) });
    }
    if (o.reason !== undefined) await as('anna', 'POST', `/api/v1/outages/${declared.id}/exclude`, { reason: o.reason });
    ids[name] = declared.id as number;
  };
  const get = async (login: string | null, query = '') => t.request('GET', `/api/v1/availability${query}`, login === null ? {} : { token: await signIn(login) });

  beforeAll(async () => {
    await outage('A', { groups: ['autodialer'], from: '2026-02-10T01:00:00Z', to: '2026-02-10T01:20:00Z', login: 'alpha.user' }); // 20 min
    await outage('B', { groups: ['autodialer'], from: '2026-07-07T23:10:00Z', to: '2026-07-07T23:57:00Z', login: 'alpha.user' }); // 47 min: overlong
    await outage('C', { groups: ['inbound'], from: '2026-04-15T11:00:00Z', to: '2026-04-15T11:12:00Z', login: 'beta.user' }); // 12 min
    await outage('D', { groups: ['inbound'], from: '2026-06-02T07:00:00Z', to: '2026-06-02T08:30:00Z', login: 'gamma.user', reason: "The customer's carrier" }); // 90 min, excluded
    // 23:50 on 31 December 2025 to 00:10 on 1 January 2026, Kyiv: 10 minutes in each year.
    await outage('E', { groups: ['inbound'], from: '2025-12-31T21:50:00Z', to: '2025-12-31T22:10:00Z', login: 'beta.user' });
    await outage('F', { groups: ['autodialer'], from: '2024-05-05T08:00:00Z', to: '2024-05-05T08:05:00Z', login: 'alpha.user' }); // another year
    await outage('G', { groups: ['autodialer', 'inbound'], from: '2026-11-25T07:48:00Z', to: null, login: 'gamma.user' }); // open, both groups
    // Wednesday 25 November 2026, 10:00 Kyiv: G has lasted 12 minutes.
    t.clock.set(WORKING_HOURS);
  });

  it('gives agents every group and client for the current year of the support zone, with the hand-computed figures', async () => {
    const r = await get('sofia');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // autodialer: A 20 + B 47 + G 12 = 79 min; inbound: C 12 + E 10 (2026's share) + G 12 = 34 min; D excluded.
    const autodialer = { downtimeMs: 79 * MIN, budgetMs: BUDGET, remainingBudgetMs: BUDGET - 79 * MIN };
    const inbound = { downtimeMs: 34 * MIN, budgetMs: BUDGET, remainingBudgetMs: BUDGET - 34 * MIN };
    expect(r.body).toEqual({
      year: 2026,
      zone: 'Europe/Kyiv',
      yearStart: iso('2025-12-31T22:00:00Z'),
      yearEnd: iso('2026-12-31T22:00:00Z'),
      asOf: WORKING_HOURS,
      groups: [
        {
          group: 'autodialer',
          ...autodialer,
          uptime: expect.closeTo(1 - (79 * MIN) / YEAR_2026_MS, 12),
          outageCount: 3,
          overlong: [{ id: ids.B, startedAt: iso('2026-07-07T23:10:00Z'), restoredAt: iso('2026-07-07T23:57:00Z'), durationMs: 47 * MIN }],
          excluded: [],
        },
        {
          group: 'inbound',
          ...inbound,
          uptime: expect.closeTo(1 - (34 * MIN) / YEAR_2026_MS, 12),
          outageCount: 3,
          overlong: [],
          excluded: [{ id: ids.D, startedAt: iso('2026-06-02T07:00:00Z'), restoredAt: iso('2026-06-02T08:30:00Z'), durationMs: 90 * MIN, reason: "The customer's carrier" }],
        },
      ],
      clients: [
        { client: { id: t.people.clients.get('Alpha'), name: 'Alpha', primaryGroup: 'autodialer' }, ...autodialer, uptime: expect.closeTo(1 - (79 * MIN) / YEAR_2026_MS, 12), overlongCount: 1 },
        { client: { id: t.people.clients.get('Beta'), name: 'Beta', primaryGroup: 'inbound' }, ...inbound, uptime: expect.closeTo(1 - (34 * MIN) / YEAR_2026_MS, 12), overlongCount: 0 },
        { client: { id: t.people.clients.get('Gamma'), name: 'Gamma', primaryGroup: 'inbound' }, ...inbound, uptime: expect.closeTo(1 - (34 * MIN) / YEAR_2026_MS, 12), overlongCount: 0 },
      ],
    });
    for (const login of ['anna', 'olga', 'admin']) expect((await get(login)).body, login).toEqual(r.body);
    expect((await get('sofia', '?year=2026')).body).toEqual(r.body);
  });

  it('gives another year its own share: 2025 has the first 10 minutes of the outage across New Year, 2024 its own outage', async () => {
    const y2025 = await get('anna', '?year=2025');
    expect(y2025.status).toBe(200);
    expect(y2025.body).toMatchObject({ year: 2025, yearStart: iso('2024-12-31T22:00:00Z'), yearEnd: iso('2025-12-31T22:00:00Z') });
    expect(y2025.body.groups.map((g: { group: string; downtimeMs: number; outageCount: number }) => [g.group, g.downtimeMs, g.outageCount])).toEqual([
      ['autodialer', 0, 0],
      ['inbound', 10 * MIN, 1],
    ]);
    // 2024 is a leap year: 366 days.
    const y2024 = await get('anna', '?year=2024');
    expect(y2024.body.yearEnd - y2024.body.yearStart).toBe(366 * 24 * 60 * MIN);
    expect(y2024.body.groups[0]).toMatchObject({ group: 'autodialer', downtimeMs: 5 * MIN, outageCount: 1 });
    expect(y2024.body.groups[0].uptime).toBeCloseTo(1 - (5 * MIN) / (366 * 24 * 60 * MIN), 12);
    // A year with no outages.
    expect((await get('anna', '?year=2030')).body.groups.map((g: { downtimeMs: number; remainingBudgetMs: number }) => [g.downtimeMs, g.remainingBudgetMs])).toEqual([
      [0, BUDGET],
      [0, BUDGET],
    ]);
  });

  it('gives a customer only their client and its primary group', async () => {
    const beta = await get('beta.user');
    expect(beta.status).toBe(200);
    expect(beta.body.groups.map((g: { group: string }) => g.group)).toEqual(['inbound']);
    expect(beta.body.groups[0]).toMatchObject({ downtimeMs: 34 * MIN, outageCount: 3 });
    expect(beta.body.clients).toEqual([expect.objectContaining({ client: { id: t.people.clients.get('Beta'), name: 'Beta', primaryGroup: 'inbound' }, downtimeMs: 34 * MIN })]);
    const alpha = await get('alpha.user', '?year=2026');
    expect(alpha.body.groups.map((g: { group: string; downtimeMs: number }) => [g.group, g.downtimeMs])).toEqual([['autodialer', 79 * MIN]]);
    expect(alpha.body.clients.map((c: { client: { name: string } }) => c.client.name)).toEqual(['Alpha']);
  });

  it('takes the default year from the support zone: 00:30 on 1 January in Kyiv is the new year, and the open outage counts from its midnight', async () => {
    // 22:30 UTC on 31 December 2026 is still 2026 in UTC.
    t.clock.set(iso('2026-12-31T22:30:00Z'));
    try {
      const r = await get('anna');
      expect(r.body).toMatchObject({ year: 2027, yearStart: iso('2026-12-31T22:00:00Z'), asOf: iso('2026-12-31T22:30:00Z') });
      // G, still open, has 30 minutes in 2027 (and is overlong with its whole duration).
      expect(r.body.groups.map((g: { downtimeMs: number }) => g.downtimeMs)).toEqual([30 * MIN, 30 * MIN]);
      expect(r.body.groups[0].overlong).toEqual([{ id: ids.G, startedAt: iso('2026-11-25T07:48:00Z'), restoredAt: null, durationMs: iso('2026-12-31T22:30:00Z') - iso('2026-11-25T07:48:00Z') }]);
    } finally {
      t.clock.set(WORKING_HOURS);
    }
  });

  it.each(['abc', '1999', '2101', '2026.5', '-2026', '', '2026&year=2027'])('refuses year=%s with a 400 naming the field', async (year) => {
    const r = await get('sofia', `?year=${year}`);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body).toMatchObject({ error: 'bad_request', field: 'querystring.year', message: expect.any(String) });
  });

  it('refuses unknown parameters and callers without a valid token', async () => {
    expect((await get('sofia', '?yaer=2026')).status).toBe(400);
    expect((await get(null)).status).toBe(401);
    expect((await t.request('GET', '/api/v1/availability', { token: 'not-a-token' })).status).toBe(401);
  });
});
