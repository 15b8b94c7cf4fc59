/**
 * The Telegram channel's administration over HTTP on SQLite and PostgreSQL: a client's chat id
 * (checked, audited, cleared), and the retry of a failed message, with its refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFakeTelegram } from '../../support/fake-telegram.ts';
import { engines, useTestService } from '../../support/service.ts';
import { startTelegramService, type TelegramDesk } from '../../support/telegram-service.ts';

const DAY = 24 * 3600_000;

describe.each(engines())('Telegram administration on %s', (engine) => {
  const bot = useFakeTelegram();
  let t: TelegramDesk;
  let admin: string;
  beforeAll(async () => {
    t = await startTelegramService(engine, bot);
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });
  const clientRow = async (id: number) => (await t.request('GET', '/api/v1/admin/clients', { token: await t.login('sofia') })).body.clients.find((c: { id: number }) => c.id === id);

  it('admins set a chat id on a new client and change or clear it; managers read it; each change is audited', async () => {
    const created = await t.request('POST', '/api/v1/admin/clients', { token: admin, body: { name: 'Delta', primaryGroup: 'inbound', language: 'uk', telegramChatId: ' -1009876543210 ' } });
    expect([created.status, created.body.client.telegramChatId]).toEqual([201, '-1009876543210']);
    const id = created.body.client.id as number;
    expect((await clientRow(id)).telegramChatId).toBe('-1009876543210');
    for (const chat of ['@delta_status', '123456789', '-42', null]) {
      const r = await t.request('PATCH', `/api/v1/admin/clients/${id}`, { token: admin, body: { telegramChatId: chat } });
      expect([r.status, r.body.client.telegramChatId]).toEqual([200, chat]);
    }
    const audit = await t.request('GET', `/api/v1/admin/audit?targetKind=client&targetId=${id}`, { token: admin });
    expect(audit.body.entries.map((e: { action: string; detail: Record<string, unknown> }) => [e.action, e.detail.changes ?? e.detail.telegramChatId]).reverse()).toEqual([
      ['client_created', '-1009876543210'],
      ['client_updated', { telegramChatId: { from: '-1009876543210', to: '@delta_status' } }],
      ['client_updated', { telegramChatId: { from: '@delta_status', to: '123456789' } }],
      ['client_updated', { telegramChatId: { from: '123456789', to: '-42' } }],
      ['client_updated', { telegramChatId: { from: '-42', to: null } }],
    ]);
  });

  it('refuses what is not a chat id, naming the field, and changes nothing', async () => {
    const alpha = t.people.clients.get('Alpha') ?? 0;
    await t.setChat('Alpha', '@alpha_status');
    for (const chat of ['', 'alpha', '@abc', '@has-dash', '@this_name_is_much_longer_than_32_chars', '12.5', '-0', '007', '+100', '12345678901234567', 42]) {
      const r = await t.request('PATCH', `/api/v1/admin/clients/${alpha}`, { token: admin, body: { telegramChatId: chat } });
      expect([chat, r.status, r.body.field]).toEqual([chat, 400, 'body.telegramChatId']);
    }
    const create = await t.request('POST', '/api/v1/admin/clients', { token: admin, body: { name: 'Epsilon', primaryGroup: 'inbound', language: 'en', telegramChatId: 'epsilon' } });
    expect([create.status, create.body.message]).toEqual([400, expect.stringMatching(/^body\.telegramChatId: must be a Telegram chat id/)]);
    expect((await clientRow(alpha)).telegramChatId).toBe('@alpha_status');
    expect((await t.request('GET', '/api/v1/admin/clients', { token: admin })).body.clients.some((c: { name: string }) => c.name === 'Epsilon')).toBe(false);
  });

  it("retries a failed message into the client's chat as set now, refusing unknown, unfailed and chatless ones", async () => {
    await t.setChat('Beta', '@beta_old');
    bot.answerWith(() => ({ kind: 'error', status: 400, description: 'Bad Request: chat not found' }));
    const filedAt = t.clock.now();
    const id = await t.file('beta.user', 'Wrong chat');
    await t.telegram.idle();
    t.clock.set(filedAt + DAY);
    await t.telegram.runDue();
    const [failed] = (await t.request('GET', '/api/v1/admin/telegram', { token: admin })).body.failedMessages;
    expect([failed.ticket.id, failed.chatId, failed.lastError]).toEqual([id, '@beta_old', '400: Bad Request: chat not found']);

    const unknown = await t.request('POST', '/api/v1/admin/telegram/999999/retry', { token: admin });
    expect([unknown.status, unknown.body.message]).toEqual([404, 'no Telegram message 999999']);
    await t.setChat('Beta', null);
    const chatless = await t.request('POST', `/api/v1/admin/telegram/${failed.id}/retry`, { token: admin });
    expect([chatless.status, chatless.body.message]).toEqual([409, 'client Beta has no Telegram chat now; set one first']);

    bot.answerWith(() => ({ kind: 'ok' }));
    await t.setChat('Beta', '@beta_new');
    const calls = bot.calls.length;
    const retried = await t.request('POST', `/api/v1/admin/telegram/${failed.id}/retry`, { token: admin, body: {} });
    expect([retried.status, retried.body]).toEqual([200, { id: failed.id, state: 'queued', chatId: '@beta_new' }]);
    await t.telegram.idle();
    expect(bot.calls.slice(calls).map((c) => [c.chatId, c.text])).toEqual([['@beta_new', failed.text]]);
    const audit = await t.request('GET', '/api/v1/admin/audit?action=telegram_retried', { token: admin });
    expect(audit.body.entries[0].detail).toEqual({ messageId: failed.id, ticketId: id, chatId: '@beta_new', queuedFor: '@beta_old' });
    const sent = await t.request('POST', `/api/v1/admin/telegram/${failed.id}/retry`, { token: admin });
    expect(sent.status).toBe(409);
  });
});

describe.each(engines())('a service without a bot token on %s', (engine) => {
  const t = useTestService(engine);

  it('says so, and refuses to retry a failed message: nothing would send it', async () => {
    const admin = await t.login('admin');
    const status = await t.request('GET', '/api/v1/admin/telegram', { token: admin });
    expect(status.body).toEqual({ configured: false, queued: 0, failed: 0, failedMessages: [] });
    // A message another instance (with a token) gave up on.
    const alpha = t.people.clients.get('Alpha') ?? 0;
    const { id } = await t.db.kysely
      .insertInto('telegram_outbox')
      .values({ client_id: alpha, chat_id: '@alpha_status', ticket_id: null, text: 'x', state: 'failed', next_attempt_at: 0, created_at: 0, queued_at: 0, failed_at: 1, last_error: '400: Bad Request: chat not found' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await t.request('POST', `/api/v1/admin/telegram/${id}/retry`, { token: admin });
    expect([r.status, r.body.message]).toEqual([409, 'this service has no Telegram bot token, so nothing would send the message; start it with --telegram-token or DUTYDESK_TELEGRAM_TOKEN']);
    expect((await t.request('GET', '/api/v1/admin/telegram', { token: admin })).body.failed).toBe(1);
  });
});
