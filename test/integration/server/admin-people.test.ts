/**
 * People and clients as administrators manage them, over real HTTP on SQLite and PostgreSQL:
 * agents created with a temporary password, edited, reset, deactivated (signed out everywhere,
 * sockets closed, tokens refused, off the roster from now on, name kept on history) and
 * reactivated; the last active admin kept, also under a race; clients and customers; every change
 * in the admin audit, never with a password or hash.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/sessions.ts';
import { fakeClock, WORKING_HOURS } from '../../support/clock.ts';
import { freshDatabase, engines, startTestService, useTestService, type TestService } from '../../support/service.ts';

const SESSION_ENDED = 4401;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function signIn(t: TestService, login: string, password = 'demo'): Promise<{ status: number; token: string; message: string; mustChange: boolean }> {
  const r = await t.request('POST', '/api/v1/session', { body: { login, password } });
  return { status: r.status, token: r.body?.token as string, message: r.body?.message as string, mustChange: r.body?.mustChangePassword as boolean };
}

/** Signs in with a temporary password and sets `password`; the new token. */
async function takeOver(t: TestService, login: string, temporary: string, password = `${login}-chosen-password`): Promise<string> {
  const first = await signIn(t, login, temporary);
  expect(first.status).toBe(200);
  const r = await t.request('POST', '/api/v1/session/password', { token: first.token, body: { current: temporary, next: password } });
  expect(r.status).toBe(200);
  return first.token;
}

