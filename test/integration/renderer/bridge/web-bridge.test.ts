import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebBridge, type WebBridgeEnv } from '../../../../renderer/bridge/web-bridge.ts';
import { demoLogins } from '../../../../server/demo/people.ts';
import type { ConnectionState } from '../../../../shared/client/event-stream.ts';
import type { ServiceEvent } from '../../../../shared/model/index.ts';
import { startTestService, type TestService } from '../../../support/service.ts';

// The browser console's bridge against a real ticket service over HTTP and Node's WebSocket. Only
// the browser's storage (a Map) and its Notifications API (absent in Node) are stood in for.
let ts: TestService & { drop: () => Promise<void> };
beforeAll(async () => {
  ts = await startTestService('sqlite', { service: { demo: true } });
});
afterAll(async () => {
  await ts.close();
  await ts.drop();
});
const bridges: { dispose(): void }[] = [];
afterEach(() => {
  for (const b of bridges.splice(0)) b.dispose();
});

/** Waits until `check` holds, polling; fails with `what` after 10 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function env(overrides: Partial<WebBridgeEnv> = {}) {
  const store = new Map<string, string>();
  const shown: { title: string; body: string; click: () => void }[] = [];
  const e: WebBridgeEnv = {
    baseUrl: ts.url,
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
    fetch: (url, init) => fetch(url, init),
    openSocket: (url) => new WebSocket(url),
    notifications: { permission: () => 'granted', request: async () => 'granted', show: (title, o, click) => void shown.push({ title, body: o.body, click }) },
    focusWindow: vi.fn(),
    now: () => Date.now(),
    languages: ['en-GB'],
    schedule: (run, ms) => {
      const t = setTimeout(run, ms);
      return () => clearTimeout(t);
    },
    ...overrides,
  };
  return { env: e, store, shown };
}

function bridgeOver(e: WebBridgeEnv) {
  const b = createWebBridge(e);
  bridges.push(b);
  return b;
}

const fileTicket = async (subject: string) => {
  const r = await ts.request('POST', '/api/v1/tickets', { token: await ts.login('alpha.user'), body: { kind: 'problem', subject, body: 'Calls drop after 30 seconds.' } });
  expect(r.status).toBe(201);
  return r.body.ticket.id as number;
};

describe('web bridge', () => {
  it('signs in, keeps the token, uses it, goes online, and signs out (the service forgets the token)', async () => {
    const { env: e, store } = env();
    const bridge = bridgeOver(e);
    const sessions: unknown[] = [];
    const states: ConnectionState['status'][] = [];
    bridge.on('session:changed', (s) => sessions.push(s));
    bridge.on('connection:changed', (s) => states.push(s.status));

    await expect(bridge.invoke('session:login', { login: 'anna', password: 'nope' })).rejects.toMatchObject({ status: 401, message: 'wrong login or password' });
    const session = await bridge.invoke('session:login', { login: 'anna', password: 'demo' });
    expect(session.user).toMatchObject({ kind: 'agent', login: 'anna', name: 'Anna Kovalenko' });
    const token = store.get('dutydesk.token') ?? '';
    expect((await ts.request('GET', '/api/v1/session', { token })).status).toBe(200);
    await until(() => states.includes('online'), 'the event stream to go online');

    const id = await fileTicket('Mine after taking');
    await bridge.invoke('tickets:command', { command: 'take', id });
    expect((await bridge.invoke('tickets:list', { view: 'mine' })).map((t) => t.id)).toEqual([id]);

    await bridge.invoke('session:logout', undefined);
    expect(store.has('dutydesk.token')).toBe(false);
    expect(sessions).toEqual([session, null]);
    expect((await ts.request('GET', '/api/v1/session', { token })).status).toBe(401);
  });

  it('restores a stored session, forgets a token the service no longer knows, and keeps it when the service is unreachable', async () => {
    const { env: e, store } = env();
    store.set('dutydesk.token', await ts.login('olga'));
    expect((await bridgeOver(e).invoke('session:get', undefined))?.user).toMatchObject({ login: 'olga' });
    const offline = env({ baseUrl: 'http://127.0.0.1:9' });
    offline.store.set('dutydesk.token', 'kept');
    await expect(bridgeOver(offline.env).invoke('session:get', undefined)).rejects.toMatchObject({ status: 0, code: 'network' });
    expect(offline.store.get('dutydesk.token')).toBe('kept');
    store.set('dutydesk.token', 'stale');
    expect(await bridgeOver(e).invoke('session:get', undefined)).toBeNull();
    expect(store.has('dutydesk.token')).toBe(false);
  });

  it('reports browser mode and the demo logins from /api/v1/info, or none when the service does not say', async () => {
    expect(await bridgeOver(env().env).invoke('app:info', undefined)).toMatchObject({ mode: 'browser', serverUrl: ts.url, embedded: false, demoLogins: demoLogins() });
    expect((await bridgeOver(env({ baseUrl: 'http://127.0.0.1:9' }).env).invoke('app:info', undefined)).demoLogins).toEqual([]);
  });

  it('keeps validated settings in localStorage and announces changes', async () => {
    const { env: e, store } = env();
    const bridge = bridgeOver(e);
    const changes: unknown[] = [];
    bridge.on('settings:changed', (s) => changes.push(s.language));
    expect((await bridge.invoke('settings:get', undefined)).language).toBe('en');
    await bridge.invoke('settings:set', { language: 'uk', notifications: { slaWarning: false } });
    const saved = await bridgeOver(e).invoke('settings:get', undefined);
    expect(saved.language).toBe('uk');
    expect(saved.notifications).toMatchObject({ slaWarning: false, slaBreached: true });
    expect(changes).toEqual(['uk']);
    await expect(bridge.invoke('settings:set', { language: 'de' } as never)).rejects.toMatchObject({ status: 400 });
    store.set('dutydesk.settings', '{"language":"xx"}');
    expect((await bridge.invoke('settings:get', undefined)).language).toBe('en');
  });

  it('speaks the browser\'s language until the agent chooses one (the first that support speaks)', async () => {
    const { env: e, store } = env({ languages: ['de-DE', 'uk-UA', 'ru'] });
    expect((await bridgeOver(e).invoke('settings:get', undefined)).language).toBe('uk');
    expect((await bridgeOver(env({ languages: ['de', 'fr'] }).env).invoke('settings:get', undefined)).language).toBe('en');
    // A choice, once saved, wins over the browser's.
    await bridgeOver(e).invoke('settings:set', { language: 'ru' });
    expect(JSON.parse(store.get('dutydesk.settings') ?? '{}')).toMatchObject({ language: 'ru' });
    expect((await bridgeOver(e).invoke('settings:get', undefined)).language).toBe('ru');
  });

  it('reads the roster and edits overrides; a malformed override is refused before it leaves; the service\'s 409 passes through', async () => {
    const bridge = bridgeOver(env().env);
    await bridge.invoke('session:login', { login: 'sofia', password: 'demo' });
    const now = await bridge.invoke('oncall:now', undefined);
    expect(now).toMatchObject({ at: expect.any(Number), afterHours: expect.any(Boolean), next: expect.any(Array) });
    const before = (await bridge.invoke('oncall:overrides', undefined)).overrides;
    const ivan = ts.people.users.get('ivan') as number;
    const from = Date.parse('2027-06-01T15:00:00Z');
    await expect(bridge.invoke('oncall:addOverride', { agentId: ivan, layer: 'primary', from: Number.NaN, to: from })).rejects.toMatchObject({ status: 400, field: 'from' });
    const added = await bridge.invoke('oncall:addOverride', { agentId: ivan, layer: 'primary', from, to: from + 3_600_000, reason: 'Cover' });
    expect((await bridge.invoke('oncall:overrides', undefined)).overrides).toHaveLength(before.length + 1);
    await expect(bridge.invoke('oncall:addOverride', { agentId: ivan, layer: 'primary', from: from + 60_000, to: from + 7_200_000 })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^overlaps override/) });
    await expect(bridge.invoke('oncall:removeOverride', { id: added.id })).resolves.toBeNull();
    expect((await bridge.invoke('oncall:overrides', undefined)).overrides).toEqual(before);
  });

  it('rejects a malformed command before it leaves, like main does; the ticket is unchanged', async () => {
    const { env: e } = env();
    const bridge = bridgeOver(e);
    await bridge.invoke('session:login', { login: 'anna', password: 'demo' });
    const id = await fileTicket('Route me properly');
    await expect(bridge.invoke('tickets:command', { command: 'route', id, tier: 'l3', reason: '  ' })).rejects.toMatchObject({ status: 400, code: 'bad_request', field: 'reason' });
    const detail = await bridge.invoke('tickets:get', { id });
    expect(detail.ticket.tier).toBe('l1');
    expect(detail.audit.map((a) => a.action)).toEqual(['created']);
  });

  it('passes pushed events on once each (also across a reconnect), notifies in the chosen language, and a click opens the ticket', async () => {
    // While set, the stream's reconnect waits are held, so "away" lasts until the test releases them
    // (a jittered retry can otherwise return within milliseconds).
    let held: (() => void)[] | null = null;
    const { env: e, shown, store } = env({
      schedule: (run, ms) => {
        if (held !== null) {
          held.push(run);
          return () => {};
        }
        const t = setTimeout(run, ms);
        return () => clearTimeout(t);
      },
    });
    // Saved before pages existed (no `page` switch): still read, with the new switch on by default.
    store.set('dutydesk.settings', JSON.stringify({ serverUrl: null, language: 'uk', notifications: { ticketCreated: true, ticketRouted: true, customerReplied: true, slaWarning: true, slaBreached: true, escalation: true }, sound: true, startMinimized: false }));
    const bridge = bridgeOver(e);
    const events: ServiceEvent[] = [];
    const opened: number[] = [];
    const states: ConnectionState['status'][] = [];
    bridge.on('service:event', (ev) => events.push(ev));
    bridge.on('ticket:open', ({ id }) => opened.push(id));
    bridge.on('connection:changed', (s) => states.push(s.status));
    await bridge.invoke('session:login', { login: 'anna', password: 'demo' });
    await until(() => states.includes('online'), 'online');

    const id = await fileTicket('Calls drop');
    await until(() => shown.length === 1, 'the notification');
    expect(shown[0]).toMatchObject({ title: 'Новий тікет: Перша лінія', body: `№${id} Calls drop` });
    // The socket drops; what was filed meanwhile is replayed, and nothing is delivered twice.
    held = [];
    for (const client of ts.service.app.websocketServer.clients) client.terminate();
    await until(() => states.at(-1) === 'offline', 'the drop');
    const missed = await fileTicket('Filed while away');
    for (const run of held.splice(0)) run();
    held = null;
    await until(() => states.at(-1) === 'online' && events.some((ev) => ev.ticketId === missed), 'the replay');
    const seqs = events.map((ev) => ev.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(shown.map((s) => s.body)).toEqual([`№${id} Calls drop`, `№${missed} Filed while away`]);

    shown[0]?.click();
    expect(e.focusWindow).toHaveBeenCalled();
    expect(opened).toEqual([id]);
  });

  it('a temporary password: no event stream until it is changed; the admin channels and the other sessions over HTTP', async () => {
    const admin = bridgeOver(env().env);
    await admin.invoke('session:login', { login: 'admin', password: 'demo' });
    const created = await admin.invoke('admin:command', { command: 'createAgent', login: 'web.bridge', name: 'Web Bridge', role: 'agent', tiers: ['l1'] });
    expect('agent' in created && created.agent.mustChangePassword).toBe(true);
    const temporary = 'temporaryPassword' in created ? created.temporaryPassword : '';
    expect((await admin.invoke('admin:agents', { state: 'active' })).agents.map((a) => a.login)).toContain('web.bridge');
    await expect(admin.invoke('admin:command', { command: 'createAgent', login: 'Bad Login', name: 'x', role: 'agent', tiers: [] })).rejects.toMatchObject({ status: 400, field: 'login' });
    const preview = await admin.invoke('admin:command', { command: 'importCustomers', clientId: ts.people.clients.get('Alpha') ?? 0, csv: 'login,name\nweb.csv,Web Csv\n', dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, ok: true, rows: [{ row: 2, login: 'web.csv', name: 'Web Csv', language: 'ru' }] });
    expect((await admin.invoke('admin:audit', { action: 'agent_created', limit: 5 })).entries[0]).toMatchObject({ targetName: 'Web Bridge' });

    const { env: e } = env();
    const bridge = bridgeOver(e);
    const states: ConnectionState['status'][] = [];
    bridge.on('connection:changed', (s) => states.push(s.status));
    const session = await bridge.invoke('session:login', { login: 'web.bridge', password: temporary });
    expect(session.mustChangePassword).toBe(true);
    await expect(bridge.invoke('tickets:list', {})).rejects.toMatchObject({ status: 403, code: 'password_change_required' });
    expect(states).toEqual([]);
    const changed = await bridge.invoke('session:changePassword', { current: temporary, next: 'web-bridge-password' });
    expect(changed.session.mustChangePassword).toBe(false);
    await until(() => states.includes('online'), 'the event stream to go online after the change');
    expect(await bridge.invoke('session:others', undefined)).toEqual([]);
    expect(await bridge.invoke('session:endOthers', undefined)).toEqual({ ended: 0 });
  });
});
