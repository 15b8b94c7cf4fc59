/**
 * The demo's outages (server/demo/outages.ts) as the API shows them, on SQLite and PostgreSQL: a
 * history across the year with one overlong and one excluded outage, coherent tickets, timelines
 * and audit; and at night an open outage with three reports from three clients.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index.ts';
import { seedDemo } from '../../../server/demo/seed.ts';
import { fakeClock, SATURDAY_3AM, WORKING_HOURS } from '../../support/clock.ts';
import { engines, freshDatabase, startTestService, type TestService } from '../../support/service.ts';

const MIN = 60_000;
const BUDGET = 8 * 60 * MIN;

interface Summary { id: number; state: string; startedAt: number; restoredAt: number | null; excluded: boolean; exclusionReason: string | null; ticketCount: number; groups: string[] }
interface Detail {
  outage: Summary & { restoreBy: number; declaredBy: { name: string }; declaredFrom: number };
  tickets: { id: number; clientName: string; status: string; createdAt: number }[];
  timeline: { action: string; at: number }[];
  compensations: { decision: string; by: { name: string } }[];
}

/** A service over a fresh database seeded with the demo (no random tickets) at `now`. */
async function demoAt(engine: 'sqlite' | 'postgres', now: number) {
  const fresh = await freshDatabase(engine);
  const db = await openDatabase(fresh.location);
  try {
    await seedDemo(db, now, {}, false);
  } finally {
    await db.close();
  }
  return startTestService(engine, { location: fresh.location, clock: fakeClock(now) });
}

async function read(t: TestService, year: number) {
  const token = await t.login('sofia');
  const list = await t.request<{ outages: Summary[] }>('GET', `/api/v1/outages?year=${year}`, { token });
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const details: Detail[] = [];
  for (const o of list.body.outages) details.push((await t.request<Detail>('GET', `/api/v1/outages/${o.id}`, { token })).body);
  const availability = await t.request('GET', `/api/v1/availability?year=${year}`, { token });
  expect(availability.status).toBe(200);
  return { outages: list.body.outages, details, availability: availability.body };
}

/** The history: six restored outages, exactly one overlong and one excluded, everything coherent. */
async function expectHistory(t: TestService, year: number, openMinutes: number) {
  const { details, availability } = await read(t, year);
  const past = details.filter((d) => d.outage.state === 'restored');
  expect(past).toHaveLength(6);
  const { yearStart, yearEnd } = availability;
  for (const d of past) {
    const { outage, tickets, timeline } = d;
    expect(outage.startedAt).toBeGreaterThanOrEqual(yearStart);
    expect(outage.restoredAt ?? Infinity).toBeLessThan(yearEnd);
    expect(tickets.length).toBeGreaterThanOrEqual(1);
    expect(tickets.length).toBeLessThanOrEqual(4);
    expect(outage.ticketCount).toBe(tickets.length);
    // Downtime starts at the earliest report (R19); every report is resolved by now.
    expect(outage.startedAt).toBe(Math.min(...tickets.map((x) => x.createdAt)));
    expect(tickets.every((x) => x.status === 'resolved')).toBe(true);
    expect(timeline[0]?.action).toBe('declared');
    expect(timeline.filter((e) => e.action === 'linked')).toHaveLength(tickets.length - 1);
    expect(timeline.filter((e) => e.action === 'restored')).toHaveLength(1);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort((a, b) => a - b));
  }
  const overlong = past.filter((d) => (d.outage.restoredAt ?? 0) - d.outage.startedAt > 30 * MIN && !d.outage.excluded);
  expect(overlong).toHaveLength(1);
  const [long] = overlong;
  expect(((long?.outage.restoredAt ?? 0) - (long?.outage.startedAt ?? 0)) / MIN).toBe(47);
  // Its alarms were raised while it was open, and a manager decided a compensation (R6c).
  expect(long?.timeline.filter((e) => e.action === 'warning' || e.action === 'overlong').map((e) => [e.action, (e.at - (long?.outage.startedAt ?? 0)) / MIN])).toEqual([
    ['warning', 20],
    ['overlong', 30],
  ]);
  expect(long?.compensations).toEqual([expect.objectContaining({ by: expect.objectContaining({ name: 'Sofia Tkachenko' }) })]);
  const excluded = past.filter((d) => d.outage.excluded);
  expect(excluded).toHaveLength(1);
  expect(excluded[0]?.outage.exclusionReason).toMatch(/R27/);
  expect(excluded[0]?.timeline.some((e) => e.action === 'excluded')).toBe(true);

  // The figures: 89 minutes of autodialer downtime (plus the open outage's), 15 of inbound.
  const groups = availability.groups as { group: string; downtimeMs: number; remainingBudgetMs: number; overlong: { id: number }[]; excluded: { id: number; reason: string }[] }[];
  expect(groups.map((g) => [g.group, g.downtimeMs / MIN, g.overlong.map((o) => o.id), g.excluded.map((o) => o.id)])).toEqual([
    ['autodialer', 89 + openMinutes, [long?.outage.id], []],
    ['inbound', 15, [], [excluded[0]?.outage.id]],
  ]);
  expect(groups.every((g) => g.remainingBudgetMs > BUDGET * 0.75)).toBe(true);

  // The linked tickets' own audit says so.
  const token = await t.login('sofia');
  const ticket = (await t.request('GET', `/api/v1/tickets/${long?.tickets[1]?.id}`, { token })).body;
  expect(ticket.ticket.outage).toEqual({ id: long?.outage.id, open: false });
  expect(ticket.audit.map((a: { action: string }) => a.action)).toContain('outage_linked');
}

