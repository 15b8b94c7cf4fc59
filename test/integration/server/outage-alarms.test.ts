/**
 * The restoration countdown's alarms (R18) from the real scheduler, on both engines:
 * outage.warning 10 minutes before start + 30 minutes, outage.overlong at it, once each, with a
 * timeline entry; nothing for restored or excluded outages. Two instances: multi-instance.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKING_HOURS } from '../../support/clock.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('outage alarms (%s)', (engine) => {
  const t = useTestService(engine);
  const as = (login: string) => t.login(login);
  beforeAll(async () => {
    for (const login of ['anna', 'alpha.user']) await as(login);
  });

  /** An outage from a ticket received at `at`, declared `later` after it; its id and the declaring ticket. */
  async function outage(at: number, later = MIN): Promise<{ id: number; ticket: number }> {
    t.clock.set(at);
    const filed = await t.request('POST', '/api/v1/tickets', { token: await as('alpha.user'), body: { kind: 'problem', subject: 'No calls', body: 'Nothing dials.' } });
    t.clock.set(at + later);
    const r = await t.request('POST', '/api/v1/outages', { token: await as('anna'), body: { groups: ['autodialer'], summary: 'Dialer down', ticketId: filed.body.ticket.id } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.outage.id as number, ticket: filed.body.ticket.id as number };
  }
  /** The alarm events stored for an outage, as [type, restoreBy]. */
  const alarms = async (id: number) =>
    (await t.db.kysely.selectFrom('events').select(['type', 'payload']).where('type', 'in', ['outage.warning', 'outage.overlong']).orderBy('seq').execute())
      .map((e) => [e.type, JSON.parse(e.payload).data.outage] as const)
      .filter(([, o]) => o.id === id)
      .map(([type, o]) => [type, o.restoreBy]);
  const timeline = async (id: number) =>
    ((await t.request('GET', `/api/v1/outages/${id}`, { token: await as('anna') })).body.timeline as { action: string; actor: unknown; at: number; detail: string }[])
      .filter((e) => e.action === 'warning' || e.action === 'overlong')
      .map((e) => [e.action, e.actor, e.at]);
  const runAt = async (at: number) => {
    t.clock.set(at);
    return t.service.scheduler.runDue();
  };

  it('warns 10 minutes before the 30-minute limit and reports the overlong outage at it, once each, on the timeline', async () => {
    const start = WORKING_HOURS + 3 * 60 * MIN;
    const { id } = await outage(start);
    await runAt(start + 20 * MIN - 1);
    expect(await alarms(id)).toEqual([]);
    await runAt(start + 20 * MIN);
    await runAt(start + 25 * MIN);
    expect(await alarms(id)).toEqual([['outage.warning', start + 30 * MIN]]);
    await runAt(start + 30 * MIN - 1);
    expect(await alarms(id)).toHaveLength(1);
    await runAt(start + 30 * MIN);
    await runAt(start + 90 * MIN);
    expect(await alarms(id)).toEqual([['outage.warning', start + 30 * MIN], ['outage.overlong', start + 30 * MIN]]);
    expect(await timeline(id)).toEqual([['warning', null, start + 20 * MIN], ['overlong', null, start + 30 * MIN]]);
  });

  it('an outage declared past its limit reports only the overlong: the warning is claimed silently', async () => {
    const start = WORKING_HOURS + 5 * 60 * MIN;
    const { id } = await outage(start, 40 * MIN);
    await runAt(start + 41 * MIN);
    await runAt(start + 42 * MIN);
    expect(await alarms(id)).toEqual([['outage.overlong', start + 30 * MIN]]);
    expect(await timeline(id)).toEqual([['overlong', null, start + 41 * MIN]]);
  });

  it('restored or excluded outages raise no alarm', async () => {
    const start = WORKING_HOURS + 7 * 60 * MIN;
    const restored = await outage(start);
    const excluded = await outage(start);
    t.clock.set(start + 10 * MIN);
    expect((await t.request('POST', `/api/v1/outages/${restored.id}/restore`, { token: await as('anna') })).status).toBe(200);
    expect((await t.request('POST', `/api/v1/outages/${excluded.id}/exclude`, { token: await as('anna'), body: { reason: 'their carrier' } })).status).toBe(200);
    await runAt(start + 20 * MIN);
    await runAt(start + 60 * MIN);
    expect(await alarms(restored.id)).toEqual([]);
    expect(await alarms(excluded.id)).toEqual([]);
  });

  it('linking an earlier ticket moves the countdown: the alarms follow the new start', async () => {
    const start = WORKING_HOURS + 9 * 60 * MIN;
    const { id } = await outage(start + 15 * MIN);
    await runAt(start + 20 * MIN);
    expect(await alarms(id)).toEqual([]);
    t.clock.set(start);
    const early = await t.request('POST', '/api/v1/tickets', { token: await as('alpha.user'), body: { kind: 'problem', subject: 'Earlier', body: 'Since the morning.' } });
    t.clock.set(start + 21 * MIN);
    expect((await t.request('POST', `/api/v1/outages/${id}/tickets`, { token: await as('anna'), body: { ticketId: early.body.ticket.id } })).body.outage.restoreBy).toBe(start + 30 * MIN);
    await runAt(start + 21 * MIN);
    expect(await alarms(id)).toEqual([['outage.warning', start + 30 * MIN]]);
  });
});
