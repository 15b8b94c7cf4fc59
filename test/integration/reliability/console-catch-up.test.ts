import { afterAll, describe, expect, it } from 'vitest';
import { createConnection, NODE_IO } from '../../../main/connection.ts';
import { createTokenStore } from '../../../main/token-store.ts';
import { openDatabase } from '../../../server/db/index.ts';
import { toServiceEvent } from '../../../server/events/hub.ts';
import type { Agent, ServiceEvent } from '../../../shared/model/index.ts';
import { decideNotification } from '../../../shared/notifications/decide.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { seedPeopleAt, startChildService, type ChildService } from '../../support/child-service.ts';
import { engines, freshDatabase } from '../../support/service.ts';

// main/connection.ts stays connected while the real service (a child process) goes away and comes
// back on the same port and database: once back it catches up through ?since= with every change
// made while it was away, each event once, and raises each notification once (decided the way
// main/index.ts decides them). Reconnect timing is injected: the test says when the retry runs,
// whatever delay (ladder, jitter) the stream asks for.
const noKeyring = { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' };
const memory = () => {
  const m = new Map<string, unknown>();
  return { get: (k: string) => m.get(k), set: (k: string, v: unknown) => void m.set(k, v), delete: (k: string) => void m.delete(k) };
};

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe.each(engines())('console catch-up across service restarts (%s)', (engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('replays every change made while away, each event and notification once', async () => {
    const { location, drop } = await freshDatabase(engine);
    cleanups.push(drop);
    await seedPeopleAt(location);
    let service: ChildService = await startChildService(location);
    cleanups.push(() => service.stop());
    const base = service.url;
    const call = async (token: string | null, method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}${path}`, { method, headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const json = (await r.json()) as { token: string; ticket: { id: number } };
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    };
    const login = async (name: string) => (await call(null, 'POST', '/api/v1/session', { login: name, password: 'demo' })).token;
    const [alpha, gamma, boris] = [await login('alpha.user'), await login('gamma.user'), await login('boris')];
    const file = async (token: string, subject: string) => (await call(token, 'POST', '/api/v1/tickets', { kind: 'problem', subject, body: 'Calls drop after 30 seconds.' })).ticket.id;

    // The console: main's connection, with retries held until the test releases them.
    const held: (() => void)[] = [];
    const received: ServiceEvent[] = [];
    const notified = new Map<number, number>();
    const tokens = createTokenStore(noKeyring, memory());
    const connection = createConnection({
      baseUrl: base,
      tokens,
      ...NODE_IO,
      schedule: (run) => {
        held.push(run);
        return () => held.splice(held.indexOf(run), 1);
      },
      onEvent: (event) => {
        received.push(event);
        const me = connection.session()?.user;
        if (me?.kind === 'agent' && decideNotification(event, me, DEFAULT_SETTINGS) !== null) notified.set(event.seq, (notified.get(event.seq) ?? 0) + 1);
      },
      onState: () => {},
      onSession: () => {},
    });
    cleanups.push(() => connection.close());
    await connection.login({ login: 'anna', password: 'demo' });
    const anna = tokens.get() as string;
    await until(() => connection.state().status === 'online', 'online');
    // A first connection (no ?since=) is live only once the service has subscribed it, a moment
    // after the socket opens; what commits in that moment it never sees. So: file until one arrives.
    let mine = 0;
    for (let attempt = 0; attempt < 10 && received.length === 0; attempt++) {
      mine = await file(alpha, `Before the first restart (${attempt})`);
      await until(() => received.length > 0, 'the first live event', 2000).catch(() => {});
    }
    await call(anna, 'POST', `/api/v1/tickets/${mine}/take`, {});
    await until(() => received.some((e) => e.ticketId === mine && e.type === 'ticket.changed'), 'the live take');

    let awayChanges = 0;
    for (const how of ['SIGKILL', 'SIGTERM'] as const) {
      const port = service.port;
      await (how === 'SIGKILL' ? service.kill9() : service.stop());
      await until(() => connection.state().status === 'offline' && held.length > 0, 'the console to notice');
      service = await startChildService(location, { port });
      // While the console waits to retry, the desk goes on.
      const seenBefore = connection.state().lastSeq;
      await call(alpha, 'POST', `/api/v1/tickets/${mine}/messages`, { type: 'reply', body: `Still dropping (${how}).` });
      const other = await file(gamma, `Filed while the console was away (${how})`);
      await file(alpha, `Another while away (${how})`);
      await call(boris, 'POST', `/api/v1/tickets/${other}/take`, {});
      for (const run of held.splice(0)) run();
      await until(() => connection.state().status === 'online', 'the reconnect');
      await until(() => received.filter((e) => e.seq > seenBefore).length >= 4, 'the catch-up');
      awayChanges += 4;
    }

    // What the database holds is what the console showed: every event once, in order...
    const db = await openDatabase(location);
    const stored = (await db.kysely.selectFrom('events').selectAll().orderBy('seq').execute()).map((row) => toServiceEvent({ ...row, seq: Number(row.seq), at: Number(row.at) }));
    await db.close();
    const seen = stored.filter((e) => e.seq >= (received[0]?.seq ?? 1));
    await until(() => received.length >= seen.length, 'every stored event');
    expect(received.map((e) => e.seq)).toEqual(seen.map((e) => e.seq));
    expect(received).toEqual(seen);
    // ...and each notification it should raise, exactly once.
    const me = connection.session()?.user as Agent;
    const expected = seen.filter((e) => decideNotification(e, me, DEFAULT_SETTINGS) !== null).map((e) => e.seq);
    expect([...notified.keys()]).toEqual(expected);
    expect([...notified.values()].every((n) => n === 1)).toBe(true);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    console.info(`[figures] console catch-up ${engine}: 2 restarts (kill -9, SIGTERM), ${awayChanges} changes made while away, ${received.length} events received, ${received.length - new Set(received.map((e) => e.seq)).size} duplicates, ${expected.length} notifications each raised once`);
  }, 60_000);
});
