/** The ticket service over HTTP, on SQLite and PostgreSQL: every rule, bad input and permission of issue 3. */
import { describe, expect, it } from 'vitest';
import { SATURDAY_3AM, WORKING_HOURS } from '../../support/clock.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('ticket service on %s', (engine) => {
  const t = useTestService(engine);

  const as = async (login: string) => t.login(login);
  const file = async (login: string, body: Record<string, unknown> = {}) => {
    const r = await t.request('POST', '/api/v1/tickets', { token: await as(login), body: { kind: 'problem', subject: 'Calls drop', body: 'Every call drops after 10 s.', ...body } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket as { id: number; [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const get = async (login: string, id: number) => t.request('GET', `/api/v1/tickets/${id}`, { token: await as(login) });
  const post = async (login: string, id: number, action: string, body?: unknown) => t.request('POST', `/api/v1/tickets/${id}/${action}`, { token: await as(login), body });
  const eventCount = async () => (await t.db.kysely.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;

  describe('sessions', () => {
    it('logs in with scrypt-checked passwords and returns the user', async () => {
      const r = await t.request('POST', '/api/v1/session', { body: { login: 'anna', password: 'demo' } });
      expect(r.status).toBe(200);
      expect(r.body.user).toMatchObject({ kind: 'agent', login: 'anna', tiers: ['l1'], role: 'agent' });
      expect(r.body.token).toMatch(/^[\w-]{40,}$/);
      const me = await t.request('GET', '/api/v1/session', { token: r.body.token });
      expect(me.body.user.login).toBe('anna');
      const stored = await t.db.kysely.selectFrom('users').select('password_hash').where('login', '=', 'anna').executeTakeFirstOrThrow();
      expect(stored.password_hash).toMatch(/^scrypt\$/);
    });
    it('refuses a wrong password and an unknown login alike with 401', async () => {
      for (const body of [{ login: 'anna', password: 'nope' }, { login: 'nobody', password: 'demo' }]) {
        const r = await t.request('POST', '/api/v1/session', { body });
        expect(r.status).toBe(401);
        expect(r.body).toEqual({ error: 'unauthorized', message: 'wrong login or password' });
      }
    });
    it('pauses sign-ins for a login after five wrong passwords (429, saying when), and only for that login', async () => {
      const attempt = (login: string, password: string) => t.request('POST', '/api/v1/session', { body: { login, password } });
      try {
        for (let i = 0; i < 5; i++) expect((await attempt('ivan', `guess-${i}`)).status).toBe(401);
        const paused = await attempt('ivan', 'demo');
        expect(paused.status).toBe(429);
        expect(paused.body).toEqual({ error: 'too_many_requests', message: 'too many wrong passwords for this login; try again in 15 minutes' });
        expect((await attempt('dmytro', 'demo')).status).toBe(200);
        t.clock.advance(15 * MIN);
        expect((await attempt('ivan', 'demo')).status).toBe(200);
      } finally {
        t.clock.set(WORKING_HOURS);
      }
    });
    it('401 without a token, with a bad one, after logout and after expiry', async () => {
      expect((await t.request('GET', '/api/v1/tickets')).status).toBe(401);
      expect((await t.request('GET', '/api/v1/tickets', { token: 'forged' })).status).toBe(401);
      const r = await t.request('POST', '/api/v1/session', { body: { login: 'boris', password: 'demo' } });
      expect((await t.request('DELETE', '/api/v1/session', { token: r.body.token })).status).toBe(204);
      expect((await t.request('GET', '/api/v1/tickets', { token: r.body.token })).status).toBe(401);
      const r2 = await t.request('POST', '/api/v1/session', { body: { login: 'boris', password: 'demo' } });
      t.clock.advance(8 * 24 * 3600_000);
      try {
        expect((await t.request('GET', '/api/v1/tickets', { token: r2.body.token })).status).toBe(401);
      } finally {
        t.clock.set(WORKING_HOURS);
      }
    });
    it('rejects unknown login fields by name', async () => {
      const r = await t.request('POST', '/api/v1/session', { body: { login: 'anna', password: 'demo', remember: true } });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: 'bad_request', field: 'body.remember' });
    });
  });

  it('GET /clock shows the support clock (R9)', async () => {
    t.clock.set(SATURDAY_3AM);
    try {
      const r = await t.request('GET', '/api/v1/clock');
      expect(r.status).toBe(200);
      const { calendar, ...clock } = r.body;
      expect(clock).toEqual({ now: SATURDAY_3AM, zone: 'Europe/Kyiv', offsetMinutes: 120, isWorkingTime: false, isWorkingDay: false, nextOpening: Date.parse('2026-11-30T07:00:00Z') });
      // The calendar itself, so consoles count working time exactly as the service does.
      expect(calendar).toMatchObject({ zone: 'Europe/Kyiv', open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5] });
      // No holidays unless an admin enters them (docs/sla.md: the default calendar).
      expect(calendar.holidays).toEqual([]);
    } finally {
      t.clock.set(WORKING_HOURS);
    }
  });

  describe('filing tickets', () => {
    it('a customer files a ticket: 201, in l1, new, reaction clock of 20 min running (R21)', async () => {
      const ticket = await file('alpha.user');
      expect(ticket).toMatchObject({ tier: 'l1', status: 'new', kind: 'problem', language: 'ru', client: { name: 'Alpha', primaryGroup: 'autodialer' }, assignee: null, escalated: false });
      expect(ticket.sla).toMatchObject({ state: 'running', dueAt: WORKING_HOURS + 20 * MIN, ticking: true });
      const detail = await get('alpha.user', ticket.id);
      expect(detail.body.messages).toMatchObject([{ type: 'customer', body: 'Every call drops after 10 s.' }]);
      expect(detail.body.audit).toEqual([]);
      expect((await get('anna', ticket.id)).body.audit).toMatchObject([{ action: 'created', toTier: 'l1', actor: { name: 'Алексей Смирнов' } }]);
    });
    it('questions get the 1-hour consultation clock (R24), suggestions a month (R23)', async () => {
      expect((await file('gamma.user', { kind: 'question' })).sla.dueAt).toBe(WORKING_HOURS + 60 * MIN);
      expect((await file('gamma.user', { kind: 'suggestion' })).sla.dueAt).toBe(Date.parse('2026-12-25T08:00:00Z'));
    });
    it('agents cannot file tickets (403)', async () => {
      const r = await t.request('POST', '/api/v1/tickets', { token: await as('anna'), body: { kind: 'bug', subject: 's', body: 'b' } });
      expect(r.status).toBe(403);
    });
    it.each([
      [{ kind: 'bug', subject: 'x', body: 'y', priority: 1 }, 'body.priority', /unknown field/],
      [{ kind: 'bug', body: 'y' }, 'body.subject', /required/],
      [{ kind: 'outage', subject: 'x', body: 'y' }, 'body.kind', /./],
      [{ kind: 'bug', subject: 42, body: 'y' }, 'body.subject', /string/],
      [{ kind: 'bug', subject: '   ', body: 'y' }, 'body.subject', /empty/],
      [{ kind: 'bug', subject: 'x', body: 'y', language: 'de' }, 'body.language', /./],
    ])('bad input %j -> 400 naming %s, and nothing is stored', async (body, field, reason) => {
      const before = await t.db.kysely.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const r = await t.request('POST', '/api/v1/tickets', { token: await as('alpha.user'), body });
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('bad_request');
      expect(r.body.field).toBe(field);
      expect(r.body.message).toMatch(reason);
      const after = await t.db.kysely.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(after.n).toEqual(before.n);
    });
    it('invalid JSON is a 400; an oversize body a 413 with a clear message', async () => {
      const bad = await t.request('POST', '/api/v1/tickets', { token: await as('alpha.user'), raw: '{"kind":' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/not valid JSON/);
      const big = await t.request('POST', '/api/v1/tickets', { token: await as('alpha.user'), body: { kind: 'bug', subject: 'x', body: 'y'.repeat(100_000) } });
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ error: 'payload_too_large' });
      expect(big.body.message).toMatch(/larger than the 65536 bytes/);
    });
    it('a body text over 20,000 characters is a 400 on body.body', async () => {
      const r = await t.request('POST', '/api/v1/tickets', { token: await as('alpha.user'), body: { kind: 'bug', subject: 'x', body: 'y'.repeat(20_001) } });
      expect(r.status).toBe(400);
      expect(r.body.field).toBe('body.body');
    });
  });

  describe('visibility', () => {
    it("customers see only their client's tickets: 404 for others, lists filtered", async () => {
      const alpha = await file('alpha.user');
      const r = await get('beta.user', alpha.id);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ error: 'not_found', message: `ticket #${alpha.id} not found` });
      expect((await post('beta.user', alpha.id, 'escalate', { justification: 'Our whole call center is down right now.' })).status).toBe(404);
      const list = await t.request('GET', '/api/v1/tickets?view=all', { token: await as('beta.user') });
      expect(list.body.tickets.every((x: { client: { name: string } }) => x.client.name === 'Beta')).toBe(true);
      expect((await get('anna', alpha.id)).status).toBe(200);
    });
    it('internal notes never reach customers', async () => {
      const ticket = await file('alpha.user');
      expect((await post('dmytro', ticket.id, 'messages', { type: 'note', body: 'customer firewall, see R27' })).status).toBe(201);
      const agent = await get('anna', ticket.id);
      expect(agent.body.messages.map((m: { type: string }) => m.type)).toEqual(['customer', 'note']);
      const customer = await get('alpha.user', ticket.id);
      expect(customer.body.messages.map((m: { type: string }) => m.type)).toEqual(['customer']);
    });
    it('404 for a ticket that does not exist; 400 for a malformed id', async () => {
      expect((await get('anna', 999_999)).status).toBe(404);
      const r = await t.request('GET', '/api/v1/tickets/abc', { token: await as('anna') });
      expect(r.status).toBe(400);
      expect(r.body.field).toBe('params.id');
    });
  });

  describe('reaction and the ball on the customer side (R13, R21)', () => {
    it('take -> in_work, assigned, clock stopped; question -> paused; answer -> in_work, new clock', async () => {
      const ticket = await file('beta.user');
      t.clock.advance(5 * MIN);
      const taken = await post('anna', ticket.id, 'take');
      expect(taken.status).toBe(200);
      expect(taken.body.ticket).toMatchObject({ status: 'in_work', assignee: { name: 'Anna Kovalenko' }, sla: { state: 'idle', dueAt: null } });
      expect((await post('anna', ticket.id, 'take')).status).toBe(409);
      const asked = await post('anna', ticket.id, 'messages', { type: 'question', body: 'Which campaign?' });
      expect(asked.status).toBe(201);
      expect(asked.body.ticket).toMatchObject({ status: 'awaiting_customer', sla: { state: 'paused' } });
      t.clock.advance(30 * MIN);
      const answered = await post('beta.user', ticket.id, 'messages', { type: 'reply', body: 'Campaign "Winter"' });
      expect(answered.status).toBe(201);
      expect(answered.body.ticket).toMatchObject({ status: 'in_work', sla: { state: 'running', dueAt: t.clock.now() + 20 * MIN } });
      expect(answered.body.messages.map((m: { type: string }) => m.type)).toEqual(['customer', 'question', 'customer']);
      t.clock.set(WORKING_HOURS);
    });
    it('customers may only reply (403 for question/note); other tiers may not take (403)', async () => {
      const ticket = await file('beta.user');
      expect((await post('beta.user', ticket.id, 'messages', { type: 'question', body: 'x' })).status).toBe(403);
      expect((await post('beta.user', ticket.id, 'messages', { type: 'note', body: 'x' })).status).toBe(403);
      expect((await post('beta.user', ticket.id, 'take')).status).toBe(403);
      const r = await post('olga', ticket.id, 'take');
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/tier l1/);
      expect((await post('olga', ticket.id, 'messages', { type: 'reply', body: 'x' })).status).toBe(403);
      expect((await get('anna', ticket.id)).body.ticket).toMatchObject({ status: 'new', assignee: null });
    });
    it('a reply is a reaction too', async () => {
      const ticket = await file('gamma.user', { kind: 'question' });
      const r = await post('boris', ticket.id, 'messages', { type: 'reply', body: 'See Settings > Queues.' });
      expect(r.body.ticket).toMatchObject({ status: 'in_work', sla: { state: 'idle' } });
    });
    it('commands take no unknown fields', async () => {
      const ticket = await file('beta.user');
      const r = await post('anna', ticket.id, 'take', { force: true });
      expect(r.status).toBe(400);
      expect(r.body.field).toBe('body.force');
      expect((await get('anna', ticket.id)).body.ticket.status).toBe('new');
    });
  });

  describe('routing (R5, R6)', () => {
    it('technical: l1 -> l2-analysts -> l3 -> l4, and back down one step', async () => {
      const ticket = await file('alpha.user', { kind: 'bug' });
      const steps: [string, string][] = [['anna', 'l2-analysts'], ['olga', 'l3'], ['dmytro', 'l4'], ['ivan', 'l3'], ['dmytro', 'l2-analysts']];
      for (const [who, tier] of steps) {
        const r = await post(who, ticket.id, 'route', { tier, reason: `over to ${tier}` });
        expect(r.status, `${who} -> ${tier}: ${JSON.stringify(r.body)}`).toBe(200);
        expect(r.body.ticket).toMatchObject({ tier, assignee: null });
      }
      const audit = (await get('anna', ticket.id)).body.audit.filter((a: { action: string }) => a.action === 'routed');
      expect(audit.map((a: { fromTier: string; toTier: string }) => `${a.fromTier}>${a.toTier}`)).toEqual([
        'l1>l2-analysts', 'l2-analysts>l3', 'l3>l4', 'l4>l3', 'l3>l2-analysts',
      ]);
      expect(audit[0]).toMatchObject({ actor: { name: 'Anna Kovalenko' }, detail: 'over to l2-analysts' });
    });
    it('a routed ticket waits as new in its tier until someone there takes it; a question to the customer stays open; a manager\'s chosen assignee holds it at once', async () => {
      const ticket = await file('alpha.user', { kind: 'bug' });
      await post('anna', ticket.id, 'take');
      const routed = await post('anna', ticket.id, 'route', { tier: 'l2-analysts', reason: 'needs the logs' });
      expect(routed.body.ticket).toMatchObject({ tier: 'l2-analysts', status: 'new', assignee: null });
      expect((await post('olga', ticket.id, 'take')).body.ticket).toMatchObject({ status: 'in_work', assignee: { name: 'Olga Shevchenko' } });
      await post('olga', ticket.id, 'messages', { type: 'question', body: 'Which campaign?' });
      expect((await post('olga', ticket.id, 'route', { tier: 'l3', reason: 'a code defect' })).body.ticket).toMatchObject({ tier: 'l3', status: 'awaiting_customer', assignee: null });
      const dmytro = (await t.request('GET', '/api/v1/agents', { token: await as('sofia') })).body.agents.find((a: { name: string }) => a.name === 'Dmytro Bondarenko');
      const other = await file('alpha.user', { kind: 'bug' });
      const assigned = await post('sofia', other.id, 'route', { tier: 'l3', reason: 'straight to the developers', assigneeId: dmytro.id });
      expect(assigned.body.ticket).toMatchObject({ tier: 'l3', status: 'in_work', assignee: { name: 'Dmytro Bondarenko' } });
    });
    it('consultation: question l1 -> l2-methodologists; a problem may not go there (403, out of turn)', async () => {
      const q = await file('gamma.user', { kind: 'question' });
      expect((await post('anna', q.id, 'route', { tier: 'l2-methodologists', reason: 'methodology' })).status).toBe(200);
      expect((await post('maria', q.id, 'route', { tier: 'l1', reason: 'back' })).status).toBe(200);
      const p = await file('gamma.user');
      const r = await post('anna', p.id, 'route', { tier: 'l2-methodologists', reason: 'wrong path' });
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/out of turn/);
    });
    it('suggestions follow the technical path (decision: analysts and developers judge them)', async () => {
      const s = await file('gamma.user', { kind: 'suggestion' });
      expect((await post('anna', s.id, 'route', { tier: 'l2-methodologists', reason: 'x y z' })).status).toBe(403);
      expect((await post('anna', s.id, 'route', { tier: 'l2-analysts', reason: 'feature request' })).status).toBe(200);
    });
    it('a step needs a reason; skipping tiers is managers only; a rejected route changes nothing', async () => {
      const ticket = await file('alpha.user');
      const noReason = await post('anna', ticket.id, 'route', { tier: 'l2-analysts' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.field).toBe('body.reason');
      const before = await get('anna', ticket.id);
      const events = await eventCount();
      const skip = await post('anna', ticket.id, 'route', { tier: 'l4', reason: 'straight to devs' });
      expect(skip.status).toBe(403);
      expect((await post('anna', ticket.id, 'route', { tier: 'l1', reason: 'same' })).status).toBe(409);
      expect((await post('olga', ticket.id, 'route', { tier: 'l2-analysts', reason: 'not my tier' })).status).toBe(403);
      expect((await post('alpha.user', ticket.id, 'route', { tier: 'l2-analysts', reason: 'me' })).status).toBe(403);
      const after = await get('anna', ticket.id);
      expect(after.body).toEqual(before.body);
      expect(await eventCount()).toEqual(events);
    });
    it('a manager moves out of turn to any tier and assignee (R6b)', async () => {
      const ticket = await file('alpha.user');
      const ivan = t.people.users.get('ivan');
      expect((await post('anna', ticket.id, 'route', { tier: 'l2-analysts', reason: 'x', assigneeId: ivan })).status).toBe(403);
      const wrongTier = await post('sofia', ticket.id, 'route', { tier: 'l3', reason: 'urgent', assigneeId: ivan });
      expect(wrongTier.status).toBe(400);
      expect(wrongTier.body.field).toBe('assigneeId');
      const r = await post('sofia', ticket.id, 'route', { tier: 'l4', reason: 'needs a developer now', assigneeId: ivan });
      expect(r.status).toBe(200);
      expect(r.body.ticket).toMatchObject({ tier: 'l4', assignee: { name: 'Ivan Melnyk' } });
      expect(r.body.audit.at(-1)).toMatchObject({ action: 'routed', fromTier: 'l1', toTier: 'l4', actor: { name: 'Sofia Tkachenko' } });
    });
  });

  describe('escalation (R12, R25, R6c)', () => {
    it('needs a justification of at least a sentence (400), then goes to the escalation desk with a 24/7 clock', async () => {
      t.clock.set(SATURDAY_3AM);
      try {
        const ticket = await file('beta.user');
        expect(ticket.sla).toMatchObject({ state: 'running', ticking: false, resumesAt: Date.parse('2026-11-30T07:00:00Z') });
        const short = await post('beta.user', ticket.id, 'escalate', { justification: 'urgent!' });
        expect(short.status).toBe(400);
        expect(short.body.field).toBe('body.justification');
        expect(short.body.message).toMatch(/at least a sentence/);
        expect((await post('beta.user', ticket.id, 'escalate', {})).body.field).toBe('body.justification');
        const r = await post('beta.user', ticket.id, 'escalate', { justification: 'Live TV broadcast tonight and no calls come in.' });
        expect(r.status).toBe(200);
        expect(r.body.ticket).toMatchObject({ tier: 'escalation', escalated: true, escalationJustification: 'Live TV broadcast tonight and no calls come in.' });
        expect(r.body.ticket.sla).toMatchObject({ state: 'running', escalated: true, ticking: true, dueAt: SATURDAY_3AM + 20 * MIN });
        expect((await post('beta.user', ticket.id, 'escalate', { justification: 'Again: live TV broadcast tonight.' })).status).toBe(409);
        const desk = await t.request('GET', '/api/v1/tickets?view=escalated', { token: await as('sofia') });
        expect(desk.body.tickets.map((x: { id: number }) => x.id)).toContain(ticket.id);
      } finally {
        t.clock.set(WORKING_HOURS);
      }
    });
    it("an agent escalates on the customer's request; the audit says so", async () => {
      const ticket = await file('gamma.user');
      const r = await post('anna', ticket.id, 'escalate', { justification: 'Customer phoned: their call center is paralysed.' });
      expect(r.status).toBe(200);
      expect(r.body.audit.at(-1)).toMatchObject({ action: 'escalated', detail: expect.stringMatching(/^on the customer's request/) });
    });
    it('compensation: managers only (403), escalated tickets only (409), kept in the audit log', async () => {
      const plain = await file('gamma.user');
      expect((await post('sofia', plain.id, 'compensation', { decision: 'credit' })).status).toBe(409);
      await post('gamma.user', plain.id, 'escalate', { justification: 'Our whole inbound line is down for hours.' });
      expect((await post('anna', plain.id, 'compensation', { decision: 'credit' })).status).toBe(403);
      expect((await post('gamma.user', plain.id, 'compensation', { decision: 'credit' })).status).toBe(403);
      const r = await post('sofia', plain.id, 'compensation', { decision: 'One month free of charge.' });
      expect(r.status).toBe(200);
      expect(r.body.ticket.compensation).toBe('One month free of charge.');
      expect(r.body.audit.at(-1)).toMatchObject({ action: 'compensation', detail: 'One month free of charge.' });
    });
  });

  describe('duplicates (R15)', () => {
    it('merging appends the messages to the original and tells the customer where to go; nothing is deleted', async () => {
      const original = await file('alpha.user', { subject: 'Dialer stops' });
      const dup = await file('alpha.user', { subject: 'Dialer stops again', body: 'It stopped at 10:05 too.' });
      await post('anna', dup.id, 'messages', { type: 'note', body: 'same as the other one' });
      const r = await post('anna', dup.id, 'merge', { into: original.id });
      expect(r.status).toBe(200);
      expect(r.body.ticket).toMatchObject({ status: 'merged', duplicateOf: original.id, sla: { state: 'closed' } });
      const orig = await get('alpha.user', original.id);
      expect(orig.body.messages.map((m: { type: string; body: string; mergedFrom: number | null }) => [m.type, m.mergedFrom])).toEqual([
        ['customer', null],
        ['customer', dup.id],
        ['system', null],
      ]);
      const origAgent = await get('anna', original.id);
      expect(origAgent.body.messages.filter((m: { type: string }) => m.type === 'note')).toMatchObject([{ body: 'same as the other one', mergedFrom: dup.id }]);
      const dupCustomer = await get('alpha.user', dup.id);
      expect(dupCustomer.body.messages.map((m: { type: string }) => m.type)).toEqual(['customer', 'system']);
      expect(dupCustomer.body.messages.at(-1).body).toMatch(new RegExp(`continues there|#${original.id}`));
      expect((await post('alpha.user', dup.id, 'messages', { type: 'reply', body: 'more' })).status).toBe(409);
    });
    it('refuses: into itself or a missing ticket (400), a closed original or another client (409), customers (403)', async () => {
      const a = await file('alpha.user');
      const b = await file('alpha.user');
      const other = await file('beta.user');
      expect((await post('anna', a.id, 'merge', { into: a.id })).body.field).toBe('into');
      expect((await post('anna', a.id, 'merge', { into: 999_999 })).status).toBe(400);
      expect((await post('anna', a.id, 'merge', { into: other.id })).status).toBe(409);
      expect((await post('alpha.user', a.id, 'merge', { into: b.id })).status).toBe(403);
      await post('anna', b.id, 'resolve', { withoutReply: true });
      expect((await post('anna', a.id, 'merge', { into: b.id })).status).toBe(409);
      expect((await get('anna', a.id)).body.ticket.status).toBe('new');
    });
  });

  describe('resolve and reopen', () => {
    it('agents resolve, the customer reopens; wrong states are 409 and wrong people 403', async () => {
      const ticket = await file('gamma.user');
      expect((await post('gamma.user', ticket.id, 'resolve', { withoutReply: true })).status).toBe(403);
      expect((await post('gamma.user', ticket.id, 'reopen')).status).toBe(409);
      const resolved = await post('anna', ticket.id, 'resolve', { withoutReply: true });
      expect(resolved.body.ticket).toMatchObject({ status: 'resolved', sla: { state: 'closed' } });
      expect((await post('anna', ticket.id, 'resolve', { withoutReply: true })).status).toBe(409);
      expect((await post('gamma.user', ticket.id, 'messages', { type: 'reply', body: 'still broken' })).status).toBe(409);
      expect((await post('olga', ticket.id, 'reopen', { reason: 'still broken' })).status).toBe(403);
      const reopened = await post('gamma.user', ticket.id, 'reopen');
      expect(reopened.body.ticket).toMatchObject({ status: 'new', sla: { state: 'running' } });
    });

    it('resolve with a closing reply posts it and resolves together; the customer reads the reply', async () => {
      const ticket = await file('alpha.user');
      await post('anna', ticket.id, 'take');
      const events = await eventCount();
      const r = await post('anna', ticket.id, 'resolve', { reply: '  The trunk is back; calls go through again.  ' });
      expect(r.status).toBe(200);
      expect(r.body.ticket).toMatchObject({ status: 'resolved', sla: { state: 'closed' } });
      const closing = r.body.messages.at(-1);
      expect(closing).toMatchObject({ type: 'reply', body: 'The trunk is back; calls go through again.', author: { name: 'Anna Kovalenko' } });
      // Written with the resolve, in its transaction: same instant as the audit entry, events of both.
      expect(r.body.audit.at(-1)).toMatchObject({ action: 'resolved', at: closing.createdAt });
      expect(Number(await eventCount()) - Number(events)).toBe(2);
      const seen = await get('alpha.user', ticket.id);
      expect(seen.body.messages.at(-1)).toMatchObject({ type: 'reply', body: 'The trunk is back; calls go through again.' });
      // A refused resolve writes no closing reply.
      const before = (await get('anna', ticket.id)).body.messages.length;
      expect((await post('anna', ticket.id, 'resolve', { reply: 'Again.' })).status).toBe(409);
      expect((await get('anna', ticket.id)).body.messages).toHaveLength(before);
    });

    it('resolve without a reply is explicit: the customer gets a system message and the audit says so', async () => {
      const ticket = await file('alpha.user');
      const r = await post('anna', ticket.id, 'resolve', { withoutReply: true });
      expect(r.status).toBe(200);
      expect(r.body.audit.at(-1)).toMatchObject({ action: 'resolved', detail: 'without a closing reply', actor: { name: 'Anna Kovalenko' } });
      const seen = await get('alpha.user', ticket.id);
      expect(seen.body.messages.at(-1)).toMatchObject({ type: 'system', body: 'This ticket was resolved. If the problem is still there, reopen it and we will continue.' });
    });

    it('resolve with neither (or both) is a 400 that says what to send, and changes nothing', async () => {
      const ticket = await file('alpha.user');
      const events = await eventCount();
      for (const body of [undefined, {}, { reply: '   ' }, { withoutReply: false }, { reply: 'Done.', withoutReply: true }]) {
        const r = await post('anna', ticket.id, 'resolve', body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.body.message).toMatch(/closing reply/);
      }
      expect((await post('anna', ticket.id, 'resolve')).body).toEqual({
        error: 'bad_request',
        field: 'reply',
        message: 'resolving needs a closing reply to the customer, or withoutReply: true to resolve without one',
      });
      expect((await get('anna', ticket.id)).body.ticket.status).toBe('new');
      expect(await eventCount()).toBe(events);
    });

    it("an agent of the ticket's tier reopens with a reason, audited with who and why; another tier is a 403, no reason a 400", async () => {
      const ticket = await file('alpha.user');
      await post('anna', ticket.id, 'take');
      await post('anna', ticket.id, 'resolve', { reply: 'Fixed.' });
      expect((await post('olga', ticket.id, 'reopen', { reason: 'still broken' })).status).toBe(403);
      const bare = await post('anna', ticket.id, 'reopen');
      expect(bare.status).toBe(400);
      expect(bare.body).toMatchObject({ field: 'reason' });
      expect((await post('anna', ticket.id, 'reopen', { reason: '   ' })).status).toBe(400);
      expect((await get('anna', ticket.id)).body.ticket.status).toBe('resolved');
      const r = await post('anna', ticket.id, 'reopen', { reason: 'The customer called: calls drop again.' });
      expect(r.status).toBe(200);
      expect(r.body.ticket).toMatchObject({ status: 'in_work', assignee: { name: 'Anna Kovalenko' }, sla: { state: 'running' } });
      expect(r.body.audit.at(-1)).toMatchObject({ action: 'reopened', detail: 'The customer called: calls drop again.', actor: { name: 'Anna Kovalenko' } });
      // The customer is told (the reason stays internal).
      const seen = await get('alpha.user', ticket.id);
      expect(seen.body.messages.at(-1)).toMatchObject({ type: 'system', body: 'Support reopened this ticket and continues working on it.' });
      expect(JSON.stringify(seen.body)).not.toContain('calls drop again');
      // A manager may reopen too.
      await post('anna', ticket.id, 'resolve', { withoutReply: true });
      expect((await post('sofia', ticket.id, 'reopen', { reason: 'closed too early' })).status).toBe(200);
    });
  });

  describe('views', () => {
    it('view=queue is ordered breached, running by due, paused, idle', async () => {
      // A fresh client-independent picture: resolve everything open first.
      const open = await t.request('GET', '/api/v1/tickets?view=queue&limit=10000', { token: await as('sofia') });
      for (const x of open.body.tickets) await post('sofia', x.id, 'resolve', { withoutReply: true });
      const start = WORKING_HOURS;
      t.clock.set(start);
      const idle = await file('alpha.user', { subject: 'idle' });
      await post('anna', idle.id, 'take');
      const paused = await file('alpha.user', { subject: 'paused' });
      await post('anna', paused.id, 'messages', { type: 'question', body: '?' });
      const breached = await file('alpha.user', { subject: 'breached' });
      t.clock.advance(10 * MIN);
      const later = await file('alpha.user', { subject: 'running later', kind: 'question' });
      const sooner = await file('alpha.user', { subject: 'running sooner' });
      t.clock.advance(15 * MIN);
      const r = await t.request('GET', '/api/v1/tickets?view=queue', { token: await as('anna') });
      expect(r.body.tickets.map((x: { subject: string }) => x.subject)).toEqual(['breached', 'running sooner', 'running later', 'paused', 'idle']);
      expect(r.body.tickets[0].sla).toMatchObject({ state: 'breached', remainingMs: -5 * MIN });
      const mine = await t.request('GET', '/api/v1/tickets?view=mine', { token: await as('anna') });
      expect(mine.body.tickets.map((x: { id: number }) => x.id)).toEqual([idle.id]);
      const search = await t.request('GET', `/api/v1/tickets?view=all&q=${sooner.id}`, { token: await as('anna') });
      expect(search.body.tickets.map((x: { id: number }) => x.id)).toEqual([sooner.id]);
      const tier = await t.request('GET', '/api/v1/tickets?view=tier', { token: await as('olga') });
      expect(tier.body.tickets).toEqual([]);
      expect(breached.id).toBeLessThan(later.id);
      t.clock.set(WORKING_HOURS);
      const bad = await t.request('GET', '/api/v1/tickets?view=everything', { token: await as('anna') });
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe('querystring.view');
    });

    it('clientId narrows a list to one client; a customer still sees only their own client', async () => {
      const alpha = await file('alpha.user', { subject: 'Alpha only' });
      const beta = await file('beta.user', { subject: 'Beta only' });
      const alphaId = (await get('anna', alpha.id)).body.ticket.client.id;
      const listed = await t.request('GET', `/api/v1/tickets?view=queue&clientId=${alphaId}`, { token: await as('anna') });
      expect(listed.status).toBe(200);
      const ids = listed.body.tickets.map((x: { id: number }) => x.id);
      expect(ids).toContain(alpha.id);
      expect(ids).not.toContain(beta.id);
      expect(new Set(listed.body.tickets.map((x: { client: { id: number } }) => x.client.id))).toEqual(new Set([alphaId]));
      const asBeta = await t.request('GET', `/api/v1/tickets?view=all&clientId=${alphaId}`, { token: await as('beta.user') });
      expect(asBeta.body.tickets).toEqual([]);
      const bad = await t.request('GET', '/api/v1/tickets?clientId=0x1', { token: await as('anna') });
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe('querystring.clientId');
    });

    it('search ignores case in Cyrillic as in Latin: subjects and client names', async () => {
      const ru = await file('alpha.user', { subject: 'Автодозвон ПАДАЕТ на кампании Ёлка' });
      const uk = await file('beta.user', { subject: 'Ґудзик «Їжак» не працює' });
      const found = async (q: string): Promise<number[]> =>
        (await t.request('GET', `/api/v1/tickets?view=all&q=${encodeURIComponent(q)}`, { token: await as('anna') })).body.tickets.map((x: { id: number }) => x.id);
      expect(await found('автодозвон падает')).toEqual([ru.id]);
      expect(await found('ёлка')).toEqual([ru.id]);
      expect(await found('ҐУДЗИК «ЇЖАК»')).toEqual([uk.id]);
      expect(await found('ALPHA')).toContain(ru.id);
    });
  });

  it('serves an OpenAPI 3 document of every route', async () => {
    const r = await t.request('GET', '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/session', '/api/v1/tickets', '/api/v1/tickets/{id}', '/api/v1/tickets/{id}/route', '/api/v1/tickets/{id}/merge', '/api/v1/clock']) {
      expect(Object.keys(r.body.paths)).toContain(path);
    }
    expect(r.body.paths['/api/v1/tickets'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });
});
