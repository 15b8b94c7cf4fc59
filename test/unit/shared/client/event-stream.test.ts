/** The client event stream's own decisions: a `stream.reset` from the service, and reconnect jitter. */
import { describe, expect, it } from 'vitest';
import { createEventStream, RECONNECT_BACKOFF, type ConnectionState, type EventStreamOptions, type SocketLike } from '../../../../shared/client/event-stream.ts';
import type { ServiceEvent } from '../../../../shared/model/index.ts';
import { PRESENCE_REFRESH_MS, type PresenceMessage } from '../../../../shared/presence/index.ts';
import { seededRandom } from '../../../support/random.ts';
import { aRow } from '../../../support/rows.ts';

/** The socket end the stream holds; the test plays the network's side of it. */
class TestSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  readonly sent: unknown[] = [];
  close(): void {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  open(): void {
    this.onopen?.(undefined as never);
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(): void {
    this.onclose?.({ code: 1006, reason: '' });
  }
}

function harness(overrides: Partial<EventStreamOptions> = {}) {
  const sockets: TestSocket[] = [];
  const delays: number[] = [];
  const pending: (() => void)[] = [];
  const events: ServiceEvent[] = [];
  const states: ConnectionState[] = [];
  const stream = createEventStream({
    baseUrl: 'http://svc',
    token: () => 'tok',
    openSocket: (url) => {
      const s = new TestSocket(url);
      sockets.push(s);
      return s;
    },
    now: () => 0,
    schedule: (run, ms) => {
      delays.push(ms);
      pending.push(run);
      return () => {};
    },
    onEvent: (e) => events.push(e),
    onState: (s) => states.push(s),
    ...overrides,
  });
  const last = (): TestSocket => sockets.at(-1) as TestSocket;
  return { stream, sockets, delays, pending, events, states, last };
}

const event = (seq: number): ServiceEvent => ({
  seq,
  type: 'ticket.created',
  at: 1,
  ticketId: 7,
  ticket: aRow({ id: 7 }),
  data: { action: 'created', toTier: 'l1' },
});

describe('event stream: stream.reset', () => {
  it('takes the service head as its position and delivers the next events', () => {
    const h = harness({ since: 120 });
    h.stream.start();
    expect(h.last().url).toContain('since=120');
    h.last().open();
    h.last().receive({ type: 'stream.reset', seq: 70 });
    h.last().receive({ type: 'stream.live', seq: 70 });
    h.last().receive(event(71));
    expect(h.events.map((e) => e.seq)).toEqual([71]);
    expect(h.stream.state).toMatchObject({ status: 'online', lastSeq: 71 });
    // A reconnect resumes after what it has now, not after the old position.
    h.last().drop();
    h.pending.shift()?.();
    expect(h.last().url).toContain('since=71');
  });

  it('ignores a malformed reset (no seq)', () => {
    const h = harness({ since: 5 });
    h.stream.start();
    h.last().open();
    h.last().receive({ type: 'stream.reset' });
    expect(h.stream.state.lastSeq).toBe(5);
  });
});

describe('event stream: reconnect backoff', () => {
  const failTimes = (random: () => number, n: number): number[] => {
    const h = harness({ random });
    h.stream.start();
    for (let i = 0; i < n; i++) {
      h.last().drop();
      h.pending.shift()?.();
    }
    return h.delays;
  };

  it('spreads clients out: two clients draw different delays, each within its doubling ceiling and the cap', () => {
    const a = failTimes(seededRandom(1), 12);
    const b = failTimes(seededRandom(2), 12);
    expect(a).toHaveLength(12);
    expect(a).not.toEqual(b);
    for (const delays of [a, b]) {
      delays.forEach((d, attempt) => {
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(RECONNECT_BACKOFF.capMs, RECONNECT_BACKOFF.baseMs * 2 ** attempt));
      });
    }
    // Not a fixed ladder: the same attempt number gets different delays.
    expect(a.some((d, i) => d !== b[i])).toBe(true);
  });

  it('the ceiling grows to the cap and stays there; an open socket starts over', () => {
    const h = harness({ random: () => 0.999999 });
    h.stream.start();
    for (let i = 0; i < 8; i++) {
      h.last().drop();
      h.pending.shift()?.();
    }
    expect(h.delays.slice(0, 3)).toEqual([499, 999, 1999]);
    expect(h.delays.slice(5)).toEqual([14_999, 14_999, 14_999]);
    h.last().open();
    h.last().drop();
    expect(h.delays.at(-1)).toBe(499);
  });
});

describe('event stream: presence', () => {
  it('sends what is open once connected, refreshes it while a ticket is open, and sends it again after a reconnect', () => {
    const h = harness();
    h.stream.start();
    h.stream.setPresence({ ticketId: 5, typing: false });
    expect(h.last().sent).toEqual([]);
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'presence', ticketId: 5, typing: false }]);
    expect(h.delays).toEqual([PRESENCE_REFRESH_MS]);
    h.pending.shift()?.();
    h.stream.setPresence({ ticketId: 5, typing: true });
    h.stream.setPresence({ ticketId: 5, typing: true });
    expect(h.last().sent).toEqual([{ type: 'presence', ticketId: 5, typing: false }, { type: 'presence', ticketId: 5, typing: false }, { type: 'presence', ticketId: 5, typing: true }]);
    const first = h.last();
    first.drop();
    h.pending.splice(0).at(-1)?.();
    h.last().open();
    expect(h.last()).not.toBe(first);
    expect(h.last().sent).toEqual([{ type: 'presence', ticketId: 5, typing: true }]);
  });

  it('nothing open: says so once and stops refreshing', () => {
    const h = harness();
    h.stream.start();
    h.last().open();
    h.stream.setPresence({ ticketId: 3, typing: false });
    h.stream.setPresence({ ticketId: null, typing: true });
    expect(h.last().sent).toEqual([{ type: 'presence', ticketId: 3, typing: false }, { type: 'presence', ticketId: null, typing: false }]);
    expect(h.delays).toEqual([PRESENCE_REFRESH_MS]);
  });

  it('hands presence messages to onPresence, not to onEvent, and leaves the sequence alone', () => {
    const presence: PresenceMessage[] = [];
    const h = harness({ onPresence: (m) => presence.push(m) });
    h.stream.start();
    h.last().open();
    h.last().receive({ type: 'presence.snapshot', tickets: [{ ticketId: 5, agents: [{ id: 2, name: 'Boris Ivanov', typing: false }] }] });
    h.last().receive({ type: 'presence', ticketId: 5, agents: [] });
    h.last().receive(event(1));
    expect(presence.map((m) => m.type)).toEqual(['presence.snapshot', 'presence']);
    expect(h.events.map((e) => e.seq)).toEqual([1]);
  });
});
