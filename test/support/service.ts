/** Starts a real ticket service (real HTTP on 127.0.0.1:0, real SQLite file or PostgreSQL database) for a test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import WebSocket from 'ws';
import type { ServiceEvent } from '../../shared/model/index.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { openDatabase, type Db } from '../../server/db/index.ts';
import { seedPeople, type People } from '../../server/demo/people.ts';
import { createService, type Service, type ServiceOptions } from '../../server/service.ts';
import { fakeClock, type FakeClock } from './clock.ts';

/** The engines a suite runs on; PostgreSQL is absent when the harness found none (it said so loudly). */
export function engines(): readonly ('sqlite' | 'postgres')[] {
  return inject('pgBaseUrl') === null ? ['sqlite'] : ['sqlite', 'postgres'];
}

let passwordHash: Promise<string> | undefined;

/** A fresh, empty database location for `engine`, and how to remove it. */
export async function freshDatabase(engine: 'sqlite' | 'postgres'): Promise<{ location: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dutydesk-test-'));
    return { location: join(dir, 'test.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = inject('pgBaseUrl');
  if (base === null) throw new Error('PostgreSQL is not available');
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    location: `${base}/${name}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A JSON response. */
export interface Reply<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly status: number;
  readonly body: T;
}

/** A running test service with helpers. */
export interface TestService {
  readonly service: Service;
  readonly db: Db;
  readonly url: string;
  readonly clock: FakeClock;
  readonly people: People;
  /** Logs in (password "demo") and returns the token. */
  login(login: string): Promise<string>;
  request<T = any>(method: string, path: string, options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<Reply<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Opens an event socket; resolves once the server has it live. */
  events(token: string, since?: number): Promise<EventSocket>;
  close(): Promise<void>;
}

/**
 * Starts a service over a fresh database with the demo people (no tickets); `empty: true` seeds
 * nobody, so the service waits for its first start (service.setupCode).
 */
export async function startTestService(engine: 'sqlite' | 'postgres', options: { clock?: FakeClock; location?: string; service?: Partial<ServiceOptions>; empty?: boolean } = {}): Promise<TestService & { drop: () => Promise<void> }> {
  const fresh = options.location === undefined ? await freshDatabase(engine) : { location: options.location, drop: async () => {} };
  const clock = options.clock ?? fakeClock();
  const db = await openDatabase(fresh.location);
  passwordHash ??= hashPassword('demo');
  const existing = await db.kysely.selectFrom('users').select('id').limit(1).execute();
  let people: People;
  if (existing.length === 0 && options.empty === true) {
    people = { users: new Map(), clients: new Map() };
  } else if (existing.length === 0) {
    people = await db.kysely.transaction().execute(async (trx) => seedPeople(trx, await (passwordHash as Promise<string>), clock.now()));
  } else {
    const users = await db.kysely.selectFrom('users').select(['id', 'login']).execute();
    const clients = await db.kysely.selectFrom('clients').select(['id', 'name']).execute();
    people = { users: new Map(users.map((u) => [u.login, u.id])), clients: new Map(clients.map((c) => [c.name, c.id])) };
  }
  const service = await createService({ db, now: clock.now, schedulerIntervalMs: 0, eventPollMs: 0, bodyLimit: 64 * 1024, ...options.service });
  const url = await service.listen(0, '127.0.0.1');
  const tokens = new Map<string, string>();
  const sockets = new Set<EventSocket>();

  const request: TestService['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
  };

  return {
    service,
    db,
    url,
    clock,
    people,
    request,
    async login(login) {
      const cached = tokens.get(login);
      if (cached !== undefined) return cached;
      const r = await request<{ token: string }>('POST', '/api/v1/session', { body: { login, password: 'demo' } });
      if (r.status !== 200) throw new Error(`login ${login}: ${r.status} ${JSON.stringify(r.body)}`);
      tokens.set(login, r.body.token);
      return r.body.token;
    },
    async events(token, since) {
      const s = await openEventSocket(url, token, since);
      sockets.add(s);
      return s;
    },
    async close() {
      for (const s of sockets) s.close();
      await service.close();
      await db.close();
    },
    drop: fresh.drop,
  };
}

/**
 * A test service for the enclosing describe: started before its tests, closed and dropped after.
 * The returned object is filled in by then, so tests use it directly.
 */
export function useTestService(engine: 'sqlite' | 'postgres', options: Parameters<typeof startTestService>[1] = {}): TestService {
  const t = {} as TestService;
  let started: (TestService & { drop: () => Promise<void> }) | undefined;
  beforeAll(async () => {
    started = await startTestService(engine, options);
    Object.assign(t, started);
  });
  afterAll(async () => {
    await started?.close();
    await started?.drop();
  });
  return t;
}

/**
 * Two service instances on one fresh PostgreSQL database for the enclosing describe, as
 * `useTestService` does for one: started before its tests, closed and the database dropped after.
 */
export function useTwoInstances(): readonly [TestService, TestService] {
  const a = {} as TestService;
  const b = {} as TestService;
  let started: { a: TestService; b: TestService; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    const fresh = await freshDatabase('postgres');
    started = { a: await startTestService('postgres', { location: fresh.location }), b: await startTestService('postgres', { location: fresh.location }), drop: fresh.drop };
    Object.assign(a, started.a);
    Object.assign(b, started.b);
  });
  afterAll(async () => {
    await started?.a.close();
    await started?.b.close();
    await started?.drop();
  });
  return [a, b];
}

/** A WebSocket on /api/v1/events that collects events. */
export interface EventSocket {
  readonly received: ServiceEvent[];
  /** Control messages (`stream.reset`, `stream.live`), in arrival order. */
  readonly controls: { type: string; seq: number }[];
  /** Resolves with the first received event (past or future) matching `predicate`; rejects after `timeoutMs` (default 5 s). */
  next(predicate: (e: ServiceEvent) => boolean, description?: string, timeoutMs?: number): Promise<ServiceEvent>;
  close(): void;
}

/** Opens an event socket and waits until the hub has it subscribed (replay done). */
export async function openEventSocket(url: string, token: string, since: number | undefined): Promise<EventSocket> {
  const wsUrl = `${url.replace(/^http/, 'ws')}/api/v1/events?token=${encodeURIComponent(token)}${since !== undefined ? `&since=${since}` : ''}`;
  const ws = new WebSocket(wsUrl);
  const received: ServiceEvent[] = [];
  const controls: { type: string; seq: number }[] = [];
  const waiters = new Set<{ predicate: (e: ServiceEvent) => boolean; resolve: (e: ServiceEvent) => void }>();
  let live: () => void = () => {};
  const isLive = new Promise<void>((resolve) => (live = resolve));
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; seq: number };
    // Presence (agents' sockets) is no event: test/integration/server/presence.test.ts reads it.
    if (message.type === 'presence' || message.type === 'presence.snapshot') return undefined;
    if (message.type.startsWith('stream.')) {
      controls.push({ type: message.type, seq: message.seq });
      return message.type === 'stream.live' ? live() : undefined;
    }
    const event = message as ServiceEvent;
    received.push(event);
    for (const w of waiters) {
      if (w.predicate(event)) {
        waiters.delete(w);
        w.resolve(event);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`events: HTTP ${res.statusCode}`)));
  });
  await isLive;
  return {
    received,
    controls,
    next(predicate, description = 'event', timeoutMs = 5000) {
      const found = received.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { predicate, resolve };
        waiters.add(w);
        setTimeout(() => {
          if (waiters.delete(w)) reject(new Error(`no ${description} within ${timeoutMs} ms; received: ${received.map((e) => `${e.seq}:${e.type}`).join(', ')}`));
        }, timeoutMs).unref();
      });
    },
    close: () => ws.close(),
  };
}
