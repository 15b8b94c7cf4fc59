import { nth } from '../../../support/nth.ts';
import { describe, expect, it, vi } from 'vitest';
import { createWebBridge, type WebBridgeEnv } from '../../../../renderer/bridge/web-bridge.ts';
import type { FetchLike } from '../../../../shared/client/api-client.ts';
import type { SocketLike } from '../../../../shared/client/event-stream.ts';
import type { ServiceEvent } from '../../../../shared/model/index.ts';

const anna = { kind: 'agent', id: 1, login: 'anna', name: 'Anna', role: 'agent', tiers: ['l1'], language: 'uk' } as const;

/** A tiny stand-in of the ticket service's HTTP API: routes by method and path. */
function service(routes: Record<string, (body: unknown, headers: Record<string, string>) => [number, unknown]>) {
  const seen: { method: string; path: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const path = url.replace('http://svc', '');
    seen.push({ method: init.method, path, headers: init.headers });
    const route = routes[`${init.method} ${path.split('?')[0]}`];
    const [status, body] = route === undefined ? [404, { error: 'not_found', message: 'no route' }] : route(init.body === undefined ? undefined : JSON.parse(init.body), init.headers);
    return { status, ok: status < 400, text: async () => (body === undefined ? '' : JSON.stringify(body)) };
  };
  return { fetch, seen };
}

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  close(): void {}
}

function env(fetch: FetchLike, overrides: Partial<WebBridgeEnv> = {}) {
  const store = new Map<string, string>();
  const sockets: FakeSocket[] = [];
  const shown: { title: string; body: string; click: () => void }[] = [];
  const e: WebBridgeEnv = {
    baseUrl: 'http://svc',
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
    fetch,
    openSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    notifications: { permission: () => 'granted', request: async () => 'granted', show: (title, o, click) => void shown.push({ title, body: o.body, click }) },
    focusWindow: vi.fn(),
    now: () => 1_000,
    schedule: () => () => {},
    ...overrides,
  };
  return { env: e, store, sockets, shown };
}

const loginRoutes = {
  'POST /api/v1/session': (body: unknown): [number, unknown] =>
    (body as { password: string }).password === 'demo' ? [200, { token: 'tok-1', expiresAt: 9e12, user: anna }] : [401, { error: 'unauthorized', message: 'wrong login or password' }],
  'GET /api/v1/session': (_: unknown, h: Record<string, string>): [number, unknown] =>
    h.authorization === 'Bearer tok-1' ? [200, { user: anna, expiresAt: 9e12 }] : [401, { error: 'unauthorized', message: 'no session' }],
  'DELETE /api/v1/session': (): [number, unknown] => [204, undefined],
};

const created: ServiceEvent = {
  seq: 5, type: 'ticket.created', at: 1, ticketId: 42,
  ticket: { id: 42, number: 42, kind: 'problem', subject: 'Calls drop', clientId: 1, status: 'new', tier: 'l1', assigneeId: null, escalated: false, slaState: 'running', slaDueAt: 2 },
  data: { action: 'created', toTier: 'l1' },
};

