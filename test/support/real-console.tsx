/**
 * The console against the real ticket service, in-process: the service of test/support/service.ts
 * (real HTTP and WebSocket, real SQLite file, a fake clock), the real web bridge over Node's fetch,
 * a real WebSocket client and jsdom's localStorage, and the whole App rendered in jsdom. Tickets are
 * filed through the API as customers and moved through the real commands.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import WebSocket from 'ws';
import { App } from '../../renderer/app.tsx';
import { createServerClock, type ServerClock } from '../../renderer/time/server-clock.ts';
import { browserEnv, createWebBridge, type WebBridgeEnv } from '../../renderer/bridge/web-bridge.ts';
import type { ServiceOptions } from '../../server/service.ts';
import type { Bridge } from '../../shared/ipc/bridge.ts';
import type { TicketKind } from '../../shared/sla/index.ts';
import type { FakeClock } from './clock.ts';
import { fakeClock } from './clock.ts';
import { startTestService, type TestService } from './service.ts';

/** A customer's new ticket; `at` is when the customer files it (the service's fake clock). */
export interface Filing {
  readonly customer?: 'alpha.user' | 'beta.user' | 'gamma.user';
  readonly kind?: TicketKind;
  readonly subject: string;
  readonly body?: string;
  readonly at?: number;
}

/** One service for a test file and what the tests do with it. */
export interface Desk {
  readonly ts: TestService;
  readonly clock: FakeClock;
  /** Files a ticket as a customer; returns its id. */
  file(filing: Filing): Promise<number>;
  /** Calls the API as `login` and expects a 2xx. */
  act(login: string, path: string, body?: unknown, at?: number): Promise<void>;
  /** A web bridge to the service (disposed after the test); `overrides` change the browser env. */
  bridge(overrides?: Partial<WebBridgeEnv>): Bridge & { dispose(): void };
  /** A bridge signed in as `login` (through the bridge, as the login screen does). */
  signedIn(login: string, overrides?: Partial<WebBridgeEnv>): Promise<Bridge & { dispose(): void }>;
}

/**
 * Starts one service for the calling test file (beforeAll) and stops it after; every bridge made
 * in a test is disposed and the browser storage cleared after it. Call at the top level of a file.
 * `empty: true` starts it without people: it waits for its first start (ts.service.setupCode).
 * `service` adds service options (e.g. a Telegram bot pointed at a local endpoint).
 */
export function useDesk(options: { demo?: boolean; start?: number; empty?: boolean; service?: () => Partial<ServiceOptions> } = {}): Desk {
  const clock = fakeClock(options.start);
  let ts: (TestService & { drop: () => Promise<void> }) | undefined;
  const bridges: (Bridge & { dispose(): void })[] = [];
  beforeAll(async () => {
    // `service` is asked here, once the hooks registered before this one (a local endpoint's) have run.
    ts = await startTestService('sqlite', { clock, service: { demo: options.demo ?? false, ...options.service?.() }, empty: options.empty ?? false });
  });
  afterAll(async () => {
    deskClock = undefined;
    await ts?.close();
    await ts?.drop();
  });
  afterEach(() => {
    for (const b of bridges.splice(0)) b.dispose();
    localStorage.clear();
  });
  const service = (): TestService => {
    if (ts === undefined) throw new Error('the service is not started yet (use the desk inside tests)');
    return ts;
  };
  const desk: Desk = {
    get ts() {
      return service();
    },
    clock,
    async file({ customer = 'alpha.user', kind = 'problem', subject, body = subject, at }) {
      const now = clock.now();
      if (at !== undefined) clock.set(at);
      const r = await service().request('POST', '/api/v1/tickets', { token: await service().login(customer), body: { kind, subject, body } });
      clock.set(now);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.ticket.id as number;
    },
    async act(login, path, body = {}, at) {
      const now = clock.now();
      if (at !== undefined) clock.set(at);
      const r = await service().request('POST', path, { token: await service().login(login), body });
      clock.set(now);
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    },
    bridge(overrides = {}) {
      // jsdom's WebSocket (undici's, built on Node's EventTarget) fails on jsdom's Event class, and
      // the jsdom environment hides Node's own: `ws` is the same protocol client the service tests use.
      const b = createWebBridge({ ...browserEnv(), baseUrl: service().url, openSocket: (url) => new WebSocket(url), ...overrides });
      bridges.push(b);
      return b;
    },
    async signedIn(login, overrides) {
      const b = desk.bridge(overrides);
      await b.invoke('session:login', { login, password: 'demo' });
      return b;
    },
  };
  return desk;
}

/** A browser storage of its own, so a second console in the same test keeps its own token (jsdom has one localStorage). */
export function memoryStorage(): WebBridgeEnv['storage'] {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

let deskClock: FakeClock | undefined;

/**
 * The console's server clock in a test: already on the desk's fake clock. The console measures the
 * service's clock when it connects; until then it would count on the real one, and a run before
 * 09:00 in Kyiv would open the console in on-call mode on a service whose clock says 10:00.
 */
export function testServerClock(): ServerClock {
  const clock = createServerClock();
  if (deskClock !== undefined) clock.setOffset(deskClock.now() - Date.now());
  return clock;
}

/** A query client per test: no retries, no cache shared between tests. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
}

/** Renders the whole console over `bridge`. */
export function renderConsole(bridge: Bridge): ReturnType<typeof render> {
  const ui: ReactElement = <App bridge={bridge} queryClient={testQueryClient()} clock={testServerClock()} />;
  return render(ui);
}
