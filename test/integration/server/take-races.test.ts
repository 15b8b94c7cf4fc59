/** Take decided under the ticket's lock, taking over made explicit, and history in lock order, on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKING_HOURS } from '../../support/clock.ts';
import { engines, startTestService, type TestService } from '../../support/service.ts';

describe.each(engines())('takes and contended commands on %s', (engine) => {
  let t: TestService & { drop: () => Promise<void> };
  // Every call moves time on by 1 ms, so a "now" taken before waiting for a lock shows up as a
  // timestamp older than one written by the command that held the lock first.
  let tick = WORKING_HOURS;
  beforeAll(async () => {
    t = await startTestService(engine, { service: { now: () => tick++ } });
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  const file = async (customer = 'alpha.user') => {
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login(customer), body: { kind: 'problem', subject: 'Calls drop', body: 'Every call drops.' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket.id as number;
  };
  const post = async (login: string, id: number, action: string, body?: unknown) => t.request('POST', `/api/v1/tickets/${id}/${action}`, { token: await t.login(login), body });
  const auditOf = async (id: number) => t.db.kysely.selectFrom('audit').select(['action', 'actor_id', 'detail']).where('ticket_id', '=', id).orderBy('id').execute();

  it('a take of a ticket someone else holds is refused with 409 naming the holder, and changes nothing', async () => {
    const id = await file();
    expect((await post('anna', id, 'take')).status).toBe(200);
    const r = await post('boris', id, 'take');
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ error: 'conflict', message: `ticket #${id} is taken by Anna Kovalenko` });
    const detail = await t.request('GET', `/api/v1/tickets/${id}`, { token: await t.login('boris') });
    expect(detail.body.ticket.assignee.name).toBe('Anna Kovalenko');
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['created', 'taken']);
  });

  it('taking over is explicit ({takeOver: true}), audited as its own action naming the previous holder', async () => {
    const id = await file();
    expect((await post('anna', id, 'take')).status).toBe(200);
    const r = await post('boris', id, 'take', { takeOver: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.ticket.assignee.name).toBe('Boris Ivanov');
    const last = r.body.audit.at(-1);
    expect(last).toMatchObject({ action: 'taken_over', actor: { name: 'Boris Ivanov' }, detail: 'from Anna Kovalenko' });
  });

  it('only agents of the tier or managers take over', async () => {
    const id = await file();
    expect((await post('anna', id, 'take')).status).toBe(200);
    expect((await post('olga', id, 'take', { takeOver: true })).status).toBe(403);
    const byManager = await post('sofia', id, 'take', { takeOver: true });
    expect(byManager.status).toBe(200);
    expect(byManager.body.ticket.assignee.name).toBe('Sofia Tkachenko');
  });

  it('takeOver must be a boolean; a JSON null body is refused', async () => {
    const id = await file();
    expect((await post('anna', id, 'take', { takeOver: 'yes' })).status).toBe(400);
    const raw = await t.request('POST', `/api/v1/tickets/${id}/take`, { token: await t.login('anna'), raw: 'null' });
    expect(raw.status).toBe(400);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['created']);
  });

  it('two agents taking one ticket at once: exactly one 200, one 409, one "taken" entry (30 races)', async () => {
    await Promise.all([t.login('anna'), t.login('boris')]);
    for (let i = 0; i < 30; i++) {
      const id = await file(i % 2 === 0 ? 'alpha.user' : 'beta.user');
      const replies = await Promise.all([post('anna', id, 'take'), post('boris', id, 'take')]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const audit = await auditOf(id);
      expect(audit.filter((a) => a.action === 'taken')).toHaveLength(1);
      const winner = replies.find((r) => r.status === 200);
      const loser = replies.find((r) => r.status === 409);
      expect(loser?.body.message).toBe(`ticket #${id} is taken by ${winner?.body.ticket.assignee.name}`);
    }
  });

  it('contended commands on one ticket leave messages, sla_events and audit in time order by id', async () => {
    const tickets = await Promise.all(Array.from({ length: 12 }, () => file()));
    for (const id of tickets) expect((await post('anna', id, 'take')).status).toBe(200);
    await Promise.all(
      tickets.flatMap((id) => [
        post('anna', id, 'messages', { type: 'reply', body: 'one' }),
        post('anna', id, 'messages', { type: 'question', body: 'two?' }),
        post('anna', id, 'messages', { type: 'reply', body: 'three' }),
        post('anna', id, 'resolve', { withoutReply: true }),
        post('anna', id, 'messages', { type: 'note', body: 'four' }),
      ]),
    );
    const backwards: string[] = [];
    for (const table of ['messages', 'sla_events', 'audit'] as const) {
      const column = table === 'messages' ? 'created_at' : 'at';
      const rows = await t.db.kysely.selectFrom(table).select(['id', 'ticket_id', `${column} as at`]).where('ticket_id', 'in', tickets).orderBy('id').execute();
      const last = new Map<number, number>();
      for (const r of rows) {
        const before = last.get(r.ticket_id);
        if (before !== undefined && Number(r.at) < before) backwards.push(`${table} #${r.id} of ticket ${r.ticket_id}: ${r.at} < ${before}`);
        last.set(r.ticket_id, Number(r.at));
      }
    }
    expect(backwards).toEqual([]);
  });
});
