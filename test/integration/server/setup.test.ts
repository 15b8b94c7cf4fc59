/** The first start over HTTP (docs/api.md, POST /api/v1/setup): once only, only with the code printed last. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarConfigSchema } from '../../../shared/sla/index.ts';
import { SETUP_KEY, WRONG_CODES_WINDOW_MS } from '../../../server/domain/setup-service.ts';
import { getSetting } from '../../../server/store/settings.ts';
import { changedTables, digestDatabase } from '../../support/db-digest.ts';
import { fakeClock } from '../../support/clock.ts';
import { engines, freshDatabase, startTestService, type TestService } from '../../support/service.ts';
import { z } from 'zod';

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const admin = { login: 'olena', name: 'Olena Shevchenko', password: 'long enough secret' };
const calendar = { zone: 'Europe/Warsaw', open: '08:00', close: '17:00', workdays: [1, 2, 3, 4, 5, 6], holidays: ['2026-12-24'], extraWorkdays: [] };
const body = (code: string, over: Record<string, unknown> = {}) => ({ code, organization: 'Acme Telecom', admin, ...over });
/** Flips one character of a code for another of the alphabet. */
const wrong = (code: string) => (code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`);

describe.each(engines())('first start on %s', (engine) => {
  const clock = fakeClock();
  let winner: string | undefined;
  let location: string;
  let drop: () => Promise<void>;
  let t: TestService;
  /** Stops the service and starts another on the same database, as a restart does. */
  const restart = async () => {
    await t.close();
    t = await startTestService(engine, { location, clock, empty: true });
  };

  beforeAll(async () => {
    ({ location, drop } = await freshDatabase(engine));
    t = await startTestService(engine, { location, clock, empty: true });
  });
  afterAll(async () => {
    await t.close();
    await drop();
  });

  /** Refused with this status and error, and the database is exactly as before. */
  async function refused(request: unknown, status: number, expected: Record<string, unknown>) {
    const before = await digestDatabase(t.db);
    const r = await t.request('POST', '/api/v1/setup', { body: request });
    expect({ status: r.status, body: r.body }).toEqual({ status, body: expect.objectContaining(expected) });
    expect(changedTables(before, await digestDatabase(t.db))).toEqual([]);
    return r;
  }

  it('an empty database waits for setup: a code is issued, only its hash is stored, info says setup: true', async () => {
    expect(t.service.setupCode).toMatch(CODE);
    const info = await t.request('GET', '/api/v1/info');
    expect(info.body).toMatchObject({ setup: true, organization: null, demo: false, demoLogins: [] });
    const row = await t.db.kysely.selectFrom('service_settings').selectAll().where('key', '=', SETUP_KEY).executeTakeFirstOrThrow();
    const code = t.service.setupCode ?? '';
    expect(row.value).not.toContain(code);
    expect(row.value).not.toContain(code.replace(/-/g, ''));
    expect(JSON.parse(row.value)).toEqual({ state: 'waiting', codeHash: expect.any(String), issuedAt: clock.now() });
  });

  it('bad input is a 400 naming the field and changes nothing', async () => {
    const code = t.service.setupCode ?? '';
    await refused({ organization: 'Acme', admin }, 400, { field: 'body.code' });
    await refused(body(code, { organization: '   ' }), 400, { field: 'body.organization', message: 'body.organization: must not be empty' });
    await refused(body(code, { admin: { ...admin, password: 'short' } }), 400, { field: 'body.admin.password', message: 'body.admin.password: must be at least 10 characters' });
    await refused(body(code, { admin: { ...admin, login: 'olena.admin', password: 'OLENA.ADMIN' } }), 400, { field: 'body.admin.password', message: 'body.admin.password: must not be the login' });
    await refused(body(code, { admin: { ...admin, login: 'olena s' } }), 400, { field: 'body.admin.login', message: expect.stringMatching(/^body\.admin\.login: must be 2 to 100 lower-case letters/) });
    await refused(body(code, { admin: { ...admin, role: 'admin' } }), 400, { field: 'body.admin.role' });
    await refused(body(code, { calendar: { ...calendar, zone: 'Mars/Olympus' } }), 400, { field: 'body.calendar.zone' });
    await refused(body(code, { calendar: { ...calendar, open: '18:00', close: '09:00' } }), 400, { field: 'body.calendar.close' });
    await refused(body(code, { extra: 1 }), 400, { field: 'body.extra' });
    expect((await t.request('GET', '/api/v1/info')).body.setup).toBe(true);
  });

  it('a wrong code is a 403 and changes nothing; so is a code from before a restart', async () => {
    const first = t.service.setupCode ?? '';
    await refused(body(wrong(first)), 403, { error: 'forbidden', message: expect.stringMatching(/^wrong setup code/) });
    await restart();
    const second = t.service.setupCode ?? '';
    expect(second).toMatch(CODE);
    expect(second).not.toBe(first);
    await refused(body(first), 403, { error: 'forbidden' });
  });

  it('after ten wrong codes within a minute even the right one waits (429), then works again', async () => {
    await restart();
    const code = t.service.setupCode ?? '';
    // A restart starts a fresh count.
    for (let i = 0; i < 10; i++) expect((await t.request('POST', '/api/v1/setup', { body: body(wrong(code)) })).status).toBe(403);
    await refused(body(code), 429, { error: 'too_many_requests', message: 'too many wrong setup codes; try again in 60 seconds' });
    clock.advance(WRONG_CODES_WINDOW_MS);
    await refused(body(wrong(code)), 403, { error: 'forbidden' });
  });

  it('the code sets DutyDesk up once: the admin is signed in, and of several at once only one gets in', async () => {
    const code = t.service.setupCode ?? '';
    // Typed loosely: lower case, no dashes, spaces.
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    const answers = await Promise.all([
      t.request('POST', '/api/v1/setup', { body: body(typed, { calendar }) }),
      ...Array.from({ length: 3 }, (_, i) => t.request('POST', '/api/v1/setup', { body: body(code, { calendar, admin: { ...admin, login: `rival${i}` } }) })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    const won = answers.find((a) => a.status === 201);
    expect(won?.body).toEqual({ token: expect.any(String), expiresAt: expect.any(Number), mustChangePassword: false, user: { kind: 'agent', id: expect.any(Number), login: expect.any(String), name: admin.name, role: 'admin', tiers: [], language: 'en' } });
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body).toEqual({ error: 'conflict', message: 'DutyDesk is set up already; sign in instead' });
    winner = won?.body.user.login;
    const users = await t.db.kysely.selectFrom('users').select(['login', 'role']).execute();
    expect(users).toEqual([{ login: won?.body.user.login, role: 'admin' }]);

    const token: string = won?.body.token;
    const me = await t.request('GET', '/api/v1/session', { token });
    expect(me.body.user).toEqual(won?.body.user);
    expect((await t.request('GET', '/api/v1/agents', { token })).body.agents).toEqual([{ id: won?.body.user.id, login: won?.body.user.login, name: admin.name, role: 'admin', tiers: [], active: true }]);
    // And with the password, as any later sign-in.
    const signIn = await t.request('POST', '/api/v1/session', { body: { login: won?.body.user.login, password: admin.password } });
    expect(signIn.status).toBe(200);
  });

  it('afterwards info names the organisation, the code is void (409), and the admin audit says who set it up', async () => {
    const code = t.service.setupCode ?? '';
    expect((await t.request('GET', '/api/v1/info')).body).toMatchObject({ setup: false, organization: 'Acme Telecom' });
    await refused(body(code), 409, { error: 'conflict' });
    await refused(body(wrong(code)), 409, { error: 'conflict' });
    // Bad input is still a 400 first.
    await refused(body(code, { admin: { ...admin, password: '' } }), 400, { field: 'body.admin.password' });
    const state = await getSetting(t.db.kysely, SETUP_KEY, z.object({ state: z.string() }).loose());
    expect(state).toEqual({ state: 'done', at: clock.now(), by: expect.any(Number) });
    const audit = await t.db.kysely.selectFrom('admin_audit').selectAll().execute();
    const adminId = (await t.db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    expect(audit.map((a) => ({ ...a, detail: JSON.parse(a.detail) as unknown, at: Number(a.at) }))).toEqual([
      { id: expect.any(Number), actor_id: adminId, action: 'setup', target_kind: 'setup', target_id: adminId, at: clock.now(), detail: { organization: 'Acme Telecom', admin: { login: winner, name: admin.name }, calendar, via: 'api' } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(admin.password);
    expect(await getSetting(t.db.kysely, 'calendar', calendarConfigSchema)).toEqual(calendar);
    // The service counts on it at once: the support clock and the calendar screen show it.
    expect((await t.request('GET', '/api/v1/clock')).body).toMatchObject({ zone: 'Europe/Warsaw', calendar });
    const signedIn = await t.request('POST', '/api/v1/session', { body: { login: winner, password: admin.password } });
    expect((await t.request('GET', '/api/v1/admin/calendar', { token: signedIn.body.token })).body).toEqual(calendar);
  });

  it('a restart once set up issues no code and stays set up', async () => {
    await restart();
    expect(t.service.setupCode).toBeNull();
    expect((await t.request('GET', '/api/v1/info')).body).toMatchObject({ setup: false, organization: 'Acme Telecom' });
  });
});

describe.each(engines())('a service with people on %s', (engine) => {
  let t: TestService & { drop: () => Promise<void> };
  beforeAll(async () => {
    t = await startTestService(engine);
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  it('issues no code and refuses setup with 409 (the demo data is set up already)', async () => {
    expect(t.service.setupCode).toBeNull();
    expect((await t.request('GET', '/api/v1/info')).body).toMatchObject({ setup: false, organization: null });
    const r = await t.request('POST', '/api/v1/setup', { body: body('0000-0000-0000-0000') });
    expect(r.status).toBe(409);
  });
});
