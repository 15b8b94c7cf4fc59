/**
 * Outages over real HTTP on both engines (docs/availability.md): declare from a ticket, link and
 * unlink (the start follows the earliest receipt, R19), restore, exclude (R27), compensation (R6c),
 * and that a refused request changes nothing. What customers see, the list and the events: outage-views.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { WORKING_HOURS } from '../../support/clock.ts';
import { outageDesk } from '../../support/outages.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('outages (%s)', (engine) => {
  const t = useTestService(engine);
  const { as, file, declare, outage, refused, link, unlink, restore, exclude, get } = outageDesk(t);

  it('an agent declares an outage from a ticket: downtime starts at its receipt (R19), the countdown at start + 30 min (R18)', async () => {
    const ticket = await file(WORKING_HOURS);
    t.clock.set(WORKING_HOURS + 7 * MIN);
    const r = await declare(ticket, 'anna', ['inbound', 'autodialer']);
    expect(r.status).toBe(201);
    expect(r.body.outage).toEqual({
      id: expect.any(Number),
      groups: ['autodialer', 'inbound'],
      state: 'open',
      startedAt: WORKING_HOURS,
      restoredAt: null,
      ticketCount: 1,
      summary: 'Trunk provider down',
      declaredFrom: ticket,
      declaredAt: WORKING_HOURS + 7 * MIN,
      declaredBy: { id: t.people.users.get('anna'), name: 'Anna Kovalenko' },
      restoreBy: WORKING_HOURS + 30 * MIN,
      excluded: false,
      exclusionReason: null,
    });
    expect(r.body.tickets).toEqual([expect.objectContaining({ id: ticket, number: ticket, clientName: 'Alpha', createdAt: WORKING_HOURS, linkedAt: WORKING_HOURS + 7 * MIN, status: 'new' })]);
    expect(r.body.timeline).toEqual([{ id: expect.any(Number), action: 'declared', actor: { id: t.people.users.get('anna'), name: 'Anna Kovalenko' }, detail: `from ticket #${ticket}`, at: WORKING_HOURS + 7 * MIN }]);
    const detail = (await t.request('GET', `/api/v1/tickets/${ticket}`, { token: await as('anna') })).body;
    expect(detail.ticket.outage).toEqual({ id: r.body.outage.id, open: true });
    expect(detail.audit.at(-1)).toMatchObject({ action: 'outage_linked', actor: { name: 'Anna Kovalenko' }, detail: `outage #${r.body.outage.id}` });
    expect((await get(r.body.outage.id)).body).toEqual(r.body);
  });

  it('declaring refuses a ticket already in an outage (naming it), an unknown ticket, a customer and bad input; each changes nothing', async () => {
    const { id, ticket } = await outage();
    expect(await refused(409, () => declare(ticket, 'boris'))).toEqual({ error: 'conflict', message: `ticket #${ticket} is already in outage #${id}` });
    expect((await refused(404, () => declare(999_999))).message).toBe('ticket #999999 not found');
    const other = await file(WORKING_HOURS);
    expect((await refused(403, () => declare(other, 'alpha.user'))).error).toBe('forbidden');
    for (const groups of [[], ['autodialer', 'autodialer'], ['sms']]) expect((await refused(400, () => declare(other, 'anna', groups))).field).toMatch(/^body\.groups/);
    const blank = await refused(400, async () => t.request('POST', '/api/v1/outages', { token: await as('anna'), body: { groups: ['inbound'], summary: '   ', ticketId: other } }));
    expect(blank.field).toBe('body.summary');
  });

  it('linking an earlier ticket moves the start earlier; a later one does not; unlinking moves it back', async () => {
    const late = await file(WORKING_HOURS + 20 * MIN);
    t.clock.set(WORKING_HOURS + 21 * MIN);
    const declared = await declare(late);
    const id = declared.body.outage.id as number;
    const early = await file(WORKING_HOURS + 2 * MIN);
    const later = await file(WORKING_HOURS + 22 * MIN);
    t.clock.set(WORKING_HOURS + 23 * MIN);
    const linked = await link(id, early, 'boris');
    expect(linked.status).toBe(200);
    expect(linked.body.outage).toMatchObject({ startedAt: WORKING_HOURS + 2 * MIN, restoreBy: WORKING_HOURS + 32 * MIN, ticketCount: 2 });
    expect((await link(id, later)).body.outage).toMatchObject({ startedAt: WORKING_HOURS + 2 * MIN, ticketCount: 3 });
    const unlinked = await unlink(id, early);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.outage).toMatchObject({ startedAt: WORKING_HOURS + 20 * MIN, ticketCount: 2 });
    expect(unlinked.body.tickets.map((x: { id: number }) => x.id)).toEqual([late, later]);
    expect(unlinked.body.timeline.map((e: { action: string; detail: string }) => [e.action, e.detail])).toEqual([
      ['declared', `from ticket #${late}`],
      ['linked', `ticket #${early}`],
      ['linked', `ticket #${later}`],
      ['unlinked', `ticket #${early}`],
    ]);
    const audit = (await t.request('GET', `/api/v1/tickets/${early}`, { token: await as('anna') })).body;
    expect(audit.ticket.outage).toBeNull();
    expect(audit.audit.slice(-2).map((a: { action: string; detail: string; actor: { name: string } }) => [a.action, a.detail, a.actor.name])).toEqual([
      ['outage_linked', `outage #${id}`, 'Boris Ivanov'],
      ['outage_unlinked', `outage #${id}`, 'Anna Kovalenko'],
    ]);
  });

  it('a ticket belongs to at most one outage: linking it elsewhere is 409 naming the other; twice is 409; unknowns are 404', async () => {
    const a = await outage();
    const b = await outage();
    expect(await refused(409, () => link(b.id, a.ticket))).toEqual({ error: 'conflict', message: `ticket #${a.ticket} is already in outage #${a.id}` });
    expect((await refused(409, () => link(a.id, a.ticket))).message).toBe(`ticket #${a.ticket} is already linked to outage #${a.id}`);
    expect((await refused(404, () => link(999_999, a.ticket))).message).toBe('outage #999999 not found');
    expect((await refused(404, () => link(a.id, 999_999))).message).toBe('ticket #999999 not found');
    expect((await refused(404, () => unlink(a.id, b.ticket))).message).toBe(`ticket #${b.ticket} is not linked to outage #${a.id}`);
    expect((await refused(400, () => link(a.id, 0))).field).toBe('body.ticketId');
  });

  it('bad input is a 400 naming the field, and changes nothing', async () => {
    const { id, ticket } = await outage();
    const other = await file(WORKING_HOURS);
    const cases: [string, string, { body?: unknown; raw?: string }, string][] = [
      ['POST', '/api/v1/outages', { body: { groups: ['autodialer'], summary: 'x', ticketId: other, extra: 1 } }, 'body.extra'],
      ['POST', '/api/v1/outages', { body: { groups: 'autodialer', summary: 'x', ticketId: other } }, 'body.groups'],
      ['POST', '/api/v1/outages', { body: { groups: ['autodialer'], summary: 'x'.repeat(501), ticketId: other } }, 'body.summary'],
      ['POST', '/api/v1/outages', { body: { groups: ['autodialer'], summary: 'a\u0000b', ticketId: other } }, 'body.summary'],
      ['POST', '/api/v1/outages', { body: { groups: ['autodialer'], summary: 'x', ticketId: 2 ** 31 } }, 'body.ticketId'],
      ['POST', '/api/v1/outages', { raw: 'null' }, 'body'],
      ['POST', `/api/v1/outages/${id}/tickets`, { body: { ticketId: `${other}` } }, 'body.ticketId'],
      ['POST', `/api/v1/outages/${id}/tickets`, { body: {} }, 'body.ticketId'],
      ['POST', `/api/v1/outages/0x10/tickets`, { body: { ticketId: other } }, 'params.id'],
      ['DELETE', `/api/v1/outages/${id}/tickets/+${ticket}`, {}, 'params.ticketId'],
      ['POST', `/api/v1/outages/${id}/restore`, { body: { at: 1.5 } }, 'body.at'],
      ['POST', `/api/v1/outages/${id}/restore`, { body: { at: null } }, 'body.at'],
      ['POST', `/api/v1/outages/${id}/restore`, { raw: '{"at":' }, 'body'],
      ['POST', `/api/v1/outages/${id}/exclude`, {}, 'body'],
      ['POST', `/api/v1/outages/${id}/exclude`, { body: { reason: 'x'.repeat(1001) } }, 'body.reason'],
      ['POST', `/api/v1/outages/${id}/compensation`, { body: { decision: ' ' } }, 'body.decision'],
      ['GET', '/api/v1/outages?year=2026.5', {}, 'querystring.year'],
      ['GET', '/api/v1/outages?year=2101', {}, 'querystring.year'],
      ['GET', '/api/v1/outages?status=open', {}, 'querystring.status'],
    ];
    for (const [method, path, o, field] of cases) {
      const body = await refused(400, async () => t.request(method, path, { token: await as('sofia'), ...o }));
      expect({ method, path, error: body.error, field: body.field }).toEqual({ method, path, error: 'bad_request', field });
    }
  });

  it('the last ticket cannot be unlinked', async () => {
    const { id, ticket } = await outage();
    expect(await refused(409, () => unlink(id, ticket))).toEqual({ error: 'conflict', message: `ticket #${ticket} is the last ticket of outage #${id}; an outage keeps at least one` });
  });

  it('restore records the end of downtime (default now); not before the start, not in the future, not twice; the tickets stay open', async () => {
    const { id, ticket } = await outage(WORKING_HOURS, 5 * MIN);
    t.clock.set(WORKING_HOURS + 25 * MIN);
    expect(await refused(400, () => restore(id, { at: WORKING_HOURS - 1 }))).toEqual({ error: 'bad_request', field: 'at', message: `at: must not be before the start of downtime (${new Date(WORKING_HOURS).toISOString()})` });
    expect((await refused(400, () => restore(id, { at: WORKING_HOURS + 25 * MIN + 1 }))).field).toBe('at');
    expect((await refused(400, () => restore(id, { at: 'soon' }))).field).toBe('body.at');
    const r = await restore(id);
    expect(r.status).toBe(200);
    expect(r.body.outage).toMatchObject({ state: 'restored', restoredAt: WORKING_HOURS + 25 * MIN });
    expect(r.body.tickets).toEqual([expect.objectContaining({ id: ticket, status: 'new' })]);
    expect(r.body.timeline.at(-1)).toMatchObject({ action: 'restored', actor: { name: 'Anna Kovalenko' }, at: WORKING_HOURS + 25 * MIN });
    expect((await refused(409, () => restore(id))).message).toBe(`outage #${id} was restored already (${new Date(WORKING_HOURS + 25 * MIN).toISOString()})`);

    const second = await outage(WORKING_HOURS, 5 * MIN);
    t.clock.set(WORKING_HOURS + 40 * MIN);
    const at = await restore(second.id, { at: WORKING_HOURS + 12 * MIN });
    expect(at.body.outage).toMatchObject({ restoredAt: WORKING_HOURS + 12 * MIN, state: 'restored' });
  });

  it('resolving every linked ticket does not restore the outage', async () => {
    const { id, ticket } = await outage();
    await t.request('POST', `/api/v1/tickets/${ticket}/take`, { token: await as('anna') });
    expect((await t.request('POST', `/api/v1/tickets/${ticket}/resolve`, { token: await as('anna'), body: { withoutReply: true } })).status).toBe(200);
    expect((await get(id)).body.outage).toMatchObject({ state: 'open', restoredAt: null });
  });

  it('a restored outage takes only tickets received before its restore, and keeps a start before it', async () => {
    const first = await file(WORKING_HOURS + 10 * MIN);
    t.clock.set(WORKING_HOURS + 11 * MIN);
    const id = (await declare(first)).body.outage.id as number;
    const before = await file(WORKING_HOURS + 12 * MIN);
    t.clock.set(WORKING_HOURS + 15 * MIN);
    expect((await restore(id)).status).toBe(200);
    const after = await file(WORKING_HOURS + 16 * MIN);
    expect((await refused(409, () => link(id, after))).message).toBe(
      `ticket #${after} was received at ${new Date(WORKING_HOURS + 16 * MIN).toISOString()}, after outage #${id} was restored (${new Date(WORKING_HOURS + 15 * MIN).toISOString()})`,
    );
    const earlier = await file(WORKING_HOURS + MIN);
    t.clock.set(WORKING_HOURS + 17 * MIN);
    expect((await link(id, earlier)).body.outage).toMatchObject({ startedAt: WORKING_HOURS + MIN, state: 'restored' });
    expect((await link(id, before)).status).toBe(200);
    expect((await unlink(id, earlier)).body.outage.startedAt).toBe(WORKING_HOURS + 10 * MIN);
    // Without `first` and `earlier`, the start would be 12 minutes in: still before the restore at 15.
    expect((await unlink(id, first)).body.outage.startedAt).toBe(WORKING_HOURS + 12 * MIN);
  });

  it('unlinking is refused when the new start would fall after the restore', async () => {
    const first = await file(WORKING_HOURS);
    t.clock.set(WORKING_HOURS + MIN);
    const id = (await declare(first)).body.outage.id as number;
    t.clock.set(WORKING_HOURS + 10 * MIN);
    expect((await restore(id)).status).toBe(200);
    // A ticket received after the restore is refused, so link one received before and make the first one the only early one.
    const second = await file(WORKING_HOURS + 5 * MIN);
    t.clock.set(WORKING_HOURS + 11 * MIN);
    expect((await link(id, second)).status).toBe(200);
    expect((await unlink(id, first)).body.outage.startedAt).toBe(WORKING_HOURS + 5 * MIN);
    expect((await link(id, first)).status).toBe(200);
    // Now restore a second outage early and show the refusal.
    const late = await file(WORKING_HOURS + 30 * MIN);
    t.clock.set(WORKING_HOURS + 31 * MIN);
    const o = (await declare(late)).body.outage.id as number;
    const early = await file(WORKING_HOURS + 20 * MIN);
    t.clock.set(WORKING_HOURS + 32 * MIN);
    expect((await link(o, early)).body.outage.startedAt).toBe(WORKING_HOURS + 20 * MIN);
    expect((await restore(o, { at: WORKING_HOURS + 25 * MIN })).status).toBe(200);
    expect((await refused(409, () => unlink(o, early))).message).toBe(
      `without ticket #${early}, outage #${o} would start at ${new Date(WORKING_HOURS + 30 * MIN).toISOString()}, after it was restored (${new Date(WORKING_HOURS + 25 * MIN).toISOString()})`,
    );
  });

  it('exclude marks the outage with its reason (R27), open or restored; twice is 409; a blank reason is 400', async () => {
    const { id } = await outage();
    expect((await refused(400, () => exclude(id, ''))).field).toBe('body.reason');
    const r = await exclude(id, "The customer's own PBX failed");
    expect(r.status).toBe(200);
    expect(r.body.outage).toMatchObject({ excluded: true, exclusionReason: "The customer's own PBX failed", state: 'open' });
    expect(r.body.timeline.at(-1)).toMatchObject({ action: 'excluded', detail: "The customer's own PBX failed" });
    expect((await refused(409, () => exclude(id, 'again', 'boris'))).error).toBe('conflict');
  });

  it('compensation decisions are managers\' (R6c), recorded with the outage and on its timeline', async () => {
    const { id } = await outage();
    const decide = async (login: string) => t.request('POST', `/api/v1/outages/${id}/compensation`, { token: await as(login), body: { decision: 'One week free for every client of the group' } });
    for (const login of ['anna', 'admin', 'alpha.user']) expect((await refused(403, () => decide(login))).error).toBe('forbidden');
    const r = await decide('sofia');
    expect(r.status).toBe(200);
    expect(r.body.compensations).toEqual([{ id: expect.any(Number), decision: 'One week free for every client of the group', by: { id: t.people.users.get('sofia'), name: 'Sofia Tkachenko' }, at: t.clock.now() }]);
    expect(r.body.timeline.at(-1)).toMatchObject({ action: 'compensation', actor: { name: 'Sofia Tkachenko' }, detail: 'One week free for every client of the group' });
  });
});