describe('web bridge', () => {
  it('signs in, keeps the token, sends it, opens the event stream with it, and signs out', async () => {
    const svc = service({ ...loginRoutes, 'GET /api/v1/tickets': () => [200, { tickets: [] }] });
    const { env: e, store, sockets } = env(svc.fetch);
    const bridge = createWebBridge(e);
    const sessions: unknown[] = [];
    bridge.on('session:changed', (s) => sessions.push(s));

    await expect(bridge.invoke('session:login', { login: 'anna', password: 'nope' })).rejects.toMatchObject({ status: 401, message: 'wrong login or password' });
    const session = await bridge.invoke('session:login', { login: 'anna', password: 'demo' });
    expect(session.user).toEqual(anna);
    expect(store.get('dutydesk.token')).toBe('tok-1');
    expect(sockets[0]?.url).toBe('ws://svc/api/v1/events?token=tok-1');

    await bridge.invoke('tickets:list', { view: 'mine' });
    expect(svc.seen.at(-1)).toMatchObject({ path: '/api/v1/tickets?view=mine', headers: { authorization: 'Bearer tok-1' } });

    await bridge.invoke('session:logout', undefined);
    expect(store.has('dutydesk.token')).toBe(false);
    expect(sessions).toEqual([session, null]);
  });

  it('restores a stored session, and forgets a token the service no longer knows', async () => {
    const svc = service(loginRoutes);
    const { env: e, store } = env(svc.fetch);
    store.set('dutydesk.token', 'tok-1');
    expect((await createWebBridge(e).invoke('session:get', undefined))?.user).toEqual(anna);
    store.set('dutydesk.token', 'stale');
    expect(await createWebBridge(e).invoke('session:get', undefined)).toBeNull();
    expect(store.has('dutydesk.token')).toBe(false);
  });

  it('reports browser mode and the demo logins from /api/v1/info, or none without it', async () => {
    const demoLogins = [{ login: 'anna', name: 'Anna', role: 'agent', tiers: ['l1'] }];
    const withInfo = service({ 'GET /api/v1/info': () => [200, { name: 'DutyDesk', version: '1.2.3', demo: true, demoLogins }] });
    expect(await createWebBridge(env(withInfo.fetch).env).invoke('app:info', undefined)).toEqual({
      version: '1.2.3', mode: 'browser', serverUrl: 'http://svc', embedded: false, demoLogins,
    });
    const without = service({});
    expect((await createWebBridge(env(without.fetch).env).invoke('app:info', undefined)).demoLogins).toEqual([]);
  });

  it('keeps validated settings in localStorage and announces changes', async () => {
    const { env: e, store } = env(service({}).fetch);
    const bridge = createWebBridge(e);
    const changes: unknown[] = [];
    bridge.on('settings:changed', (s) => changes.push(s.language));
    expect((await bridge.invoke('settings:get', undefined)).language).toBe('en');
    await bridge.invoke('settings:set', { language: 'uk', notifications: { slaWarning: false } });
    const saved = await createWebBridge(e).invoke('settings:get', undefined);
    expect(saved.language).toBe('uk');
    expect(saved.notifications).toMatchObject({ slaWarning: false, slaBreached: true });
    expect(changes).toEqual(['uk']);
    await expect(bridge.invoke('settings:set', { language: 'de' } as never)).rejects.toMatchObject({ status: 400 });
    store.set('dutydesk.settings', '{"language":"xx"}');
    expect((await bridge.invoke('settings:get', undefined)).language).toBe('en');
  });

  it('rejects a malformed command before it leaves, like main does', async () => {
    const bridge = createWebBridge(env(service({}).fetch).env);
    await expect(bridge.invoke('tickets:command', { command: 'route', id: 1, tier: 'l3', reason: '  ' })).rejects.toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('passes pushed events on, notifies in the chosen language, and a click opens the ticket', async () => {
    const { env: e, sockets, shown, store } = env(service(loginRoutes).fetch);
    store.set('dutydesk.settings', JSON.stringify({ serverUrl: null, language: 'uk', notifications: { ticketCreated: true, ticketRouted: true, customerReplied: true, slaWarning: true, slaBreached: true, escalation: true }, sound: true, startMinimized: false }));
    const bridge = createWebBridge(e);
    const events: number[] = [];
    const opened: number[] = [];
    const states: string[] = [];
    bridge.on('service:event', (ev) => events.push(ev.seq));
    bridge.on('ticket:open', ({ id }) => opened.push(id));
    bridge.on('connection:changed', (s) => states.push(s.status));
    await bridge.invoke('session:login', { login: 'anna', password: 'demo' });
    const socket = nth(sockets, 0);
    socket.onopen?.({} as never);
    socket.onmessage?.({ data: JSON.stringify(created) });
    socket.onmessage?.({ data: JSON.stringify(created) }); // a replayed duplicate is not delivered twice
    expect(states).toContain('online');
    expect(events).toEqual([5]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: 'Новий тікет: Перша лінія', body: '№42 Calls drop' });
    nth(shown, 0).click();
    expect(e.focusWindow).toHaveBeenCalled();
    expect(opened).toEqual([42]);
  });
});
