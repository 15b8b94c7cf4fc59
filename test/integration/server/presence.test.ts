/** Presence over the event stream: who has a ticket open and who types a reply, agents only, never stored. */
import { describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { PRESENCE_MESSAGE_MAX_BYTES, PRESENCE_TTL_MS } from '../../../shared/presence/index.ts';
import { engines, useTestService, useTwoInstances } from '../../support/service.ts';

type Message = { type: string; ticketId?: number; agents?: { id: number; name: string; typing: boolean }[]; tickets?: { ticketId: number; agents: { id: number; name: string; typing: boolean }[] }[] };

/** A raw event socket that reads messages in order: `next` returns the first unread one matching. */
async function client(url: string, token: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/events?token=${encodeURIComponent(token)}`);
  const messages: Message[] = [];
  let read = 0;
  const wake = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    for (const w of wake) w();
  });
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const c = {
    ws,
    messages,
    closed,
    /** The first message after the last one read that matches; waits for it. */
    async next(predicate: (m: Message) => boolean): Promise<Message> {
      for (;;) {
        const i = messages.findIndex((m, at) => at >= read && predicate(m));
        if (i >= 0) {
          read = i + 1;
          return messages[i] as Message;
        }
        await new Promise<void>((resolve) => {
          const w = (): void => {
            wake.delete(w);
            resolve();
          };
          wake.add(w);
        });
      }
    },
    /** The next presence message about `ticketId`. */
    about: (ticketId: number) => c.next((m) => m.type === 'presence' && m.ticketId === ticketId),
    send: (message: unknown) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    open: (ticketId: number | null, typing = false) => ws.send(JSON.stringify({ type: 'presence', ticketId, typing })),
    /** Resolves once the service has handled everything sent before: it answers a ping after the frames ahead of it. */
    flush: () =>
      new Promise<void>((resolve) => {
        ws.once('pong', () => resolve());
        ws.ping();
      }),
    close: () => {
      ws.close();
      return closed;
    },
  };
  await c.next((m) => m.type === 'stream.live');
  return c;
}

describe.each(engines())('presence on %s', (engine) => {
  // A short real-time sweep: the TTL is counted on the fake clock, which the tests move by hand.
  const t = useTestService(engine, { service: { presenceSweepMs: 20 } });
  const as = async (login: string) => client(t.url, await t.login(login));
  const anna = { id: () => t.people.users.get('anna') as number, name: 'Anna Kovalenko' };
  const boris = { id: () => t.people.users.get('boris') as number, name: 'Boris Ivanov' };

  it('an agent opening and typing on a ticket is shown to the others, once per agent, never to themself; gone at once when the socket closes', async () => {
    const b = await as('boris');
    expect(await b.next((m) => m.type === 'presence.snapshot')).toEqual({ type: 'presence.snapshot', tickets: [] });
    const a = await as('anna');
    a.open(5);
    expect(await b.about(5)).toEqual({ type: 'presence', ticketId: 5, agents: [{ id: anna.id(), name: anna.name, typing: false }] });
    a.open(5, true);
    expect(await b.about(5)).toEqual({ type: 'presence', ticketId: 5, agents: [{ id: anna.id(), name: anna.name, typing: true }] });
    // Boris joins: Anna sees Boris, and never herself.
    b.open(5);
    expect(await a.about(5)).toEqual({ type: 'presence', ticketId: 5, agents: [{ id: boris.id(), name: boris.name, typing: false }] });
    // A console that connects later learns who is where from the snapshot.
    const o = await as('olga');
    expect(await o.next((m) => m.type === 'presence.snapshot')).toEqual({
      type: 'presence.snapshot',
      tickets: [{ ticketId: 5, agents: [{ id: anna.id(), name: anna.name, typing: true }, { id: boris.id(), name: boris.name, typing: false }] }],
    });
    await a.close();
    expect(await b.about(5)).toEqual({ type: 'presence', ticketId: 5, agents: [] });
    expect((await o.about(5)).agents).toEqual([{ id: boris.id(), name: boris.name, typing: false }]);
    await Promise.all([b.close(), o.close()]);
  });

  it('two windows of one agent count once; moving to another ticket leaves the first', async () => {
    const b = await as('boris');
    const a1 = await as('anna');
    const a2 = await as('anna');
    a1.open(7);
    expect((await b.about(7)).agents).toEqual([{ id: anna.id(), name: anna.name, typing: false }]);
    a2.open(7);
    await a2.flush();
    await a1.close();
    a2.open(7, true);
    // Had the second window or the first one's closing changed what Boris sees, that message would come first.
    expect((await b.about(7)).agents).toEqual([{ id: anna.id(), name: anna.name, typing: true }]);
    a2.open(8);
    expect((await b.about(7)).agents).toEqual([]);
    expect((await b.about(8)).agents).toEqual([{ id: anna.id(), name: anna.name, typing: false }]);
    a2.open(null);
    expect((await b.about(8)).agents).toEqual([]);
    await Promise.all([a2.close(), b.close()]);
  });

  it('a console that goes silent expires after the TTL; one that refreshes stays', async () => {
    const b = await as('boris');
    const a = await as('anna');
    const o = await as('olga');
    a.open(9);
    o.open(9);
    await b.about(9);
    expect((await b.about(9)).agents?.map((x) => x.name)).toEqual([anna.name, 'Olga Shevchenko']);
    t.clock.advance(PRESENCE_TTL_MS - 5_000);
    o.open(9);
    await o.flush();
    t.clock.advance(5_001);
    // Anna's socket is still open, but said nothing for longer than the TTL.
    expect((await b.about(9)).agents).toEqual([{ id: t.people.users.get('olga'), name: 'Olga Shevchenko', typing: false }]);
    // Her next message brings her back.
    a.open(9, true);
    expect((await b.about(9)).agents?.map((x) => [x.name, x.typing])).toEqual([[anna.name, true], ['Olga Shevchenko', false]]);
    await Promise.all([a.close(), b.close(), o.close()]);
  });

  it('customers receive no presence, and their presence messages change nothing', async () => {
    const customer = await as('alpha.user');
    const b = await as('boris');
    const a = await as('anna');
    customer.open(21, true);
    await customer.flush();
    a.open(21);
    // Only Anna: the customer is not counted.
    expect((await b.about(21)).agents).toEqual([{ id: anna.id(), name: anna.name, typing: false }]);
    // The customer's socket still works and has had no presence at all.
    const filed = await t.request('POST', '/api/v1/tickets', { token: await t.login('alpha.user'), body: { kind: 'problem', subject: 'Calls drop', body: 'Since noon.' } });
    await customer.next((m) => m.type === 'ticket.created' && m.ticketId === filed.body.ticket.id);
    expect(customer.messages.filter((m) => m.type.startsWith('presence'))).toEqual([]);
    await Promise.all([a.close(), b.close(), customer.close()]);
  });

  it('a malformed or oversized message is ignored: the socket stays usable and the others see no change', async () => {
    const b = await as('boris');
    const a = await as('anna');
    a.send('not json');
    a.send({ type: 'presence', ticketId: '31', typing: true });
    a.send({ type: 'presence', ticketId: 31, typing: true, extra: 1 });
    a.send({ type: 'presence', ticketId: -1, typing: false });
    a.send({ type: 'subscribe', ticketId: 31 });
    a.send(JSON.stringify({ type: 'presence', ticketId: 31, typing: false }).padEnd(PRESENCE_MESSAGE_MAX_BYTES + 1, ' '));
    a.ws.send(Buffer.from(JSON.stringify({ type: 'presence', ticketId: 31, typing: false })), { binary: true });
    await a.flush();
    a.open(32);
    // The first presence message Boris gets is the valid one.
    expect(await b.next((m) => m.type === 'presence')).toEqual({ type: 'presence', ticketId: 32, agents: [{ id: anna.id(), name: anna.name, typing: false }] });
    const filed = await t.request('POST', '/api/v1/tickets', { token: await t.login('gamma.user'), body: { kind: 'problem', subject: 'No sound', body: 'Headsets mute.' } });
    await a.next((m) => m.type === 'ticket.created' && m.ticketId === filed.body.ticket.id);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
    await Promise.all([a.close(), b.close()]);
  });

  it('presence is never stored: the events table has no row of it', async () => {
    const a = await as('anna');
    const b = await as('boris');
    a.open(41, true);
    await b.about(41);
    const rows = await t.db.kysely.selectFrom('events').select('type').execute();
    expect(rows.filter((r) => r.type.includes('presence'))).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });
});

describe.skipIf(inject('pgBaseUrl') === null)('presence across two instances on one PostgreSQL', () => {
  const [a, b] = useTwoInstances();

  it('an agent on instance A is seen by an agent on instance B, typing, and gone when the socket closes', async () => {
    const boris = await client(b.url, await b.login('boris'));
    const anna = await client(a.url, await a.login('anna'));
    anna.open(51);
    const annaOn51 = { id: a.people.users.get('anna'), name: 'Anna Kovalenko' };
    expect((await boris.about(51)).agents).toEqual([{ ...annaOn51, typing: false }]);
    anna.open(51, true);
    expect((await boris.about(51)).agents).toEqual([{ ...annaOn51, typing: true }]);
    // And back: Boris on B is seen on A.
    boris.open(51);
    expect((await anna.about(51)).agents).toEqual([{ id: b.people.users.get('boris'), name: 'Boris Ivanov', typing: false }]);
    await anna.close();
    expect((await boris.about(51)).agents).toEqual([]);
    await boris.close();
  });
});
