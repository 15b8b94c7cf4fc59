/**
 * Outages over real HTTP on both engines (docs/availability.md): declare from a ticket, link and
 * unlink (the start follows the earliest receipt, R19), restore, exclude (R27), compensation (R6c),
 * what customers see, the events, and that a refused request changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../../shared/model/index.ts';
import { WORKING_HOURS } from '../../support/clock.ts';
import { changedTables, digestDatabase } from '../../support/db-digest.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe.each(engines())('outages (%s)', (engine) => {
  const t = useTestService(engine);
  // Tokens live 7 days on the service's clock, which some tests move by weeks: sign in again then.
  const tokens = new Map<string, { token: string; at: number }>();
  async function as(login: string): Promise<string> {
    const cached = tokens.get(login);
    if (cached !== undefined && Math.abs(t.clock.now() - cached.at) < 6 * DAY) return cached.token;
    const r = await t.request('POST', '/api/v1/session', { body: { login, password: 'demo' } });
    tokens.set(login, { token: r.body.token, at: t.clock.now() });
    return r.body.token as string;
  }
  // Signed in up front, so the sessions table stays still while a refusal is checked.
  beforeAll(async () => {
    for (const login of ['anna', 'boris', 'sofia', 'admin', 'alpha.user', 'beta.user']) await as(login);
  });

  /** Files a ticket at `at` (the service's clock), as `customer`. */
  async function file(at: number, customer = 'alpha.user'): Promise<number> {
    t.clock.set(at);
    const r = await t.request('POST', '/api/v1/tickets', { token: await as(customer), body: { kind: 'problem', subject: 'Autodialer silent', body: 'No calls go out.' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket.id as number;
  }
  const declare = async (ticketId: number, login = 'anna', groups: string[] = ['autodialer']) =>
    t.request('POST', '/api/v1/outages', { token: await as(login), body: { groups, summary: 'Trunk provider down', ticketId } });
  const link = async (id: number, ticketId: number, login = 'anna') => t.request('POST', `/api/v1/outages/${id}/tickets`, { token: await as(login), body: { ticketId } });
  const unlink = async (id: number, ticketId: number, login = 'anna') => t.request('DELETE', `/api/v1/outages/${id}/tickets/${ticketId}`, { token: await as(login) });
  const restore = async (id: number, body?: unknown, login = 'anna') => t.request('POST', `/api/v1/outages/${id}/restore`, { token: await as(login), ...(body !== undefined ? { body } : {}) });
  const get = async (id: number, login = 'anna') => t.request('GET', `/api/v1/outages/${id}`, { token: await as(login) });
  const list = async (query = '', login = 'anna') => t.request('GET', `/api/v1/outages${query}`, { token: await as(login) });
  /** A fresh outage declared from a ticket received at `at`, now `later` after it. */
  async function outage(at = WORKING_HOURS, later = 5 * MIN, groups: string[] = ['autodialer']): Promise<{ id: number; ticket: number }> {
    const ticket = await file(at);
    t.clock.set(at + later);
    const r = await declare(ticket, 'anna', groups);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.outage.id as number, ticket };
  }
  /** Runs `request` and checks that it was refused with `status` and changed nothing. */
  async function refused(status: number, request: () => Promise<{ status: number; body: unknown }>): Promise<{ error: string; message: string; field?: string }> {
    const before = await digestDatabase(t.db);
    const r = await request();
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(changedTables(before, await digestDatabase(t.db))).toEqual([]);
    return r.body as { error: string; message: string; field?: string };
  }

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
    expect(detail.ticket.outageId).toBe(r.body.outage.id);
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
    expect(audit.ticket.outageId).toBeNull();
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
    expect((await t.request('POST', `/api/v1/tickets/${ticket}/resolve`, { token: await as('anna') })).status).toBe(200);
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
    expect((await refused(400, async () => t.request('POST', `/api/v1/outages/${id}/exclude`, { token: await as('anna'), body: { reason: '' } }))).field).toBe('body.reason');
    const r = await t.request('POST', `/api/v1/outages/${id}/exclude`, { token: await as('anna'), body: { reason: "The customer's own PBX failed" } });
    expect(r.status).toBe(200);
    expect(r.body.outage).toMatchObject({ excluded: true, exclusionReason: "The customer's own PBX failed", state: 'open' });
    expect(r.body.timeline.at(-1)).toMatchObject({ action: 'excluded', detail: "The customer's own PBX failed" });
    expect((await refused(409, async () => t.request('POST', `/api/v1/outages/${id}/exclude`, { token: await as('boris'), body: { reason: 'again' } }))).error).toBe('conflict');
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

  it('customers see their group\'s outages (public part: count and start), never other groups\', excluded ones, summaries or tickets', async () => {
    const auto = await outage(WORKING_HOURS, 5 * MIN, ['autodialer']);
    const inbound = await outage(WORKING_HOURS, 5 * MIN, ['inbound']);
    const excluded = await outage(WORKING_HOURS, 5 * MIN, ['autodialer', 'inbound']);
    await t.request('POST', `/api/v1/outages/${excluded.id}/exclude`, { token: await as('anna'), body: { reason: 'their carrier' } });
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
    await t.request('POST', `/api/v1/outages/${id}/exclude`, { token: await as('anna'), body: { reason: 'force majeure' } });
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
