import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, NODE_IO, type Connection } from '../../../main/connection.ts';
import { createTokenStore } from '../../../main/token-store.ts';
import type { ConnectionState } from '../../../shared/client/event-stream.ts';
import type { SessionInfo } from '../../../shared/ipc/contract.ts';
import type { ServiceEvent } from '../../../shared/model/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';

// main/connection.ts against a real ticket service over real HTTP and WebSocket.
const noKeyring = { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' };
const memory = () => {
  const m = new Map<string, unknown>();
  return { get: (k: string) => m.get(k), set: (k: string, v: unknown) => void m.set(k, v), delete: (k: string) => void m.delete(k) };
};

/** Waits until `check` holds, polling; fails with `what` after 10 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('main connection to the ticket service', () => {
  let ts: TestService & { drop: () => Promise<void> };
  const events: ServiceEvent[] = [];
  const states: ConnectionState[] = [];
  const sessions: (SessionInfo | null)[] = [];
  const tokens = createTokenStore(noKeyring, memory());
  let connection: Connection;
  // While set, the stream's reconnect waits are held here, so "away" lasts until the test releases them.
  let held: (() => void)[] | null = null;

  beforeAll(async () => {
    ts = await startTestService('sqlite');
    connection = createConnection({
      baseUrl: ts.url,
      tokens,
      ...NODE_IO,
      schedule: (run, ms) => {
        if (held === null) return NODE_IO.schedule(run, ms);
        held.push(run);
        return () => {};
      },
      onEvent: (e) => events.push(e),
      onState: (s) => states.push(s),
      onSession: (s) => sessions.push(s),
    });
  });
  afterAll(async () => {
    connection.close();
    await ts.close();
    await ts.drop();
  });

  const fileTicket = async (subject: string) => {
    const token = await ts.login('alpha.user');
    const r = await ts.request('POST', '/api/v1/tickets', { token, body: { kind: 'problem', subject, body: 'Calls drop after 30 seconds.' } });
    expect(r.status).toBe(201);
    return r.body.ticket.id as number;
  };

  it('signs in, keeps the token and goes online', async () => {
    const session = await connection.login({ login: 'anna', password: 'demo' });
    expect(session.user).toMatchObject({ kind: 'agent', login: 'anna' });
    expect(tokens.get()).toEqual(expect.any(String));
    expect(sessions.at(-1)?.user.login).toBe('anna');
    await until(() => connection.state().status === 'online', 'online');
  });

  it('rejects a wrong password with the service message and keeps the session', async () => {
    await expect(connection.login({ login: 'anna', password: 'nope' })).rejects.toMatchObject({ status: 401 });
    expect(connection.session()?.user.login).toBe('anna');
  });

  it('receives live events', async () => {
    const id = await fileTicket('Live event');
    await until(() => events.some((e) => e.type === 'ticket.created' && e.ticketId === id), 'ticket.created');
  });

  it('recovers from a dropped connection and replays what it missed, once', async () => {
    const before = events.length;
    held = [];
    for (const client of ts.service.app.websocketServer.clients) client.terminate();
    await until(() => connection.state().status === 'offline', 'the drop to be noticed');
    const missed = await fileTicket('Filed while the console was away');
    for (const run of held.splice(0)) run();
    held = null;
    await until(() => connection.state().status === 'online', 'reconnect');
    await until(() => events.some((e) => e.ticketId === missed && e.type === 'ticket.created'), 'the missed event');
    expect(states.some((s) => s.status === 'offline' && s.retryAt !== null)).toBe(true);
    const seqs = events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.length).toBeGreaterThan(before);
  });

  it('signs out: the token is gone here and refused by the service', async () => {
    const old = tokens.get();
    await connection.logout();
    expect(tokens.get()).toBeNull();
    expect(connection.session()).toBeNull();
    expect(sessions.at(-1)).toBeNull();
    expect((await ts.request('GET', '/api/v1/session', { token: old ?? '' })).status).toBe(401);
  });

  it('restores a saved session, and forgets a dead token', async () => {
    const r = await ts.request('POST', '/api/v1/session', { body: { login: 'olga', password: 'demo' } });
    tokens.set(r.body.token);
    expect((await connection.restore())?.user.login).toBe('olga');
    await connection.logout();
    tokens.set('not-a-token');
    expect(await connection.restore()).toBeNull();
    expect(tokens.get()).toBeNull();
  });

  it('with a temporary password opens no event stream until the password is changed, then goes online', async () => {
    const reset = await ts.request('POST', `/api/v1/admin/agents/${ts.people.users.get('ivan') ?? 0}/password`, { token: await ts.login('admin') });
    const temporary = reset.body.temporaryPassword as string;
    const session = await connection.login({ login: 'ivan', password: temporary });
    expect(session.mustChangePassword).toBe(true);
    expect(connection.state().status).toBe('offline');
    await expect(connection.api.listTickets()).rejects.toMatchObject({ status: 403, code: 'password_change_required' });
    const changed = await connection.changePassword({ current: temporary, next: 'ivan-chose-this' });
    expect(changed.session.mustChangePassword).toBe(false);
    expect(sessions.at(-1)?.mustChangePassword).toBe(false);
    await until(() => connection.state().status === 'online', 'online after the change');
    expect(await connection.api.listTickets()).toEqual(expect.any(Array));
    await connection.logout();
  });
});

describe('main connection, first start', () => {
  let ts: TestService & { drop: () => Promise<void> };
  beforeAll(async () => {
    ts = await startTestService('sqlite', { empty: true });
  });
  afterAll(async () => {
    await ts.close();
    await ts.drop();
  });

  it('setup signs the new admin in as a login does: token kept, session announced, event stream online', async () => {
    const tokens = createTokenStore(noKeyring, memory());
    const sessions: (SessionInfo | null)[] = [];
    const states: ConnectionState[] = [];
    const connection = createConnection({ baseUrl: ts.url, tokens, ...NODE_IO, onEvent: () => {}, onState: (s) => states.push(s), onSession: (s) => sessions.push(s) });
    try {
      const session = await connection.setup({ code: ts.service.setupCode ?? '', organization: 'Acme Telecom', admin: { login: 'olena', name: 'Olena Shevchenko', password: 'long enough secret' } });
      expect(session).toMatchObject({ user: { login: 'olena', role: 'admin' }, mustChangePassword: false });
      expect(sessions).toEqual([session]);
      expect((await ts.request('GET', '/api/v1/session', { token: tokens.get() ?? '' })).body.user.login).toBe('olena');
      await until(() => states.some((s) => s.status === 'online'), 'the event stream');
    } finally {
      connection.close();
    }
  });
});
