/** The event stream under faults and load, on SQLite and PostgreSQL: failed replays, `since` past the head, socket limits, long replays. */
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MAX_SOCKETS_PER_SESSION, MAX_SOCKETS_PER_USER } from '../../../server/http/routes/events.ts';
import { copyEvent, rawEventSocket, tableHead } from '../../support/events.ts';
import { engines, useTestService } from '../../support/service.ts';

describe.each(engines())('event stream faults on %s', (engine) => {
  const t = useTestService(engine);
  const file = async (login: string, subject = 'Queue frozen') => {
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login(login), body: { kind: 'problem', subject, body: 'No calls since 9:00.' } });
    expect(r.status).toBe(201);
    return r.body.ticket as { id: number };
  };
  const seqsAfter = async (seq: number): Promise<number[]> =>
    (await t.db.kysely.selectFrom('events').select('seq').where('seq', '>', seq).orderBy('seq').execute()).map((r) => Number(r.seq));
  /** A second, third... session of the same user. */
  const signIn = async (login: string): Promise<string> => {
    const r = await t.request<{ token: string }>('POST', '/api/v1/session', { body: { login, password: 'demo' } });
    expect(r.status).toBe(200);
    return r.body.token;
  };

  it('a replay that fails closes the socket with 1011 (the client reconnects) instead of leaving it silent', async () => {
    await file('alpha.user');
    await t.service.hub.idle();
    let away = true;
    const putBack = async (): Promise<void> => {
      if (away) await sql`alter table events_away rename to events`.execute(t.db.kysely);
      away = false;
    };
    await sql`alter table events rename to events_away`.execute(t.db.kysely);
    const s = rawEventSocket(t.url, await t.login('anna'), 0);
    // Put back even when the socket never closes (the test then fails by its timeout).
    onTestFinished(async () => {
      s.ws.terminate();
      await putBack();
    });
    expect(await s.closed).toBe(1011);
    expect(s.live()).toBe(false);
    await putBack();
    // The service is fine afterwards: the same replay now works.
    const again = await t.events(await t.login('anna'), 0);
    expect(again.received.length).toBe(await tableHead(t.db));
  });

  it('?since= beyond the head: the client is told to reset to the real head, and the next events are delivered', async () => {
    await file('alpha.user');
    await t.service.hub.idle();
    const head = await tableHead(t.db);
    const s = await t.events(await t.login('anna'), head + 50);
    expect(s.controls).toEqual([{ type: 'stream.reset', seq: head }, { type: 'stream.live', seq: head }]);
    const ticket = await file('alpha.user', 'after the reset');
    const created = await s.next((e) => e.type === 'ticket.created' && e.ticketId === ticket.id, 'the next ticket.created');
    expect(created.seq).toBe(head + 1);
    await t.service.hub.idle();
    expect(s.received.map((e) => e.seq)).toEqual(await seqsAfter(head));
  });

  it('decides "beyond the head" against the table, not the hub: rows the hub has not dispatched yet are a valid since', async () => {
    const ticket = await file('beta.user');
    await t.service.hub.idle();
    const before = t.service.hub.head();
    // Committed elsewhere (another instance on PostgreSQL) and not yet dispatched here.
    await copyEvent(t.db, before, 3);
    const real = await tableHead(t.db);
    expect(t.service.hub.head()).toBe(before);
    const caughtUp = await t.events(await t.login('boris'), real);
    expect(caughtUp.controls).toEqual([{ type: 'stream.live', seq: real }]);
    const ahead = await t.events(await t.login('boris'), real + 7);
    expect(ahead.controls).toEqual([{ type: 'stream.reset', seq: real }, { type: 'stream.live', seq: real }]);
    t.service.hub.poke();
    const next = await file('beta.user', 'after the copies');
    for (const s of [caughtUp, ahead]) {
      await s.next((e) => e.ticketId === next.id, 'the next ticket');
      expect(s.received.map((e) => e.seq)).toEqual(await seqsAfter(real));
    }
    expect(ticket.id).toBeLessThan(next.id);
  });

  it(`refuses a session's socket number ${MAX_SOCKETS_PER_SESSION + 1} and a user's number ${MAX_SOCKETS_PER_USER + 1} with 429; the others work`, async () => {
    const tokens = await Promise.all(Array.from({ length: MAX_SOCKETS_PER_USER / MAX_SOCKETS_PER_SESSION + 1 }, () => signIn('gamma.user')));
    const [first, ...rest] = tokens as [string, ...string[]];
    const open = await Promise.all(Array.from({ length: MAX_SOCKETS_PER_SESSION }, () => t.events(first)));
    const sixth = rawEventSocket(t.url, first);
    const refused = await sixth.opened;
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'too_many_requests', message: expect.stringContaining(`at most ${MAX_SOCKETS_PER_SESSION} per session`) });
    // Up to the user's limit across sessions.
    for (const token of rest.slice(0, -1)) open.push(...(await Promise.all(Array.from({ length: MAX_SOCKETS_PER_SESSION }, () => t.events(token)))));
    expect(open.length).toBe(MAX_SOCKETS_PER_USER);
    const last = rawEventSocket(t.url, rest.at(-1) as string);
    const refusedUser = await last.opened;
    expect(refusedUser.status).toBe(429);
    expect(JSON.parse(refusedUser.body).message).toContain(`at most ${MAX_SOCKETS_PER_USER} per user`);
    // Another user is unaffected, and every open socket still gets events.
    const other = await t.events(await t.login('maria'));
    const ticket = await file('gamma.user', 'limits');
    await Promise.all([other, ...open].map((s) => s.next((e) => e.ticketId === ticket.id, 'the new ticket')));
    // A closed socket gives its slot back.
    const freed = open.pop();
    freed?.close();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 101; attempt++) {
      const s = rawEventSocket(t.url, rest.at(-1) as string);
      status = (await s.opened).status;
      if (status === 101) s.ws.close();
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(101);
    for (const s of open) s.close();
  });

  it('a replay overlapping live events delivers each event exactly once, in order', async () => {
    await file('alpha.user');
    await t.service.hub.idle();
    await copyEvent(t.db, await tableHead(t.db), 1500);
    t.service.hub.poke();
    await t.service.hub.idle();
    const replaying = rawEventSocket(t.url, await t.login('sofia'), 0);
    await new Promise<void>((resolve) => replaying.ws.once('message', () => resolve()));
    // Mid-replay: rows the hub has not dispatched yet (another instance's commits), then live tickets.
    await copyEvent(t.db, await tableHead(t.db), 300);
    await Promise.all(Array.from({ length: 5 }, (_, i) => file('alpha.user', `overlap ${i}`)));
    const tail = await file('alpha.user', 'tail');
    await t.service.hub.idle();
    while (!replaying.messages.some((m) => (m as { ticketId?: number }).ticketId === tail.id)) await new Promise((r) => replaying.ws.once('message', r));
    const all = await t.db.kysely.selectFrom('events').select('seq').orderBy('seq').execute();
    expect(replaying.messages.filter((m) => !m.type.startsWith('stream.') && !m.type.startsWith('presence')).map((m) => m.seq)).toEqual(all.map((r) => Number(r.seq)));
    expect(replaying.messages.filter((m) => m.type === 'stream.live')).toHaveLength(1);
    replaying.ws.close();
  }, 30_000);

  it('a live event reaches a live console before long replays have finished (replays do not hold up live delivery)', async () => {
    await file('alpha.user');
    await t.service.hub.idle();
    await copyEvent(t.db, await tableHead(t.db), 3000);
    t.service.hub.poke();
    await t.service.hub.idle();
    const watcher = await t.events(await t.login('olga'));
    const replays = await Promise.all(['maria', 'dmytro', 'ivan', 'admin'].map(async (login) => rawEventSocket(t.url, await t.login(login), 0)));
    await Promise.all(replays.map((r) => r.opened));
    // An event committed now (the last row) is dispatched live while the replays are still paging.
    const last = await tableHead(t.db);
    await copyEvent(t.db, last, 1);
    t.service.hub.poke();
    await watcher.next((e) => e.seq === last + 1, 'the live event');
    expect(replays.filter((r) => r.live()).length).toBeLessThan(replays.length);
    for (const r of replays) r.ws.close();
  }, 30_000);
});
