import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection, NODE_IO, type Connection } from '../../../main/connection.ts';
import { createSessionGate } from '../../../main/session-gate.ts';
import { createTokenStore } from '../../../main/token-store.ts';
import { createService } from '../../../server/service.ts';
import { startTestService, type TestService } from '../../support/service.ts';

// main's answer to the renderer's session:get, over main/connection.ts and a real ticket service
// that is stopped and started again on the same port.
const noKeyring = { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' };
const memory = () => {
  const m = new Map<string, unknown>();
  return { get: (k: string) => m.get(k), set: (k: string, v: unknown) => void m.set(k, v), delete: (k: string) => void m.delete(k) };
};

describe('session gate', () => {
  let ts: TestService & { drop: () => Promise<void> };
  let stopLast: () => Promise<void>;
  const connections: Connection[] = [];
  beforeAll(async () => {
    ts = await startTestService('sqlite');
    stopLast = () => ts.service.close();
  });
  afterAll(async () => {
    for (const c of connections) c.close();
    await stopLast();
    await ts.db.close();
    await ts.drop();
  });

  const connect = (token: string | null) => {
    const tokens = createTokenStore(noKeyring, memory());
    if (token !== null) tokens.set(token);
    const connection = createConnection({ baseUrl: ts.url, tokens, ...NODE_IO, onEvent: () => {}, onState: () => {}, onSession: () => {} });
    connections.push(connection);
    return { connection, tokens };
  };
  const restart = async () => {
    const again = await createService({ db: ts.db, now: ts.clock.now, schedulerIntervalMs: 0, eventPollMs: 0 });
    await again.listen(Number(new URL(ts.url).port), '127.0.0.1');
    stopLast = () => again.close();
  };

  it('fails with "unreachable" while the service is down (not "signed out"), and restores the session once it is back', async () => {
    const { connection, tokens } = connect(await ts.login('anna'));
    await stopLast();
    const gate = createSessionGate(connection);
    const [a, b] = [gate.get(), gate.get()];
    await expect(a).rejects.toMatchObject({ status: 0, code: 'network' });
    await expect(b).rejects.toMatchObject({ status: 0 });
    expect(tokens.get()).not.toBeNull(); // the saved token is kept for the next try
    await expect(gate.get()).rejects.toMatchObject({ status: 0 });
    await restart();
    expect((await gate.get())?.user.login).toBe('anna');
    expect((await gate.get())?.user.login).toBe('anna');
  });

  it('answers null (the login screen) when there is no saved token, or the service refuses it', async () => {
    expect(await createSessionGate(connect(null).connection).get()).toBeNull();
    const { connection, tokens } = connect('a-token-the-service-never-issued');
    expect(await createSessionGate(connection).get()).toBeNull();
    expect(tokens.get()).toBeNull();
  });
});
