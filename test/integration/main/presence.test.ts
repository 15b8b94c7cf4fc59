import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, NODE_IO, type Connection } from '../../../main/connection.ts';
import { createTokenStore } from '../../../main/token-store.ts';
import type { PresenceMessage } from '../../../shared/presence/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';

// Presence through main/connection.ts, against a real ticket service over real HTTP and WebSocket.
const noKeyring = { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' };
const memory = () => {
  const m = new Map<string, unknown>();
  return { get: (k: string) => m.get(k), set: (k: string, v: unknown) => void m.set(k, v), delete: (k: string) => void m.delete(k) };
};

/** A desktop main connection that records the presence messages it receives; `next` waits for a matching one. */
function desktop(ts: TestService) {
  const received: PresenceMessage[] = [];
  const waiters = new Set<() => void>();
  const connection: Connection = createConnection({
    baseUrl: ts.url,
    tokens: createTokenStore(noKeyring, memory()),
    ...NODE_IO,
    onEvent: () => {},
    onState: () => {},
    onSession: () => {},
    onPresence: (m) => {
      received.push(m);
      for (const w of waiters) w();
    },
  });
  return {
    connection,
    received,
    async next(predicate: (m: PresenceMessage) => boolean): Promise<PresenceMessage> {
      for (;;) {
        const found = received.find(predicate);
        if (found !== undefined) return found;
        await new Promise<void>((resolve) => {
          const w = (): void => {
            waiters.delete(w);
            resolve();
          };
          waiters.add(w);
        });
      }
    },
  };
}

describe('presence through the desktop main process', () => {
  let ts: TestService & { drop: () => Promise<void> };
  beforeAll(async () => {
    ts = await startTestService('sqlite');
  });
  afterAll(async () => {
    await ts.close();
    await ts.drop();
  });

  it("main sends the agent's presence on its event stream and hands other agents' presence on; signing out ends it", async () => {
    const anna = desktop(ts);
    const boris = desktop(ts);
    await boris.connection.login({ login: 'boris', password: 'demo' });
    await boris.next((m) => m.type === 'presence.snapshot');
    // Set before the stream is up: sent as soon as it opens.
    await anna.connection.login({ login: 'anna', password: 'demo' });
    anna.connection.setPresence({ ticketId: 12, typing: true });
    const seen = await boris.next((m) => m.type === 'presence' && m.ticketId === 12 && m.agents.length > 0);
    expect(seen).toEqual({ type: 'presence', ticketId: 12, agents: [{ id: ts.people.users.get('anna'), name: 'Anna Kovalenko', typing: true }] });
    await anna.connection.logout();
    await boris.next((m) => m.type === 'presence' && m.ticketId === 12 && m.agents.length === 0);
    boris.connection.close();
  });
});
