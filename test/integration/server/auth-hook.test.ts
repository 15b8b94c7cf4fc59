/** Authentication is one hook: every route in the OpenAPI document answers 401 without a token unless it is on the public list. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startTestService, type TestService } from '../../support/service.ts';

/** The public list, exactly: everything else needs a token. */
const PUBLIC = ['GET /api/v1/clock', 'GET /api/v1/info', 'POST /api/v1/session', 'POST /api/v1/setup', 'GET /api/v1/openapi.json', 'GET /api/v1/events/schema.json'];

describe.each(engines())('authentication hook on %s', (engine) => {
  let t: TestService & { drop: () => Promise<void> };
  const consoleRoot = mkdtempSync(join(tmpdir(), 'dutydesk-console-'));
  beforeAll(async () => {
    writeFileSync(join(consoleRoot, 'index.html'), '<!doctype html><title>DutyDesk</title>');
    mkdirSync(join(consoleRoot, 'assets'));
    writeFileSync(join(consoleRoot, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestService(engine, { service: { consoleRoot } });
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
    rmSync(consoleRoot, { recursive: true, force: true });
  });

  it('every operation of the OpenAPI document answers 401 without a token, except the public ones', async () => {
    const doc = await t.request('GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    const seen: string[] = [];
    for (const [path, item] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        const key = `${method.toUpperCase()} ${path}`;
        seen.push(key);
        const r = await t.request(method.toUpperCase(), path.replace('{id}', '1'), method === 'get' || method === 'delete' ? {} : { body: {} });
        if (PUBLIC.includes(key)) expect(r.status, key).not.toBe(401);
        else expect({ key, status: r.status, error: r.body?.error }).toEqual({ key, status: 401, error: 'unauthorized' });
      }
    }
    expect(seen.length).toBeGreaterThan(15);
  });

  it('the public routes are exactly clock, info, sign-in, setup, the OpenAPI document, the event stream schema, the console files and the portal page', () => {
    const access = t.service.app.routeAccess.filter((r) => r.method !== 'HEAD');
    const publicRoutes = access.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    const consoleRoutes = publicRoutes.filter((r) => !r.startsWith('GET /api/') && !r.startsWith('POST /api/'));
    expect(publicRoutes.filter((r) => !consoleRoutes.includes(r)).sort()).toEqual([...PUBLIC].sort());
    expect(consoleRoutes.length).toBeGreaterThan(0);
    // The console's files and the portal's page.
    for (const r of consoleRoutes) expect(r).toMatch(/^GET \/(\*|index\.html|assets\/.*|portal)?$/);
    // Everything under /api/v1 that is not on the list is private.
    expect(access.filter((r) => r.url.startsWith('/api/v1') && !r.public).length).toBeGreaterThan(10);
  });

  it('console files answer without a token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) expect((await fetch(`${t.url}${path}`)).status, path).toBe(200);
  });

  it('roles: the agent directory is for agents (403 for customers)', async () => {
    const r = await t.request('GET', '/api/v1/agents', { token: await t.login('alpha.user') });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ error: 'forbidden', message: 'GET /api/v1/agents is for agents only' });
    expect((await t.request('GET', '/api/v1/agents', { token: await t.login('anna') })).status).toBe(200);
  });

  it('?token= is accepted by the event stream only, never by REST routes', async () => {
    const token = await t.login('anna');
    expect((await t.request('GET', `/api/v1/tickets?token=${token}`)).status).toBe(401);
    const socket = await t.events(token);
    socket.close();
  });

  it('an unauthenticated caller gets 401 before its body is even read', async () => {
    const r = await t.request('POST', '/api/v1/tickets', { raw: '{not json' });
    expect(r.status).toBe(401);
  });
});