async function openSocket(url: string, token: string): Promise<{ closed: Promise<number>; socket: WebSocket }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/events?token=${encodeURIComponent(token)}`);
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', () => reject(new Error('refused')));
  });
  return { closed, socket };
}

/** No password, hash or token anywhere in a response. */
function expectNoSecrets(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/scrypt\$|password_hash|passwordHash|token_hash/);
}

describe.each(engines())('people and clients on %s', (engine) => {
  const t = useTestService(engine);
  const id = (login: string) => t.people.users.get(login) ?? 0;
  const as = async (login: string, method: string, path: string, body?: unknown) => t.request(method, path, { token: await t.login(login), ...(body !== undefined ? { body } : {}) });
  const audit = async (query: string) => ((await as('admin', 'GET', `/api/v1/admin/audit?${query}`)).body.entries ?? []) as { action: string; targetId: number; targetName: string | null; detail: Record<string, unknown>; actor: { id: number } | null; at: number; id: number }[];

  it('creates an agent with a temporary password shown once, which the agent must change; the login is unique', async () => {
    const r = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'petro', name: 'Petro Savchuk', role: 'agent', tiers: ['l1', 'l2-analysts'], language: 'uk' });
    expect(r.status).toBe(201);
    expect(r.body.agent).toMatchObject({ login: 'petro', name: 'Petro Savchuk', role: 'agent', tiers: ['l1', 'l2-analysts'], language: 'uk', active: true, mustChangePassword: true, deactivatedAt: null });
    expectNoSecrets(r.body);
    const stored = await t.db.kysely.selectFrom('users').select('password_hash').where('login', '=', 'petro').executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain(r.body.temporaryPassword);
    const first = await signIn(t, 'petro', r.body.temporaryPassword as string);
    expect([first.status, first.mustChange]).toEqual([200, true]);

    expect((await as('admin', 'POST', '/api/v1/admin/agents', { login: 'petro', name: 'Another', role: 'agent', tiers: [] })).status).toBe(409);
    expect((await as('admin', 'POST', '/api/v1/admin/agents', { login: 'anna', name: 'Another Anna', role: 'agent', tiers: [] })).status).toBe(409);
    const upper = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'Petro', name: 'Another', role: 'agent', tiers: [] });
    expect([upper.status, upper.body.field]).toEqual([400, 'body.login']);
    const noName = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'nameless', role: 'agent', tiers: [] });
    expect([noName.status, noName.body.field]).toEqual([400, 'body.name']);
    const twice = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'twice', name: 'Twice', role: 'agent', tiers: ['l1', 'l1'] });
    expect([twice.status, twice.body.field]).toEqual([400, 'body.tiers']);
    const role = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'boss', name: 'Boss', role: 'owner', tiers: [] });
    expect([role.status, role.body.field]).toEqual([400, 'body.role']);

    const list = await as('sofia', 'GET', '/api/v1/admin/agents');
    expect(list.status).toBe(200);
    expect((list.body.agents as { login: string }[]).map((a) => a.login)).toContain('petro');
    expectNoSecrets(list.body);
    const entry = (await audit('action=agent_created'))[0];
    expect(entry).toMatchObject({ targetName: 'Petro Savchuk', detail: { login: 'petro', role: 'agent', tiers: ['l1', 'l2-analysts'] }, actor: { id: id('admin') } });
  });

  it('edits name, role, tiers and language, and audits what changed', async () => {
    const created = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'yulia', name: 'Yulia K', role: 'agent', tiers: ['l1'] });
    const agentId = created.body.agent.id as number;
    const r = await as('admin', 'PATCH', `/api/v1/admin/agents/${agentId}`, { name: 'Yulia Kravets', role: 'manager', tiers: ['escalation'], language: 'ru' });
    expect(r.status).toBe(200);
    expect(r.body.agent).toMatchObject({ name: 'Yulia Kravets', role: 'manager', tiers: ['escalation'], language: 'ru', active: true });
    const empty = await as('admin', 'PATCH', `/api/v1/admin/agents/${agentId}`, {});
    expect(empty.status).toBe(400);
    expect((await as('admin', 'PATCH', '/api/v1/admin/agents/999999', { name: 'Nobody' })).status).toBe(404);
    // A customer is no agent.
    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${id('alpha.user')}`, { name: 'Nobody' })).status).toBe(404);
    const entry = (await audit(`action=agent_updated&targetId=${agentId}`))[0];
    expect(entry?.detail.changes).toEqual({ name: { from: 'Yulia K', to: 'Yulia Kravets' }, role: { from: 'agent', to: 'manager' }, tiers: { from: ['l1'], to: ['escalation'] }, language: { from: 'en', to: 'ru' } });
  });

  it('a reset signs the agent out everywhere and makes them change the password at the next sign-in', async () => {
    const token = (await signIn(t, 'boris')).token;
    const socket = await openSocket(t.url, token);
    const r = await as('admin', 'POST', `/api/v1/admin/agents/${id('boris')}/password`);
    expect(r.status).toBe(200);
    expect(await socket.closed).toBe(SESSION_ENDED);
    expect((await t.request('GET', '/api/v1/session', { token })).status).toBe(401);
    expect((await signIn(t, 'boris')).status).toBe(401);
    const next = await signIn(t, 'boris', r.body.temporaryPassword as string);
    expect([next.status, next.mustChange]).toEqual([200, true]);
    expect((await t.request('GET', '/api/v1/tickets', { token: next.token })).body.error).toBe('password_change_required');
    await t.request('POST', '/api/v1/session/password', { token: next.token, body: { current: r.body.temporaryPassword, next: 'demo-demo-demo' } });
    expect((await t.request('GET', '/api/v1/tickets', { token: next.token })).status).toBe(200);
    const entry = (await audit(`action=agent_password_reset&targetId=${id('boris')}`))[0];
    expect(entry?.detail).toEqual({ login: 'boris', sessionsEnded: 1 });
  });

  it('deactivation signs the agent out everywhere, refuses their tokens and sign-ins, keeps their name on history; reactivation lets them in again', async () => {
    const created = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'taras', name: 'Taras Hnatyuk', role: 'agent', tiers: ['l1', 'l2-analysts'] });
    const agentId = created.body.agent.id as number;
    const token = await takeOver(t, 'taras', created.body.temporaryPassword as string, 'taras-password-1');
    const other = (await signIn(t, 'taras', 'taras-password-1')).token;
    const sockets = [await openSocket(t.url, token), await openSocket(t.url, other)];
    // Taras takes a ticket: history that must keep his name.
    const filed = await as('alpha.user', 'POST', '/api/v1/tickets', { kind: 'problem', subject: 'Queue stuck', body: 'Nothing moves.' });
    const ticketId = filed.body.ticket.id as number;
    expect((await t.request('POST', `/api/v1/tickets/${ticketId}/take`, { token })).status).toBe(200);

    const r = await as('admin', 'PATCH', `/api/v1/admin/agents/${agentId}`, { active: false });
    expect(r.status).toBe(200);
    expect(r.body.agent).toMatchObject({ active: false, deactivatedAt: t.clock.now() });
    for (const s of sockets) expect(await s.closed).toBe(SESSION_ENDED);
    for (const tk of [token, other]) expect((await t.request('GET', '/api/v1/session', { token: tk })).status).toBe(401);
    // The right password says the account is deactivated; a wrong one says no more than for anyone.
    const refused = await signIn(t, 'taras', 'taras-password-1');
    expect([refused.status, refused.message]).toEqual([401, 'this account has been deactivated; ask an administrator']);
    expect((await signIn(t, 'taras', 'wrong-password')).message).toBe('wrong login or password');
    // A token that raced the deactivation is refused too (the session row alone does not let it in).
    await t.db.kysely.insertInto('sessions').values({ token_hash: hashToken('raced-token'), user_id: agentId, created_at: t.clock.now(), expires_at: t.clock.now() + DAY, user_agent: null, last_used_at: null }).execute();
    expect((await t.request('GET', '/api/v1/session', { token: 'raced-token' })).status).toBe(401);
    const detail = await as('sofia', 'GET', `/api/v1/tickets/${ticketId}`);
    expect(detail.body.ticket.assignee).toEqual({ id: agentId, name: 'Taras Hnatyuk' });
    expect(detail.body.audit.find((a: { action: string }) => a.action === 'taken').actor.name).toBe('Taras Hnatyuk');
    const directory = await as('anna', 'GET', '/api/v1/agents');
    expect(directory.body.agents.find((a: { id: number }) => a.id === agentId)).toMatchObject({ name: 'Taras Hnatyuk', active: false });
    expect((await as('admin', 'GET', '/api/v1/admin/agents?state=active')).body.agents.some((a: { id: number }) => a.id === agentId)).toBe(false);
    expect((await as('admin', 'GET', '/api/v1/admin/agents?state=inactive')).body.agents.map((a: { id: number }) => a.id)).toContain(agentId);
    // A deactivated agent is no one to route to.
    const route = await as('sofia', 'POST', `/api/v1/tickets/${(await as('alpha.user', 'POST', '/api/v1/tickets', { kind: 'bug', subject: 'x', body: 'y' })).body.ticket.id}/route`, { tier: 'l2-analysts', reason: 'to taras', assigneeId: agentId });
    expect([route.status, route.body.field, route.body.message]).toEqual([400, 'assigneeId', 'no such agent']);

    const back = await as('admin', 'PATCH', `/api/v1/admin/agents/${agentId}`, { active: true });
    expect(back.body.agent).toMatchObject({ active: true, deactivatedAt: null });
    expect((await signIn(t, 'taras', 'taras-password-1')).status).toBe(200);
    expect((await audit(`targetId=${agentId}&targetKind=agent`)).map((e) => e.action)).toEqual(['agent_reactivated', 'agent_deactivated', 'password_changed', 'agent_created']);
    expect((await audit(`action=agent_deactivated&targetId=${agentId}`))[0]?.detail).toEqual({ login: 'taras', name: 'Taras Hnatyuk', sessionsEnded: 2 });
  });

  it('deactivation takes the agent off the roster from now on: out of the rotation, the running override cut, future ones removed, past ones kept', async () => {
    const now = t.clock.now();
    const ids = { olga: id('olga'), dmytro: id('dmytro'), maria: id('maria') };
    const created = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'roman', name: 'Roman Lysenko', role: 'agent', tiers: ['l1'] });
    const roman = created.body.agent.id as number;
    // Primary: roman this week (from Monday 2026-11-23 09:00), then olga, then dmytro. Secondary: maria, roman.
    const rotation = (agents: number[]) => ({ agents, start: '2026-11-23', handovers: [{ weekday: 1, time: '09:00' }], rotateAt: { weekday: 1, time: '09:00' } });
    const schedule = { primary: rotation([roman, ids.olga, ids.dmytro]), secondary: rotation([ids.maria, roman]) };
    expect((await as('sofia', 'PUT', '/api/v1/oncall/schedule', schedule)).status).toBe(200);
    expect((await as('sofia', 'GET', '/api/v1/oncall')).body.primary).toBe(roman);
    const override = async (from: number, to: number) => (await as('sofia', 'POST', '/api/v1/oncall/overrides', { agentId: roman, layer: 'secondary', from, to })).body.id as number;
    const past = await override(now - 3 * DAY, now - 2 * DAY);
    const running = await override(now - HOUR, now + HOUR);
    const future = await override(now + 2 * DAY, now + 3 * DAY);

    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${roman}`, { active: false })).status).toBe(200);
    const after = (await as('sofia', 'GET', '/api/v1/oncall/schedule')).body;
    // Olga takes over the primary now, dmytro next week; maria keeps the secondary.
    expect(after.primary.agents).not.toContain(roman);
    expect(after.secondary.agents).toEqual([ids.maria]);
    const onCall = (await as('sofia', 'GET', '/api/v1/oncall')).body;
    expect(onCall.primary).toBe(ids.olga);
    expect(onCall.secondary).toBe(ids.maria);
    const nextWeek = (await as('sofia', 'GET', `/api/v1/oncall?at=${now + 7 * DAY}`)).body;
    expect(nextWeek.primary).toBe(ids.dmytro);
    const overrides = (await as('sofia', 'GET', `/api/v1/oncall/overrides?from=${now - 10 * DAY}`)).body.overrides as { id: number; from: number; to: number }[];
    expect(overrides.find((o) => o.id === past)).toMatchObject({ from: now - 3 * DAY, to: now - 2 * DAY });
    expect(overrides.find((o) => o.id === running)).toMatchObject({ from: now - HOUR, to: now });
    expect(overrides.find((o) => o.id === future)).toBeUndefined();
    // From now on nobody can put them back on call.
    const again = await as('sofia', 'POST', '/api/v1/oncall/overrides', { agentId: roman, layer: 'primary', from: now + 5 * DAY, to: now + 6 * DAY });
    expect([again.status, again.body.field]).toEqual([400, 'agentId']);
    const back = await as('sofia', 'PUT', '/api/v1/oncall/schedule', schedule);
    expect([back.status, back.body.field]).toEqual([400, 'primary.agents']);
    // Restore a roster without roman for the other tests.
    await as('sofia', 'PUT', '/api/v1/oncall/schedule', { primary: rotation([]), secondary: rotation([]) });
  });

  it('keeps the last active admin: neither deactivated nor demoted (409); another admin makes it possible', async () => {
    const only = id('admin');
    const off = await as('admin', 'PATCH', `/api/v1/admin/agents/${only}`, { active: false });
    expect([off.status, off.body.error]).toEqual([409, 'conflict']);
    expect(off.body.message).toContain('last active admin');
    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${only}`, { role: 'manager' })).status).toBe(409);
    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${only}`, { role: 'admin', name: 'Administrator' })).status).toBe(200);
    // A deactivated admin does not count.
    const second = await as('admin', 'POST', '/api/v1/admin/agents', { login: 'second.admin', name: 'Second Admin', role: 'admin', tiers: [] });
    const secondId = second.body.agent.id as number;
    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${secondId}`, { active: false })).status).toBe(200);
    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${only}`, { role: 'agent' })).status).toBe(409);
    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${secondId}`, { active: true })).status).toBe(200);
    expect((await as('admin', 'PATCH', `/api/v1/admin/agents/${secondId}`, { role: 'manager' })).status).toBe(200);
  });

  it('keeps an admin when two changes race to remove the last two (one 200, one 409, every time)', async () => {
    const activeAdmins = async () => Number((await t.db.kysely.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow()).n);
    for (let round = 0; round < 8; round++) {
      const r = await as('admin', 'POST', '/api/v1/admin/agents', { login: `race.admin.${round}`, name: `Race Admin ${round}`, role: 'admin', tiers: [] });
      const other = r.body.agent.id as number;
      expect(await activeAdmins()).toBe(2);
      // The admin demotes themselves while deactivating the other one: each alone would leave one admin.
      const [a, b] = await Promise.all([
        as('admin', 'PATCH', `/api/v1/admin/agents/${other}`, { active: false }),
        as('admin', 'PATCH', `/api/v1/admin/agents/${id('admin')}`, { role: 'manager' }),
      ]);
      // The loser sees the winner's change: 409 (the last admin), or 403 when the demotion landed before the other request was even let in.
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      expect([a.status, b.status].every((s) => [200, 403, 409].includes(s))).toBe(true);
      expect(await activeAdmins()).toBe(1);
      // Back to one admin: `admin`.
      if (b.status === 200) {
        await t.db.kysely.updateTable('users').set({ role: 'admin' }).where('id', '=', id('admin')).execute();
        await t.db.kysely.updateTable('users').set({ active: 0 }).where('id', '=', other).execute();
      }
    }
  });

  it('clients: created with a unique name (whatever its case), edited, listed with their customer counts', async () => {
    const r = await as('admin', 'POST', '/api/v1/admin/clients', { name: 'Delta Telecom', primaryGroup: 'inbound', language: 'uk' });
    expect(r.status).toBe(201);
    expect(r.body.client).toMatchObject({ name: 'Delta Telecom', primaryGroup: 'inbound', language: 'uk', customerCount: 0, activeCustomerCount: 0 });
    const clientId = r.body.client.id as number;
    expect((await as('admin', 'POST', '/api/v1/admin/clients', { name: 'delta telecom', primaryGroup: 'inbound', language: 'uk' })).status).toBe(409);
    expect((await as('admin', 'PATCH', `/api/v1/admin/clients/${clientId}`, { name: 'ALPHA' })).status).toBe(409);
    const bad = await as('admin', 'POST', '/api/v1/admin/clients', { name: 'Epsilon', primaryGroup: 'outbound', language: 'uk' });
    expect([bad.status, bad.body.field]).toEqual([400, 'body.primaryGroup']);
    const edited = await as('admin', 'PATCH', `/api/v1/admin/clients/${clientId}`, { primaryGroup: 'autodialer', language: 'en' });
    expect(edited.body.client).toMatchObject({ name: 'Delta Telecom', primaryGroup: 'autodialer', language: 'en' });
    expect((await as('admin', 'PATCH', '/api/v1/admin/clients/999999', { language: 'en' })).status).toBe(404);
    const list = await as('sofia', 'GET', '/api/v1/admin/clients');
    expect(list.body.clients.find((c: { name: string }) => c.name === 'Alpha')).toMatchObject({ customerCount: 1, activeCustomerCount: 1 });
    expect((await audit(`targetKind=client&targetId=${clientId}`)).map((e) => e.action)).toEqual(['client_updated', 'client_created']);
  });

  it('two clients whose names differ only by case, created at once: one 201, one 409, every time', async () => {
    for (let round = 0; round < 6; round++) {
      const name = `Race Client ${round}`;
      const body = (n: string) => ({ name: n, primaryGroup: 'inbound', language: 'en' });
      const [a, b] = await Promise.all([as('admin', 'POST', '/api/v1/admin/clients', body(name)), as('admin', 'POST', '/api/v1/admin/clients', body(name.toUpperCase()))]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
    }
  });

  it("customers of a client: created (the client's language by default), edited, reset, deactivated with their sockets closed", async () => {
    const client = (await as('admin', 'POST', '/api/v1/admin/clients', { name: 'Zeta', primaryGroup: 'autodialer', language: 'ru' })).body.client.id as number;
    const r = await as('admin', 'POST', `/api/v1/admin/clients/${client}/customers`, { login: 'zeta.user', name: 'Zoya Zaitseva' });
    expect(r.status).toBe(201);
    expect(r.body.customer).toMatchObject({ login: 'zeta.user', name: 'Zoya Zaitseva', language: 'ru', clientId: client, active: true, mustChangePassword: true });
    expectNoSecrets(r.body);
    const customerId = r.body.customer.id as number;
    expect((await as('admin', 'POST', `/api/v1/admin/clients/${client}/customers`, { login: 'alpha.user', name: 'Taken' })).status).toBe(409);
    expect((await as('admin', 'POST', '/api/v1/admin/clients/999999/customers', { login: 'nowhere', name: 'Nowhere' })).status).toBe(404);
    const token = await takeOver(t, 'zeta.user', r.body.temporaryPassword as string);
    // The customer files for Zeta.
    const filed = await t.request('POST', '/api/v1/tickets', { token, body: { kind: 'question', subject: 'Hello', body: 'How do I export?' } });
    expect(filed.body.ticket.client.name).toBe('Zeta');

    expect((await as('admin', 'PATCH', `/api/v1/admin/clients/${client}/customers/${customerId}`, { language: 'en' })).body.customer.language).toBe('en');
    // Another client's path does not reach this customer.
    expect((await as('admin', 'PATCH', `/api/v1/admin/clients/${t.people.clients.get('Alpha') ?? 0}/customers/${customerId}`, { language: 'uk' })).status).toBe(404);
    const socket = await openSocket(t.url, token);
    const off = await as('admin', 'PATCH', `/api/v1/admin/clients/${client}/customers/${customerId}`, { active: false });
    expect(off.body.customer).toMatchObject({ active: false });
    expect(await socket.closed).toBe(SESSION_ENDED);
    expect((await t.request('GET', '/api/v1/tickets', { token })).status).toBe(401);
    expect((await as('admin', 'GET', `/api/v1/admin/clients/${client}/customers?state=active`)).body.customers).toEqual([]);
    expect((await as('sofia', 'GET', `/api/v1/admin/clients/${client}/customers`)).body.customers).toHaveLength(1);
    const history = await as('sofia', 'GET', `/api/v1/tickets/${filed.body.ticket.id}`);
    expect(history.body.ticket.author.name).toBe('Zoya Zaitseva');
    const reset = await as('admin', 'POST', `/api/v1/admin/clients/${client}/customers/${customerId}/password`);
    expect(reset.status).toBe(200);
    await as('admin', 'PATCH', `/api/v1/admin/clients/${client}/customers/${customerId}`, { active: true });
    expect((await signIn(t, 'zeta.user', reset.body.temporaryPassword as string)).mustChange).toBe(true);
    expect((await audit(`targetKind=customer&targetId=${customerId}`)).map((e) => e.action)).toEqual([
      'customer_reactivated',
      'customer_password_reset',
      'customer_deactivated',
      'customer_updated',
      'password_changed',
      'customer_created',
    ]);
  });

  it('the audit: admins only, newest first, filtered by actor, action, target and time, paged; never a password, hash or token', async () => {
    const all = await audit('limit=1000');
    expect(all.length).toBeGreaterThan(20);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/scrypt\$|temporaryPassword|[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
    const byAdmin = await audit(`actor=${id('admin')}&limit=1000`);
    expect(byAdmin.every((e) => e.actor?.id === id('admin'))).toBe(true);
    expect(byAdmin.length).toBeLessThan(all.length);
    t.clock.advance(HOUR);
    const from = t.clock.now();
    await as('admin', 'PATCH', `/api/v1/admin/agents/${id('anna')}`, { language: 'en' });
    const recent = await audit(`from=${from}`);
    expect(recent.map((e) => e.action)).toEqual(['agent_updated']);
    expect(await audit(`to=${from}&action=agent_updated&targetId=${id('anna')}`)).toEqual([]);
    const page1 = await audit('limit=5');
    const page2 = await audit(`limit=5&before=${page1[4]?.id ?? 0}`);
    expect(page2[0]?.id).toBeLessThan(page1[4]?.id ?? 0);
    expect((await as('sofia', 'GET', '/api/v1/admin/audit')).status).toBe(403);
    const bad = await as('admin', 'GET', '/api/v1/admin/audit?from=yesterday');
    expect([bad.status, bad.body.field]).toEqual([400, 'querystring.from']);
  });

  it('managers read people and clients; only admins change them', async () => {
    const manager = await t.login('sofia');
    expect((await t.request('GET', '/api/v1/admin/agents', { token: manager })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/admin/clients', { token: manager })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/admin/agents', { token: manager, body: { login: 'by.manager', name: 'By Manager', role: 'agent', tiers: [] } })).status).toBe(403);
    expect((await t.request('PATCH', `/api/v1/admin/agents/${id('anna')}`, { token: manager, body: { name: 'Renamed' } })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/admin/agents', { token: await t.login('anna') })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/admin/clients', { token: await t.login('alpha.user') })).status).toBe(403);
  });
});

