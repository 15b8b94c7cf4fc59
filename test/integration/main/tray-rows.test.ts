/** Main's tray rows (main/tray-rows.ts): read once, then kept true by events, read again only when they must be. */
import { describe, expect, it } from 'vitest';
import { createApiClient, type QueueQuery } from '../../../shared/client/api-client.ts';
import { attentionCounts } from '../../../shared/notifications/attention.ts';
import { viewerOf } from '../../../shared/tickets/live-list.ts';
import type { Agent } from '../../../shared/model/index.ts';
import { createTrayRows } from '../../../main/tray-rows.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('tray rows on %s', (engine) => {
  const t = useTestService(engine);

  it('count from rows patched by events: a burst of new tickets and a breach need no second read', async () => {
    const token = await t.login('anna');
    const api = createApiClient({ baseUrl: t.url, token: () => token, fetch });
    const reads: QueueQuery[] = [];
    const tray = createTrayRows({
      queue: (query) => {
        reads.push(query ?? {});
        return api.queue(query);
      },
    });
    const me = (await api.me()).user as Agent;
    const socket = await t.events(token);
    let handled = 0;
    const catchUp = () => {
      for (const e of socket.received.slice(handled)) tray.onEvent(e);
      handled = socket.received.length;
    };

    expect(attentionCounts(await tray.rows(viewerOf(me)), me, t.clock.now())).toEqual({ breached: 0, atRisk: 0 });
    expect(reads).toHaveLength(1);
    const filed: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.request('POST', '/api/v1/tickets', { token: await t.login('alpha.user'), body: { kind: 'problem', subject: `Down ${i}`, body: 'Calls drop.' } });
      filed.push(r.body.ticket.id);
    }
    await socket.next((e) => e.ticketId === filed.at(-1) && e.type === 'ticket.created');
    catchUp();
    expect((await tray.rows(viewerOf(me))).filter((x) => filed.includes(x.id))).toHaveLength(5);
    // The reaction clock (20 working minutes) runs out: the scheduler marks the breaches, the events carry them.
    t.clock.advance(21 * MIN);
    await t.service.scheduler.runDue();
    await socket.next((e) => e.ticketId === filed.at(-1) && e.type === 'sla.breached');
    catchUp();
    const rows = await tray.rows(viewerOf(me));
    expect(attentionCounts(rows, me, t.clock.now()).breached).toBeGreaterThanOrEqual(5);
    expect(reads).toHaveLength(1);
    expect(rows).toEqual((await api.queue({ view: 'queue', limit: 10_000 })).tickets);

    tray.reset();
    await tray.rows(viewerOf(me));
    expect(reads).toHaveLength(2);
  });
});
