/**
 * Canned replies over HTTP on SQLite and PostgreSQL: managers and admins create, edit and delete
 * them (each change audited), every agent lists them by team and language, and a body with a
 * placeholder other than the known ones is refused, naming it, with nothing stored.
 */
import { describe, expect, it } from 'vitest';
import { engines, useTestService } from '../../support/service.ts';

interface Reply { id: number; title: string; body: string; language: string; tier: string | null; createdBy: { name: string } | null; updatedBy: { name: string } | null }

describe.each(engines())('canned replies on %s', (engine) => {
  const t = useTestService(engine);
  const create = async (login: string, body: unknown) => t.request('POST', '/api/v1/canned-replies', { token: await t.login(login), body });
  const list = async (query: string, login = 'anna') => (await t.request<{ replies: Reply[] }>('GET', `/api/v1/canned-replies${query}`, { token: await t.login(login) })).body.replies;

  it('a manager creates replies; an agent lists those of a team and language, with the every-team ones first', async () => {
    for (const r of [
      { title: 'Greeting', body: 'Dear {customer}, we have ticket #{ticket}.', language: 'en', tier: null },
      { title: 'Logs please', body: 'Please send the logs, {customer}.', language: 'en', tier: 'l2-analysts' },
      { title: 'Asked L2', body: 'We asked our analysts. Hours: {supportHours}. {agent}', language: 'en', tier: 'l1' },
      { title: 'Вітання', body: 'Шановний(а) {customer}!', language: 'uk', tier: 'l1' },
    ]) {
      const made = await create('sofia', r);
      expect([made.status, made.body.reply.title, made.body.reply.createdBy.name]).toEqual([201, r.title, 'Sofia Tkachenko']);
    }
    expect((await list('?tier=l1&language=en')).map((r) => r.title)).toEqual(['Greeting', 'Asked L2']);
    expect((await list('?tier=l2-analysts&language=en', 'olga')).map((r) => r.title)).toEqual(['Greeting', 'Logs please']);
    expect((await list('?language=uk')).map((r) => r.title)).toEqual(['Вітання']);
    expect((await list('')).map((r) => r.title)).toEqual(['Greeting', 'Asked L2', 'Logs please', 'Вітання']);
  });

  it('refuses an unknown placeholder, naming each, and stores nothing', async () => {
    const before = await list('');
    const r = await create('admin', { title: 'Bad', body: 'Hello {name}, order {order_id}, ticket {ticket}', language: 'en', tier: null });
    expect([r.status, r.body.field, r.body.message]).toEqual([400, 'body.body', expect.stringContaining('unknown placeholders {name}, {order_id}: a canned reply may use only {customer}, {ticket}, {supportHours}, {agent}')]);
    const id = before[0]?.id ?? 0;
    const patch = await t.request('PATCH', `/api/v1/canned-replies/${id}`, { token: await t.login('admin'), body: { body: 'Hi {Customer}' } });
    expect([patch.status, patch.body.message]).toEqual([400, expect.stringContaining('unknown placeholder {Customer}')]);
    expect(await list('')).toEqual(before);
  });

  it('an admin edits and deletes a reply; each change is in the admin audit with who and what', async () => {
    const made = (await create('sofia', { title: 'Temp', body: 'Text {agent}', language: 'ru', tier: 'l3' })).body.reply as Reply;
    const admin = await t.login('admin');
    const edited = await t.request('PATCH', `/api/v1/canned-replies/${made.id}`, { token: admin, body: { title: 'Temp 2', tier: null } });
    expect([edited.status, edited.body.reply.title, edited.body.reply.tier, edited.body.reply.createdBy.name, edited.body.reply.updatedBy.name]).toEqual([200, 'Temp 2', null, 'Sofia Tkachenko', 'Administrator']);
    const gone = await t.request('DELETE', `/api/v1/canned-replies/${made.id}`, { token: admin });
    expect([gone.status, gone.body]).toEqual([200, { id: made.id, deleted: true }]);
    expect((await list('')).some((r) => r.id === made.id)).toBe(false);
    expect((await t.request('DELETE', `/api/v1/canned-replies/${made.id}`, { token: admin })).status).toBe(404);
    const audit = await t.request('GET', `/api/v1/admin/audit?targetKind=canned_reply&targetId=${made.id}`, { token: admin });
    // The target is named by the reply's title as each entry left it, also once the reply is gone.
    expect(audit.body.entries.map((e: { action: string; actor: { name: string }; targetName: string; detail: unknown }) => [e.action, e.actor.name, e.targetName, e.detail]).reverse()).toEqual([
      ['canned_reply_created', 'Sofia Tkachenko', 'Temp', { title: 'Temp', body: 'Text {agent}', language: 'ru', tier: 'l3' }],
      ['canned_reply_updated', 'Administrator', 'Temp 2', { title: 'Temp', changes: { title: { from: 'Temp', to: 'Temp 2' }, tier: { from: 'l3', to: null } } }],
      ['canned_reply_deleted', 'Administrator', 'Temp 2', { title: 'Temp 2', body: 'Text {agent}', language: 'ru', tier: null }],
    ]);
  });

  it('an agent may read but not change them', async () => {
    const r = await create('anna', { title: 'Mine', body: 'Hi', language: 'en', tier: 'l1' });
    expect(r.status).toBe(403);
    expect((await list('')).some((x) => x.title === 'Mine')).toBe(false);
  });
});
