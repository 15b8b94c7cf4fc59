/**
 * Each user's own password and sessions, and the temporary-password gate, over real HTTP on SQLite
 * and PostgreSQL: reset -> must change -> every route but the change refused -> change -> allowed;
 * the other sessions listed (never by token or hash) and ended; last use recorded once a minute.
 */
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/sessions.ts';
import { engines, useTestService, type TestService } from '../../support/service.ts';

const SESSION_ENDED = 4401;
const MINUTE = 60_000;

async function signIn(t: TestService, login: string, password = 'demo', userAgent = 'vitest'): Promise<{ status: number; token: string; body: Record<string, unknown> }> {
  const r = await t.request('POST', '/api/v1/session', { body: { login, password }, headers: { 'user-agent': userAgent } });
  return { status: r.status, token: r.body?.token as string, body: r.body as Record<string, unknown> };
}

/** Opens an event socket: its close code, or the HTTP status that refused the upgrade. */
async function openSocket(url: string, token: string): Promise<{ closed: Promise<number>; socket: WebSocket }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/events?token=${encodeURIComponent(token)}`);
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', () => reject(new Error('refused')));
  });
  return { closed, socket };
}

describe.each(engines())('own password, sessions and the temporary-password gate on %s', (engine) => {
  const t = useTestService(engine);
  const admin = () => t.login('admin');
  const id = (login: string) => t.people.users.get(login) ?? 0;

  it('a reset password must be changed before anything else: 403 password_change_required everywhere but the session and the change', async () => {
    const reset = await t.request('POST', `/api/v1/admin/agents/${id('ivan')}/password`, { token: await admin() });
    expect(reset.status).toBe(200);
    const temporary = reset.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    // The old password no longer works; the temporary one does, and says it must be changed.
    expect((await signIn(t, 'ivan')).status).toBe(401);
    const signedIn = await signIn(t, 'ivan', temporary);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.mustChangePassword).toBe(true);
    const token = signedIn.token;

    const me = await t.request('GET', '/api/v1/session', { token });
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);
    for (const [method, path] of [['GET', '/api/v1/tickets'], ['GET', '/api/v1/agents'], ['GET', '/api/v1/oncall'], ['GET', '/api/v1/session/others'], ['DELETE', '/api/v1/session/others'], ['GET', '/api/v1/outages']] as const) {
      const r = await t.request(method, path, { token });
      expect([r.status, r.body.error], `${method} ${path}`).toEqual([403, 'password_change_required']);
    }
    // The event stream too, before the upgrade.
    await expect(openSocket(t.url, token)).rejects.toThrow('refused');
    // Public routes stay open.
    expect((await t.request('GET', '/api/v1/clock', { token })).status).toBe(200);

    // The change checks the current password and the rule, naming the field.
    const wrong = await t.request('POST', '/api/v1/session/password', { token, body: { current: 'not-it-at-all', next: 'a-long-enough-one' } });
    expect([wrong.status, wrong.body.field]).toEqual([400, 'current']);
    const short = await t.request('POST', '/api/v1/session/password', { token, body: { current: temporary, next: 'short' } });
    expect([short.status, short.body.field]).toEqual([400, 'next']);
    const asLogin = await t.request('POST', '/api/v1/session/password', { token, body: { current: temporary, next: 'IVAN' } });
    expect([asLogin.status, asLogin.body.field]).toEqual([400, 'next']);
    const same = await t.request('POST', '/api/v1/session/password', { token, body: { current: temporary, next: temporary } });
    expect([same.status, same.body.field]).toEqual([400, 'next']);
    const missing = await t.request('POST', '/api/v1/session/password', { token, body: { current: temporary } });
    expect([missing.status, missing.body.field]).toEqual([400, 'body.next']);

    const changed = await t.request('POST', '/api/v1/session/password', { token, body: { current: temporary, next: 'ivan-owns-this-one' } });
    expect(changed.status).toBe(200);
    expect((await t.request('GET', '/api/v1/session', { token })).body.mustChangePassword).toBe(false);
    expect((await t.request('GET', '/api/v1/tickets', { token })).status).toBe(200);
    const socket = await openSocket(t.url, token);
    socket.socket.close();
    expect((await signIn(t, 'ivan', temporary)).status).toBe(401);
    expect((await signIn(t, 'ivan', 'ivan-owns-this-one')).status).toBe(200);
  });

  it('changing the own password ends every other session of the user (their sockets close) and keeps this one', async () => {
    const here = (await signIn(t, 'maria')).token;
    const elsewhere = (await signIn(t, 'maria')).token;
    const socket = await openSocket(t.url, elsewhere);
    const r = await t.request('POST', '/api/v1/session/password', { token: here, body: { current: 'demo', next: 'maria-new-password' } });
    expect(r.status).toBe(200);
    expect(r.body.otherSessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await socket.closed).toBe(SESSION_ENDED);
    expect((await t.request('GET', '/api/v1/session', { token: elsewhere })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/session', { token: here })).status).toBe(200);
    const audit = await t.request('GET', `/api/v1/admin/audit?actor=${id('maria')}&action=password_changed`, { token: await admin() });
    expect(audit.body.entries).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain('maria-new-password');
  });

  it('lists the other sessions by an opaque id with user agent and use, ends one, then all', async () => {
    const mine = (await signIn(t, 'dmytro', 'demo', 'Console A')).token;
    const b = (await signIn(t, 'dmytro', 'demo', 'Browser B')).token;
    t.clock.advance(MINUTE);
    const c = (await signIn(t, 'dmytro', 'demo', 'Browser C')).token;
    const list = await t.request('GET', '/api/v1/session/others', { token: mine });
    expect(list.status).toBe(200);
    const sessions = list.body.sessions as { id: string; userAgent: string; createdAt: number; lastUsedAt: number; expiresAt: number }[];
    expect(sessions.map((s) => s.userAgent)).toEqual(['Browser C', 'Browser B']);
    const text = JSON.stringify(list.body);
    for (const secret of [mine, b, c, hashToken(b), hashToken(c)]) expect(text).not.toContain(secret);

    const one = sessions.find((s) => s.userAgent === 'Browser B');
    const ended = await t.request('DELETE', `/api/v1/session/others/${one?.id ?? ''}`, { token: mine });
    expect(ended.status).toBe(204);
    expect((await t.request('GET', '/api/v1/session', { token: b })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/session', { token: c })).status).toBe(200);
    // Not another user's session, nor the caller's own: those ids are unknown here.
    expect((await t.request('DELETE', `/api/v1/session/others/${one?.id ?? ''}`, { token: mine })).status).toBe(404);
    const fromC = (await t.request('GET', '/api/v1/session/others', { token: c })).body.sessions as { id: string }[];
    const mineId = fromC[0]?.id ?? '';
    expect((await t.request('DELETE', `/api/v1/session/others/${mineId}`, { token: await t.login('anna') })).status).toBe(404);

    const socket = await openSocket(t.url, c);
    const all = await t.request('DELETE', '/api/v1/session/others', { token: mine });
    expect(all.body).toEqual({ ended: 1 });
    expect(await socket.closed).toBe(SESSION_ENDED);
    expect((await t.request('GET', '/api/v1/session', { token: c })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/session/others', { token: mine })).body.sessions).toEqual([]);
  });

  it('records a session\'s last use at most once a minute', async () => {
    const watcher = (await signIn(t, 'olga')).token;
    const used = (await signIn(t, 'olga')).token;
    const lastUsed = async () => ((await t.request('GET', '/api/v1/session/others', { token: watcher })).body.sessions as { lastUsedAt: number }[])[0]?.lastUsedAt;
    const signedInAt = t.clock.now();
    expect(await lastUsed()).toBe(signedInAt);
    t.clock.advance(30_000);
    await t.request('GET', '/api/v1/tickets', { token: used });
    expect(await lastUsed()).toBe(signedInAt);
    t.clock.advance(31_000);
    await t.request('GET', '/api/v1/tickets', { token: used });
    expect(await lastUsed()).toBe(signedInAt + 61_000);
  });
});
