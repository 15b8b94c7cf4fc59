/**
 * Reading outages over real HTTP on both engines (docs/availability.md): what customers see (R20),
 * the list by state and by year of the support zone, and the events agents and customers receive.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../../shared/model/index.ts';
import { WORKING_HOURS } from '../../support/clock.ts';
import { outageDesk } from '../../support/outages.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('outage views (%s)', (engine) => {
  const t = useTestService(engine);
  const { as, file, outage, link, unlink, restore, exclude, get, list } = outageDesk(t);

  it('customers see their group\'s outages (public part: count and start), never other groups\', excluded ones, summaries or tickets', async () => {
    const auto = await outage(WORKING_HOURS, 5 * MIN, ['autodialer']);
    const inbound = await outage(WORKING_HOURS, 5 * MIN, ['inbound']);
    const excluded = await outage(WORKING_HOURS, 5 * MIN, ['autodialer', 'inbound']);
    await exclude(excluded.id, 'their carrier');
    // Alpha's group is the autodialer; Beta's is inbound.
    const alpha = (await list('', 'alpha.user')).body.outages as { id: number }[];
    expect(alpha.map((o) => o.id)).toContain(auto.id);
    expect(alpha.map((o) => o.id)).not.toContain(inbound.id);
    expect(alpha.map((o) => o.id)).not.toContain(excluded.id);
    expect(alpha.find((o) => o.id === auto.id)).toEqual({ id: auto.id, groups: ['autodialer'], state: 'open', startedAt: WORKING_HOURS, restoredAt: null, ticketCount: 1 });
    expect((await get(auto.id, 'alpha.user')).body).toEqual({ outage: { id: auto.id, groups: ['autodialer'], state: 'open', startedAt: WORKING_HOURS, restoredAt: null, ticketCount: 1 } });
    expect((await get(auto.id, 'beta.user')).status).toBe(404);
    expect((await get(excluded.id, 'alpha.user')).status).toBe(404);
    expect((await get(inbound.id, 'beta.user')).status).toBe(200);
    const beta = JSON.stringify((await list('', 'beta.user')).body);
    expect(beta).not.toContain('Trunk provider down');
    expect(beta).not.toContain('declaredBy');
    // Agents see all of them, with summaries.
    const agents = (await list()).body.outages as { id: number; summary: string }[];
    expect(agents.filter((o) => [auto.id, inbound.id, excluded.id].includes(o.id)).map((o) => o.summary)).toEqual(['Trunk provider down', 'Trunk provider down', 'Trunk provider down']);
  });

  it('the list filters by state and by calendar year in the support zone (Kyiv)', async () => {
    // 2027-01-01 00:30 in Kyiv is still 2026 in UTC.
    const newYear = Date.parse('2026-12-31T22:30:00Z');
    const { id } = await outage(newYear, MIN);
    // Across New Year: 2026-12-31 23:50 to 2027-01-01 00:20 in Kyiv.
    const across = await outage(Date.parse('2026-12-31T21:50:00Z'), MIN);
    t.clock.set(Date.parse('2026-12-31T22:20:00Z'));
    expect((await restore(across.id)).status).toBe(200);
    const ids = async (q: string) => ((await list(q)).body.outages as { id: number }[]).map((o) => o.id);
    expect(await ids('?year=2027')).toEqual(expect.arrayContaining([id, across.id]));
    expect(await ids('?year=2026')).toContain(across.id);
    expect(await ids('?year=2026')).not.toContain(id);
    expect(await ids('?year=2027&state=open')).toContain(id);
    expect(await ids('?year=2027&state=open')).not.toContain(across.id);
    expect(await ids('?year=2027&state=restored')).toEqual([across.id]);
    // Open outages have downtime up to now: none in a year still to come.
    expect(await ids('?year=2028')).toEqual([]);
    expect((await list('?year=1999')).body.field).toBe('querystring.year');
    expect((await list('?state=closed')).status).toBe(400);
  });

  it('events: outage.* go to agents only, on the declaring ticket; each linked ticket gets ticket.changed, which its customer sees', async () => {
    const agent = await t.events(await as('boris'));
    const customer = await t.events(await as('alpha.user'));
    const { id, ticket } = await outage();
    const second = await file(WORKING_HOURS - MIN, 'alpha.user');
    t.clock.set(WORKING_HOURS + 6 * MIN);
    await link(id, second);
    await unlink(id, second);
    await exclude(id, 'force majeure');
    await t.request('POST', `/api/v1/outages/${id}/compensation`, { token: await as('sofia'), body: { decision: 'none' } });
    await restore(id);
    await agent.next((e) => e.type === 'outage.restored' && e.data.outage.id === id, 'outage.restored');
    await customer.next((e) => e.type === 'ticket.changed' && e.ticketId === second && e.data.action === 'outage_unlinked', 'ticket.changed (unlinked)');
    const mine = (e: ServiceEvent) => e.type.startsWith('outage.') && 'outage' in e.data && e.data.outage.id === id;
    const outageEvents = agent.received.filter(mine);
    expect(outageEvents.map((e) => [e.type, e.ticketId, 'action' in e.data ? e.data.action : null, e.type.startsWith('outage.') && 'outage' in e.data ? e.data.outage.ticketCount : null])).toEqual([
      ['outage.declared', ticket, null, 1],
      ['outage.changed', ticket, 'linked', 2],
      ['outage.changed', ticket, 'unlinked', 1],
      ['outage.changed', ticket, 'excluded', 1],
      ['outage.changed', ticket, 'compensation', 1],
      ['outage.restored', ticket, null, 1],
    ]);
    expect(outageEvents[1]).toMatchObject({ data: { outage: { startedAt: WORKING_HOURS - MIN, restoreBy: WORKING_HOURS + 29 * MIN, state: 'open', excluded: false } } });
    expect(customer.received.filter((e) => e.type.startsWith('outage.'))).toEqual([]);
    expect(customer.received.filter((e) => e.type === 'ticket.changed' && [ticket, second].includes(e.ticketId)).map((e) => [e.ticketId, e.type === 'ticket.changed' ? e.data.action : null])).toEqual([
      [ticket, 'outage_linked'],
      [second, 'outage_linked'],
      [second, 'outage_unlinked'],
    ]);
  });
});