describe.each(engines())('demo outages on %s', (engine) => {
  it('at night (03:00 on a Saturday): the year\'s history and one open outage, reported 12 minutes ago by three clients', async () => {
    const t = await demoAt(engine, SATURDAY_3AM);
    try {
      await expectHistory(t, 2026, 12);
      const { details } = await read(t, 2026);
      const open = details.filter((d) => d.outage.state === 'open');
      expect(open).toHaveLength(1);
      const [live] = open;
      expect(live?.outage).toMatchObject({ groups: ['autodialer'], startedAt: SATURDAY_3AM - 12 * MIN, restoredAt: null, restoreBy: SATURDAY_3AM + 18 * MIN, excluded: false, ticketCount: 3 });
      expect(live?.tickets.map((x) => x.clientName).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
      expect(live?.tickets.every((x) => x.status !== 'resolved' && x.createdAt <= SATURDAY_3AM)).toBe(true);
      expect(live?.timeline.map((e) => e.action)).toEqual(['declared', 'linked', 'linked']);
      // The countdown runs in the service: at 10 minutes left it warns, once.
      t.clock.set(SATURDAY_3AM + 8 * MIN);
      await t.service.scheduler.runDue();
      const after = (await t.request<Detail>('GET', `/api/v1/outages/${live?.outage.id}`, { token: await t.login('boris') })).body;
      expect(after.timeline.map((e) => e.action)).toEqual(['declared', 'linked', 'linked', 'warning']);
    } finally {
      await t.close();
      await t.drop();
    }
  }, 60_000);

  it('in working hours: the same history and no open outage', async () => {
    const t = await demoAt(engine, WORKING_HOURS);
    try {
      await expectHistory(t, 2026, 0);
      expect((await t.request('GET', '/api/v1/outages?state=open', { token: await t.login('anna') })).body.outages).toEqual([]);
    } finally {
      await t.close();
      await t.drop();
    }
  }, 60_000);

  it('in the first days of January the history is the previous year\'s', async () => {
    // 02:00 on Saturday 2 January 2027 in Kyiv: outside working time.
    const now = Date.parse('2027-01-02T00:00:00Z');
    const t = await demoAt(engine, now);
    try {
      await expectHistory(t, 2026, 0);
      const y2027 = await read(t, 2027);
      expect(y2027.outages.map((o) => o.state)).toEqual(['open']);
    } finally {
      await t.close();
      await t.drop();
    }
  }, 60_000);
});