describe.skipIf(inject('pgBaseUrl') === null)('deactivation across two instances on one PostgreSQL', () => {
  let a: TestService;
  let b: TestService;
  let drop: () => Promise<void>;
  const clock = fakeClock(WORKING_HOURS);
  beforeAll(async () => {
    const fresh = await freshDatabase('postgres');
    drop = fresh.drop;
    a = await startTestService('postgres', { clock, location: fresh.location, service: { sessionCheckMs: 50 } });
    b = await startTestService('postgres', { clock, location: fresh.location, service: { sessionCheckMs: 50 } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await drop();
  });

  it("an agent deactivated through instance A loses their socket on instance B and B refuses their token", async () => {
    const token = await b.login('olga');
    const onB = await openSocket(b.url, token);
    const r = await a.request('PATCH', `/api/v1/admin/agents/${a.people.users.get('olga') ?? 0}`, { token: await a.login('admin'), body: { active: false } });
    expect(r.status).toBe(200);
    expect(await onB.closed).toBe(SESSION_ENDED);
    expect((await b.request('GET', '/api/v1/tickets', { token })).status).toBe(401);
  });

  it('the last-admin check holds across instances: two admins removing each other through A and B leave one', async () => {
    const created = await a.request('POST', '/api/v1/admin/agents', { token: await a.login('admin'), body: { login: 'admin.two', name: 'Admin Two', role: 'admin', tiers: [] } });
    const two = created.body.agent.id as number;
    const twoToken = await takeOver(b, 'admin.two', created.body.temporaryPassword as string);
    const [x, y] = await Promise.all([
      a.request('PATCH', `/api/v1/admin/agents/${two}`, { token: await a.login('admin'), body: { role: 'agent' } }),
      b.request('PATCH', `/api/v1/admin/agents/${a.people.users.get('admin') ?? 0}`, { token: twoToken, body: { role: 'agent' } }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const admins = await a.db.kysely.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    expect(admins).toHaveLength(1);
  });
});
