/** An event socket lives no longer than its session, on SQLite and PostgreSQL. */
import { afterEach, describe, expect, it } from 'vitest';
import { engines, startTestService, type TestService } from '../../support/service.ts';

const SESSION_ENDED = 4401;
let running: (TestService & { drop: () => Promise<void> }) | undefined;
afterEach(async () => {
  await running?.close();
  await running?.drop();
  running = undefined;
});

async function signIn(t: TestService, login: string): Promise<string> {
  const r = await t.request<{ token: string }>('POST', '/api/v1/session', { body: { login, password: 'demo' } });
  return r.body.token;
}

/** Opens a socket and resolves once it is open, with a promise of its close code. */
async function openSocket(url: string, token: string): Promise<{ closed: Promise<number>; socket: WebSocket }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/events?token=${encodeURIComponent(token)}`);
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  return { closed, socket };
}

describe.each(engines())('event sockets and sessions on %s', (engine) => {
  it('closes the socket of a session that signs out, and leaves the others open', async () => {
    running = await startTestService(engine);
    const ending = await signIn(running, 'anna');
    const staying = await signIn(running, 'anna');
    const a = await openSocket(running.url, ending);
    const b = await openSocket(running.url, staying);
    expect((await running.request('DELETE', '/api/v1/session', { token: ending })).status).toBe(204);
    expect(await a.closed).toBe(SESSION_ENDED);
    expect(b.socket.readyState).toBe(WebSocket.OPEN);
    b.socket.close();
  });

  it('closes the socket of an expired session at the next check', async () => {
    running = await startTestService(engine, { service: { sessionCheckMs: 50, tokenTtlMs: 60_000 } });
    const token = await signIn(running, 'olga');
    const s = await openSocket(running.url, token);
    running.clock.advance(60_001);
    expect(await s.closed).toBe(SESSION_ENDED);
  });
});
