import { describe, expect, it } from 'vitest';
import { writeEvents } from '../../../server/events/outbox.ts';
import { engines, useTestService } from '../../support/service.ts';
import { aRow } from '../../support/rows.ts';

// A transaction that wrote its events and then did not commit (the service killed before COMMIT,
// a connection lost) must leave no hole in `seq`: the next committed event takes the next number.
describe.each(engines())('event sequence after a rolled-back transaction (%s)', (engine) => {
  const ts = useTestService(engine);

  it('numbers the next committed event right after the last committed one', async () => {
    const token = await ts.login('alpha.user');
    const file = async (subject: string) => {
      const r = await ts.request('POST', '/api/v1/tickets', { token, body: { kind: 'problem', subject, body: 'Calls drop after 30 seconds.' } });
      expect(r.status).toBe(201);
      return r.body.ticket as { id: number; clientId?: number };
    };
    await file('Before the rollback');
    const abandoned = new Error('abandoned before commit');
    await expect(
      ts.db.kysely.transaction().execute(async (trx) => {
        const ticket = { id: 1, number: 1, subject: 'x', clientId: ts.people.clients.get('Alpha') ?? 1, status: 'new', tier: 'l1' } as const;
        await writeEvents(trx, engine, [{ type: 'ticket.changed', ticket, agentsOnly: true, data: { action: 'taken' } }], ts.clock.now(), async () => new Map([[1, aRow({ id: 1 })]]));
        throw abandoned;
      }),
    ).rejects.toBe(abandoned);
    await file('After the rollback');
    const seqs = (await ts.db.kysely.selectFrom('events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
