/** The on-call roster over HTTP, on SQLite and PostgreSQL: schedule, overrides, who is on call, validation, roles, audit. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index.ts';
import { seedDemo } from '../../../server/demo/seed.ts';
import { fakeClock } from '../../support/clock.ts';
import { engines, freshDatabase, startTestService, useTestService } from '../../support/service.ts';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const HANDOVERS = [...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, time: '18:00' })), { weekday: 1, time: '09:00' }];
const MONDAY_9 = { weekday: 1, time: '09:00' };

describe.each(engines())('on-call roster on %s', (engine) => {
  const t = useTestService(engine);
  const id = (login: string): number => {
    const v = t.people.users.get(login);
    if (v === undefined) throw new Error(`no demo user ${login}`);
    return v;
  };
  const as = (login: string) => t.login(login);
  const schedule = () => ({
    primary: { agents: [id('boris'), id('dmytro')], start: '2026-11-23', handovers: HANDOVERS, rotateAt: MONDAY_9 },
    secondary: { agents: [id('olga'), id('anna')], start: '2026-11-23', handovers: HANDOVERS, rotateAt: MONDAY_9 },
  });
  const putSchedule = async (login: string, body: unknown) => t.request('PUT', '/api/v1/oncall/schedule', { token: await as(login), body });
  const onCall = async (login: string, query = '') => t.request('GET', `/api/v1/oncall${query}`, { token: await as(login) });
  const addOverride = async (login: string, body: unknown) => t.request('POST', '/api/v1/oncall/overrides', { token: await as(login), body });
  const audit = async () => t.db.kysely.selectFrom('oncall_audit').selectAll().orderBy('id').execute();
  const overrideCount = async () => Number((await t.db.kysely.selectFrom('oncall_overrides').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('starts empty: nobody on call, both layers with no agents', async () => {
    const r = await onCall('anna', `?at=${at('2026-11-25T10:00:00Z')}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ primary: null, secondary: null, until: null, next: [] });
    const s = await t.request('GET', '/api/v1/oncall/schedule', { token: await as('anna') });
    expect(s.status).toBe(200);
    expect(s.body.primary.agents).toEqual([]);
  });

  it('a manager sets the schedule; every agent reads it; it is audited', async () => {
    const r = await putSchedule('sofia', schedule());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual(schedule());
    const read = await t.request('GET', '/api/v1/oncall/schedule', { token: await as('anna') });
    expect(read.body).toEqual(schedule());
    const rows = await audit();
    expect(rows.at(-1)).toMatchObject({ actor_id: id('sofia'), action: 'schedule_set', at: t.clock.now() });
    expect(JSON.parse(rows.at(-1)?.detail ?? '{}')).toEqual(schedule());
  });

  it('answers who is on call at several instants, with hand-overs exactly at 09:00 Monday Kyiv', async () => {
    const cases: [string, number | null, number | null, boolean][] = [
      ['2026-11-23T06:59:59.999Z', null, null, true], // Monday 08:59:59.999: before the first hand-over
      ['2026-11-23T07:00:00Z', id('boris'), id('olga'), false], // Monday 09:00
      ['2026-11-28T01:00:00Z', id('boris'), id('olga'), true], // Saturday 03:00
      ['2026-11-30T06:59:59.999Z', id('boris'), id('olga'), true],
      ['2026-11-30T07:00:00Z', id('dmytro'), id('anna'), false], // next Monday 09:00
      ['2026-12-07T07:00:00Z', id('boris'), id('olga'), false], // and round again
    ];
    for (const [iso, primary, secondary, afterHours] of cases) {
      const r = await onCall('olga', `?at=${at(iso)}`);
      expect(r.status).toBe(200);
      expect(r.body, iso).toMatchObject({ at: at(iso), primary, secondary, afterHours });
    }
    const sat = await onCall('olga', `?at=${at('2026-11-28T01:00:00Z')}`);
    expect(sat.body.until).toBe(at('2026-11-30T07:00:00Z'));
    expect(sat.body.next[0]).toEqual({ from: at('2026-11-30T07:00:00Z'), to: at('2026-12-07T07:00:00Z'), primary: id('dmytro'), secondary: id('anna') });
  });

  it('at defaults to the service clock', async () => {
    const r = await onCall('anna');
    expect(r.body.at).toBe(t.clock.now());
    expect(r.body.primary).toBe(id('boris'));
  });

  it('an override wins over the rotation; a swap is two; GET lists them; DELETE removes them; all audited', async () => {
    const from = at('2026-11-27T16:00:00Z'); // Friday 18:00 Kyiv
    const to = at('2026-11-28T16:00:00Z');
    const a = await addOverride('sofia', { agentId: id('olga'), layer: 'primary', from, to, reason: 'swap with Boris' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ agentId: id('olga'), layer: 'primary', from, to, reason: 'swap with Boris', createdBy: id('sofia') });
    const b = await addOverride('admin', { agentId: id('boris'), layer: 'secondary', from, to });
    expect(b.status).toBe(201);
    expect(b.body.reason).toBeNull();

    expect((await onCall('anna', `?at=${from - 1}`)).body).toMatchObject({ primary: id('boris'), secondary: id('olga'), until: from });
    expect((await onCall('anna', `?at=${from}`)).body).toMatchObject({ primary: id('olga'), secondary: id('boris'), until: to });
    expect((await onCall('anna', `?at=${to}`)).body).toMatchObject({ primary: id('boris'), secondary: id('olga') });

    const list = await t.request('GET', `/api/v1/oncall/overrides?from=${from}&to=${to}`, { token: await as('anna') });
    expect(list.status).toBe(200);
    expect(list.body.overrides.map((o: { id: number }) => o.id)).toEqual([a.body.id, b.body.id]);
    const before = await t.request('GET', `/api/v1/oncall/overrides?from=${from - 10 * HOUR}&to=${from}`, { token: await as('anna') });
    expect(before.body.overrides).toEqual([]);

    for (const o of [a.body, b.body]) {
      const d = await t.request('DELETE', `/api/v1/oncall/overrides/${o.id}`, { token: await as('sofia') });
      expect(d.status).toBe(204);
    }
    expect((await onCall('anna', `?at=${from}`)).body).toMatchObject({ primary: id('boris'), secondary: id('olga') });
    expect((await audit()).slice(-4).map((r) => [r.action, r.actor_id])).toEqual([
      ['override_added', id('sofia')],
      ['override_added', id('admin')],
      ['override_removed', id('sofia')],
      ['override_removed', id('sofia')],
    ]);
    const again = await t.request('DELETE', `/api/v1/oncall/overrides/${a.body.id}`, { token: await as('sofia') });
    expect(again.status).toBe(404);
  });

  it('refuses an overlapping override of the same layer with 409, and allows touching ones and other layers', async () => {
    const from = at('2026-12-01T16:00:00Z');
    const to = at('2026-12-02T07:00:00Z');
    const first = await addOverride('sofia', { agentId: id('maria'), layer: 'primary', from, to });
    expect(first.status).toBe(201);
    const rowsBefore = await overrideCount();
    const auditBefore = (await audit()).length;
    for (const [f, tt] of [[from, to], [from - HOUR, from + 1], [to - 1, to + HOUR], [from + HOUR, to - HOUR], [from - HOUR, to + HOUR]] as const) {
      const r = await addOverride('sofia', { agentId: id('ivan'), layer: 'primary', from: f, to: tt });
      expect(r.status, `${f}-${tt}`).toBe(409);
      expect(r.body.error).toBe('conflict');
      expect(r.body.message).toContain(`override ${first.body.id}`);
    }
    expect(await overrideCount()).toBe(rowsBefore);
    expect((await audit()).length).toBe(auditBefore);
    expect((await addOverride('sofia', { agentId: id('ivan'), layer: 'primary', from: to, to: to + HOUR })).status).toBe(201);
    expect((await addOverride('sofia', { agentId: id('ivan'), layer: 'primary', from: from - HOUR, to: from })).status).toBe(201);
    expect((await addOverride('sofia', { agentId: id('ivan'), layer: 'secondary', from, to })).status).toBe(201);
  });

  it('of overlapping overrides sent at once, exactly one is stored', async () => {
    const from = at('2027-03-01T16:00:00Z');
    const token = await as('sofia');
    const rows = await overrideCount();
    const replies = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) => t.request('POST', '/api/v1/oncall/overrides', { token, body: { agentId: id('ivan'), layer: 'secondary', from: from + i * 60_000, to: from + HOUR } })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await overrideCount()).toBe(rows + 1);
  });

  it('validates overrides: from < to, an existing agent, a layer; nothing is written', async () => {
    const from = at('2027-01-05T16:00:00Z');
    const rows = await overrideCount();
    const cases: [unknown, string][] = [
      [{ agentId: id('olga'), layer: 'primary', from, to: from }, 'to'],
      [{ agentId: id('olga'), layer: 'primary', from, to: from - 1 }, 'to'],
      [{ agentId: 999_999, layer: 'primary', from, to: from + HOUR }, 'agentId'],
      [{ agentId: id('alpha.user'), layer: 'primary', from, to: from + HOUR }, 'agentId'],
      [{ agentId: id('olga'), from, to: from + HOUR }, 'layer'],
      [{ agentId: id('olga'), layer: 'tertiary', from, to: from + HOUR }, 'layer'],
      [{ agentId: id('olga'), layer: 'primary', from: 'tomorrow', to: from + HOUR }, 'from'],
      [{ agentId: id('olga'), layer: 'primary', from, to: from + HOUR, extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const r = await addOverride('sofia', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toBe('bad_request');
      if (field !== '') expect(r.body.field, JSON.stringify(r.body)).toContain(field);
    }
    expect(await overrideCount()).toBe(rows);
  });

  it('validates the schedule: unknown agents and customers are 400, bad hand-overs are 400; nothing changes', async () => {
    const bad = [
      { ...schedule(), primary: { ...schedule().primary, agents: [id('boris'), 999_999] } },
      { ...schedule(), secondary: { ...schedule().secondary, agents: [id('beta.user')] } },
      { ...schedule(), primary: { ...schedule().primary, rotateAt: { weekday: 2, time: '09:00' } } },
      { ...schedule(), primary: { ...schedule().primary, handovers: [{ weekday: 8, time: '09:00' }] } },
      { ...schedule(), primary: { ...schedule().primary, handovers: [{ weekday: 1, time: '24:00' }], rotateAt: { weekday: 1, time: '24:00' } } },
      { ...schedule(), primary: { ...schedule().primary, start: '2026-02-30' } },
      { ...schedule(), primary: { ...schedule().primary, start: 'next Monday' } },
      { ...schedule(), primary: { ...schedule().primary, start: '1969-12-29' } },
      { primary: schedule().primary },
    ];
    expect((await putSchedule('sofia', schedule())).status).toBe(200);
    const auditBefore = (await audit()).length;
    for (const body of bad) {
      const r = await putSchedule('admin', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.request('GET', '/api/v1/oncall/schedule', { token: await as('anna') })).body).toEqual(schedule());
    expect((await audit()).length).toBe(auditBefore);
  });

  it('refuses bad `at` and bad override ids as 400', async () => {
    for (const q of ['?at=abc', '?at=-1', '?at=1e12', '?at=0x10', '?at=01', '?at=1.5', '?x=1']) {
      expect((await onCall('anna', q)).status, q).toBe(400);
    }
    expect((await t.request('DELETE', '/api/v1/oncall/overrides/0x1', { token: await as('sofia') })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/oncall/overrides?from=soon', { token: await as('anna') })).status).toBe(400);
  });

  it('roles: agents read; only managers and admins edit (403 for an l1 agent); customers get 403; no token 401', async () => {
    const override = { agentId: id('olga'), layer: 'primary', from: at('2027-02-01T16:00:00Z'), to: at('2027-02-02T07:00:00Z') };
    expect((await putSchedule('anna', schedule())).status).toBe(403);
    expect((await putSchedule('olga', schedule())).status).toBe(403);
    expect((await addOverride('boris', override)).status).toBe(403);
    const created = await addOverride('sofia', override);
    expect((await t.request('DELETE', `/api/v1/oncall/overrides/${created.body.id}`, { token: await as('anna') })).status).toBe(403);
    for (const [method, path] of [['GET', '/api/v1/oncall'], ['GET', '/api/v1/oncall/schedule'], ['GET', '/api/v1/oncall/overrides'], ['PUT', '/api/v1/oncall/schedule'], ['POST', '/api/v1/oncall/overrides']] as const) {
      const body = method === 'PUT' ? schedule() : method === 'POST' ? override : undefined;
      expect((await t.request(method, path, { token: await as('alpha.user'), body })).status, `${method} ${path}`).toBe(403);
      expect((await t.request(method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
    expect((await onCall('ivan')).status).toBe(200);
    expect((await t.request('GET', '/api/v1/oncall/overrides', { token: await as('anna') })).status).toBe(200);
  });
});

describe.each(engines())('demo roster on %s', (engine) => {
  // Saturday 03:00 Kyiv, and Monday 02:00 Kyiv (before that week's 09:00 hand-over).
  it.each([['2026-11-28T01:00:00Z'], ['2026-11-30T00:00:00Z']])('at %s: boris and olga now, dmytro and anna next week, one override during next week', async (iso) => {
    const now = Date.parse(iso);
    const fresh = await freshDatabase(engine);
    const db = await openDatabase(fresh.location);
    try {
      await seedDemo(db, now, {}, false);
    } finally {
      await db.close();
    }
    const t = await startTestService(engine, { location: fresh.location, clock: fakeClock(now) });
    try {
      const id = (login: string) => t.people.users.get(login);
      const token = await t.login('boris');
      const r = await t.request('GET', '/api/v1/oncall', { token });
      expect(r.body).toMatchObject({ at: now, afterHours: true, primary: id('boris'), secondary: id('olga') });
      const nextWeek = r.body.until as number;
      expect(r.body.next[0]).toMatchObject({ from: nextWeek, primary: id('dmytro'), secondary: id('anna') });
      const overrides = (await t.request('GET', '/api/v1/oncall/overrides', { token })).body.overrides as { agentId: number; from: number; to: number }[];
      expect(overrides).toHaveLength(1);
      const [o] = overrides;
      expect(o?.agentId).toBe(id('ivan'));
      expect(o?.from).toBeGreaterThan(nextWeek);
      expect(o?.to).toBeLessThan(nextWeek + 7 * 86_400_000);
      expect(r.body.next.some((s: { from: number; primary: number }) => s.from === o?.from && s.primary === id('ivan'))).toBe(true);
      const audit = await t.db.kysely.selectFrom('oncall_audit').select(['action', 'actor_id']).orderBy('id').execute();
      expect(audit).toEqual([{ action: 'schedule_set', actor_id: id('sofia') }, { action: 'override_added', actor_id: id('sofia') }]);
    } finally {
      await t.close();
      await t.drop();
    }
  });
});
