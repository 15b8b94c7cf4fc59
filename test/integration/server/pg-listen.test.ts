/** LISTEN survives a cut line to PostgreSQL: it reconnects forever, logs it, and the hub catches up. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listenForEvents } from '../../../server/events/pg-listener.ts';
import { freshDatabase, startTestService, type TestService } from '../../support/service.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(inject('pgBaseUrl') === null)('LISTEN through a line that is cut for 3 seconds', () => {
  let direct: TestService;
  let viaProxy: TestService;
  let proxy: TcpProxy;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase('postgres');
    drop = fresh.drop;
    const url = new URL(fresh.location);
    proxy = await startTcpProxy(url.hostname, Number(url.port));
    url.port = String(proxy.port);
    direct = await startTestService('postgres', { location: fresh.location });
    // The safety poll is off (eventPollMs 0 in the test services): events from the other instance come only by LISTEN.
    viaProxy = await startTestService('postgres', { location: fresh.location, service: { listenUrl: url.toString(), eventPollMs: 0 } });
  });
  afterAll(async () => {
    await viaProxy.close();
    await direct.close();
    await proxy.close();
    await drop();
  });

  it('reconnects after the line is back, catches up, and NOTIFYs arrive again; the log says so', async () => {
    const logs: string[] = [];
    const url = new URL(inject('pgBaseUrl') ?? '');
    url.port = String(proxy.port);
    let notified = 0;
    const probe = await listenForEvents(`${url.toString().replace(/\/$/, '')}/postgres`, () => notified++, { warn: (m) => logs.push(`warn ${m}`), info: (m) => logs.push(`info ${m}`) });
    try {
      const watcher = await viaProxy.events(await viaProxy.login('anna'));
      const file = async (subject: string) => (await direct.request('POST', '/api/v1/tickets', { token: await direct.login('alpha.user'), body: { kind: 'bug', subject, body: 'x' } })).body.ticket as { id: number };
      const before = await file('before the cut');
      await watcher.next((e) => e.ticketId === before.id, 'the event before the cut');

      proxy.cut();
      const during = await file('during the cut');
      await pause(3000);
      proxy.restore();
      // The reconnect pokes the hub: what was committed meanwhile arrives without any poll.
      await watcher.next((e) => e.ticketId === during.id, 'the event committed during the cut', 25_000);
      const after = await file('after the cut');
      await watcher.next((e) => e.ticketId === after.id, 'the event after the cut (by NOTIFY)', 10_000);

      // The probe listener on the same line logged each failure with its next delay, then the restore.
      for (let i = 0; i < 250 && !logs.some((l) => l.startsWith('info')); i++) await pause(100);
      expect(logs.at(-1)).toMatch(/^info LISTEN dutydesk_events restored after \d+ attempt\(s\)$/);
      const failures = logs.filter((l) => l.startsWith('warn'));
      expect(failures.length).toBeGreaterThanOrEqual(2);
      for (const [i, line] of failures.entries()) expect(line).toMatch(new RegExp(`reconnecting in \\d+ ms \\(attempt ${i + 1}\\)`));
      expect(notified).toBeGreaterThanOrEqual(2);
    } finally {
      await probe.close();
    }
  }, 60_000);
});
