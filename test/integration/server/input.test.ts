/** Bad input on both engines: lenient ids, ids beyond the columns, JSON null bodies, NUL characters, numbers in search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startTestService, type TestService } from '../../support/service.ts';

describe.each(engines())('input checks on %s', (engine) => {
  let t: TestService & { drop: () => Promise<void> };
  let ticket: number;
  const dump = async () =>
    JSON.stringify(
      await Promise.all(
        (['tickets', 'messages', 'audit', 'sla_events'] as const).map((table) => t.db.kysely.selectFrom(table).selectAll().orderBy('id').execute()),
      ),
    ) + JSON.stringify(await t.db.kysely.selectFrom('events').selectAll().orderBy('seq').execute(),
    );
  beforeAll(async () => {
    t = await startTestService(engine);
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login('alpha.user'), body: { kind: 'problem', subject: 'Call +380441234567 drops', body: 'x' } });
    ticket = r.body.ticket.id;
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  it.each(['0x10', '1e3', '+1', '%20%201', '000000000001', '-1', '1.0', '0', 'abc', '2147483648', '99999999999999999999'])('/tickets/%s is a 400 naming the id', async (spelling) => {
    const token = await t.login('anna');
    const before = await dump();
    for (const [method, path] of [['GET', ''], ['POST', '/take'], ['POST', '/resolve']] as const) {
      const r = await t.request(method, `/api/v1/tickets/${spelling}${path}`, { token });
      expect(r.status, `${method} ${spelling}${path}`).toBe(400);
      expect(r.body).toMatchObject({ error: 'bad_request', field: 'params.id' });
      expect(r.body.message).toMatch(/^params\.id: must be a decimal ticket number/);
    }
    expect(await dump()).toBe(before);
  });

  it('the largest id fits the columns: 2147483647 is a plain 404', async () => {
    const r = await t.request('GET', '/api/v1/tickets/2147483647', { token: await t.login('anna') });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: 'not_found', message: 'ticket #2147483647 not found' });
  });

  it('body ids beyond the columns are a 400 on the field (merge into, route assigneeId)', async () => {
    const before = await dump();
    const merge = await t.request('POST', `/api/v1/tickets/${ticket}/merge`, { token: await t.login('anna'), body: { into: 2147483648 } });
    expect(merge.status).toBe(400);
    expect(merge.body).toEqual({ error: 'bad_request', field: 'body.into', message: 'body.into: must be at most 2147483647' });
    const route = await t.request('POST', `/api/v1/tickets/${ticket}/route`, { token: await t.login('sofia'), body: { tier: 'l2-analysts', reason: 'needs analysis', assigneeId: 2147483648 } });
    expect(route.status).toBe(400);
    expect(route.body).toMatchObject({ error: 'bad_request', field: 'body.assigneeId' });
    expect(await dump()).toBe(before);
  });

  it('take, resolve and reopen refuse a JSON null body; no body and {} are fine for take, resolve asks for a closing reply', async () => {
    const before = await dump();
    for (const [login, action] of [['anna', 'take'], ['anna', 'resolve'], ['alpha.user', 'reopen']] as const) {
      const r = await t.request('POST', `/api/v1/tickets/${ticket}/${action}`, { token: await t.login(login), raw: 'null' });
      expect(r.status, action).toBe(400);
      expect(r.body).toEqual({ error: 'bad_request', field: 'body', message: 'body: send a JSON object, or no body at all; null is not accepted' });
    }
    expect(await dump()).toBe(before);
    expect((await t.request('POST', `/api/v1/tickets/${ticket}/take`, { token: await t.login('anna'), raw: '{}' })).status).toBe(200);
    const bare = await t.request('POST', `/api/v1/tickets/${ticket}/resolve`, { token: await t.login('anna') });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ error: 'bad_request', field: 'reply' });
    expect(bare.body.message).toMatch(/closing reply.*withoutReply/);
    expect((await t.request('POST', `/api/v1/tickets/${ticket}/resolve`, { token: await t.login('anna'), body: { withoutReply: true } })).status).toBe(200);
  });

  it('a long number typed into search is searched as text, and as a ticket number only when it fits', async () => {
    const token = await t.login('anna');
    const phone = await t.request('GET', '/api/v1/tickets?view=all&q=380441234567', { token });
    expect(phone.status).toBe(200);
    expect(phone.body.tickets.map((x: { id: number }) => x.id)).toEqual([ticket]);
    const huge = await t.request('GET', '/api/v1/tickets?view=all&q=99999999999999999999999', { token });
    expect(huge.status).toBe(200);
    expect(huge.body.tickets).toEqual([]);
    const byNumber = await t.request('GET', `/api/v1/tickets?view=all&q=%23${ticket}`, { token });
    expect(byNumber.body.tickets.map((x: { id: number }) => x.id)).toContain(ticket);
  });

  it('NUL anywhere is a 400 naming where: body, nested body, query, path, and the login name before sign-in', async () => {
    const before = await dump();
    const login = await t.request('POST', '/api/v1/session', { body: { login: 'anna\u0000', password: 'demo' } });
    expect(login.status).toBe(400);
    expect(login.body).toEqual({ error: 'bad_request', field: 'body.login', message: 'body.login: must not contain the NUL character (\\u0000)' });
    const token = await t.login('alpha.user');
    const file = await t.request('POST', '/api/v1/tickets', { token, body: { kind: 'problem', subject: 'a\u0000b', body: 'x' } });
    expect(file.status).toBe(400);
    expect(file.body).toMatchObject({ field: 'body.subject' });
    const reply = await t.request('POST', `/api/v1/tickets/${ticket}/messages`, { token, raw: '{"type":"reply","body":"ok\\u0000"}' });
    expect(reply.body).toMatchObject({ field: 'body.body' });
    const search = await t.request('GET', '/api/v1/tickets?q=a%00b', { token });
    expect(search.status).toBe(400);
    expect(search.body).toMatchObject({ error: 'bad_request', field: 'querystring.q' });
    const path = await t.request('GET', '/api/v1/tickets/1%00', { token });
    expect(path.status).toBe(400);
    expect(path.body).toMatchObject({ error: 'bad_request', field: 'params.id' });
    expect(await dump()).toBe(before);
  });

  it('URLs the router or the HTTP parser refuse get the documented 400 body, never fastify\'s own', async () => {
    const token = await t.login('anna');
    const before = await dump();
    const cases = [
      ['GET', '/api/v1/tickets/%zz'],
      ['POST', '/api/v1/tickets/a%ED%A0%80/escalate'],
      ['GET', `/api/v1/tickets/${'x'.repeat(150)}`],
      ['POST', `/api/v1/tickets/${'%C3%A9'.repeat(120)}/take`],
      ['GET', `/api/v1/tickets?q=${'y'.repeat(70_000)}`],
    ] as const;
    for (const [method, path] of cases) {
      const r = await t.request(method, path, { token });
      expect(r.status, path.slice(0, 40)).toBe(400);
      expect(r.body, path.slice(0, 40)).toMatchObject({ error: 'bad_request', field: 'url' });
      expect(Object.keys(r.body).sort()).toEqual(['error', 'field', 'message']);
    }
    expect(await dump()).toBe(before);
  });

  it('a body nested 25,000 levels deep is refused as bad input, not a 500', async () => {
    const before = await dump();
    const deep = `{"x":${'['.repeat(25_000)}${']'.repeat(25_000)}}`;
    const r = await t.request('POST', `/api/v1/tickets/${ticket}/resolve`, { token: await t.login('alpha.user'), raw: deep });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'bad_request' });
    expect(await dump()).toBe(before);
  });

  it.each(['0b10011100010000', '%2B9990', '1e3', '0x10', '010', '0', '10001'])('limit=%s is a 400 naming the limit', async (limit) => {
    const r = await t.request('GET', `/api/v1/tickets?limit=${limit}`, { token: await t.login('anna') });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'bad_request', field: 'querystring.limit' });
  });
});
