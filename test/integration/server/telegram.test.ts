/**
 * The Telegram status channel (R11), end to end on SQLite and PostgreSQL: ticket actions through
 * the real API queue status messages in their transaction; the service's sender posts them to a
 * local endpoint playing the Bot API (test/support/fake-telegram.ts), in order per chat, with
 * retries, 429's retry_after, failure after a day, and across a restart. Time is the fake clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeTelegram } from '../../support/fake-telegram.ts';
import { engines, startTestService } from '../../support/service.ts';
import { claimMessage } from '../../../server/telegram/outbox-store.ts';
import { startTelegramService, TEST_BOT_TOKEN, type TelegramDesk } from '../../support/telegram-service.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALPHA_CHAT = '-1001234567890';
const BETA_CHAT = '@beta_status';
const link = (id: number) => `https://support.example.com/portal#/tickets/${id}`;
/** Whether `condition` holds within a few seconds (checked every 10 ms): for what arrives while something else hangs. */
const until = async (condition: () => boolean): Promise<boolean> => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
};

describe.each(engines())('the Telegram status channel on %s', (engine) => {
  const bot = useFakeTelegram();
  // Services to close (once) and databases to drop after each test.
  const started: { close(): Promise<void>; drop(): Promise<void> }[] = [];
  const closeOnce = (t: { close(): Promise<void> }): (() => Promise<void>) => {
    const close = t.close.bind(t);
    let closing: Promise<void> | undefined;
    return () => (closing ??= close());
  };
  afterEach(async () => {
    for (const s of started.splice(0).reverse()) {
      await s.close();
      await s.drop();
    }
    bot.answerWith(() => ({ kind: 'ok' }));
    bot.calls.length = 0;
    await bot.start().catch(() => undefined);
  });
  const start = async (): Promise<TelegramDesk> => {
    const t = await startTelegramService(engine, bot);
    t.close = closeOnce(t);
    started.push(t);
    await t.setChat('Alpha', ALPHA_CHAT);
    await t.setChat('Beta', BETA_CHAT);
    return t;
  };

  it("posts each status change, question and resolution to the client's chat in the client's language, once per action", async () => {
    const t = await start();
    const id = await t.file('alpha.user', 'Dialer stopped');
    await t.act('anna', id, 'messages', { type: 'note', body: 'Trunk 3 flaps again.' });
    await t.act('anna', id, 'take');
    await t.act('anna', id, 'messages', { type: 'reply', body: 'Checking the trunks now.' });
    await t.act('anna', id, 'messages', { type: 'question', body: 'Which campaign stopped?' });
    await t.act('alpha.user', id, 'messages', { type: 'reply', body: 'Campaign 4512.' });
    await t.act('anna', id, 'route', { tier: 'l2-analysts', reason: 'needs the dialer logs (internal)' });
    await t.act('olga', id, 'take');
    await t.act('olga', id, 'resolve', { withoutReply: true });
    await t.act('alpha.user', id, 'reopen');
    const beta = await t.file('beta.user', 'Calls drop');
    await t.file('gamma.user', 'Gamma has no chat');

    const subject = `№${id} «Dialer stopped»`;
    expect(await t.texts(ALPHA_CHAT)).toEqual([
      `Тикет ${subject} принят.\nПортал: ${link(id)}`,
      `Тикет ${subject} взят в работу.\nПортал: ${link(id)}`,
      `Поддержка задала вопрос по тикету ${subject}:\nWhich campaign stopped?\nОтветьте, пожалуйста, на портале: тикет ждёт вашего ответа.\nПортал: ${link(id)}`,
      `Тикет ${subject} взят в работу.\nПортал: ${link(id)}`,
      `Тикет ${subject} передан: Аналитики (L2).\nПортал: ${link(id)}`,
      // Routed, it waited as new at L2 until olga took it: work resumes there.
      `Тикет ${subject} взят в работу.\nПортал: ${link(id)}`,
      `Тикет ${subject} решён. Если проблема осталась, откройте его снова на портале.\nПортал: ${link(id)}`,
      `Тикет ${subject} открыт снова.\nПортал: ${link(id)}`,
    ]);
    expect(await t.texts(BETA_CHAT)).toEqual([`Тікет №${beta} «Calls drop» прийнято.\nПортал: ${link(beta)}`]);
    // Gamma has no chat: nothing queued for it, nothing posted anywhere else.
    expect(bot.calls.map((c) => c.chatId).filter((c) => c !== ALPHA_CHAT && c !== BETA_CHAT)).toEqual([]);
    expect((await t.outbox()).map((r) => r.state)).toEqual(Array(9).fill('sent'));
    // Every call: sendMessage with the configured token, plain text (no parse_mode), no link preview.
    for (const c of bot.calls) {
      expect([c.method, c.token, c.body.parse_mode, c.body.link_preview_options]).toEqual(['sendMessage', TEST_BOT_TOKEN, undefined, { is_disabled: true }]);
    }
  });

  it("says an escalation, and where a merged ticket continues; the messages a merge copies say nothing", async () => {
    const t = await start();
    const original = await t.file('alpha.user', 'Nothing dials');
    const duplicate = await t.file('alpha.user', 'Dialer idle');
    await t.act('alpha.user', original, 'escalate', { justification: 'The whole call centre has been idle since nine.' });
    await t.act('anna', duplicate, 'messages', { type: 'question', body: 'Since when?' });
    await t.act('sofia', duplicate, 'merge', { into: original });
    expect((await t.texts(ALPHA_CHAT)).slice(2)).toEqual([
      `Тикет №${original} «Nothing dials» эскалирован: им занимается группа эскалаций.\nПортал: ${link(original)}`,
      `Поддержка задала вопрос по тикету №${duplicate} «Dialer idle»:\nSince when?\nОтветьте, пожалуйста, на портале: тикет ждёт вашего ответа.\nПортал: ${link(duplicate)}`,
      `Тикет №${duplicate} «Dialer idle» объединён с тикетом №${original}; переписка продолжается там.\nПортал: ${link(original)}`,
    ]);
  });

  it('sends a chat its messages in order while the first one fails; other chats do not wait', async () => {
    const t = await start();
    let alphaDown = true;
    bot.answerWith((c) => (alphaDown && c.chatId === ALPHA_CHAT ? { kind: 'error', status: 500, description: 'Internal Server Error' } : { kind: 'ok' }));
    const first = await t.file('alpha.user', 'First');
    const second = await t.file('alpha.user', 'Second');
    await t.act('anna', first, 'take');
    await t.file('beta.user', 'Beta meanwhile');
    // Alpha's first message failed once; the two behind it were not tried; Beta's went out.
    expect((await t.texts(ALPHA_CHAT)).map((x) => x.split('\n')[0])).toEqual([`Тикет №${first} «First» принят.`]);
    expect(await t.texts(BETA_CHAT)).toHaveLength(1);
    expect((await t.outbox()).filter((r) => r.chat_id === ALPHA_CHAT).map((r) => [r.state, r.attempts, r.last_error])).toEqual([
      ['queued', 1, '500: Internal Server Error'],
      ['queued', 0, null],
      ['queued', 0, null],
    ]);

    alphaDown = false;
    t.clock.advance(10 * MIN);
    await t.telegram.runDue();
    expect((await t.texts(ALPHA_CHAT)).map((x) => x.split('\n')[0])).toEqual([
      `Тикет №${first} «First» принят.`,
      `Тикет №${first} «First» принят.`,
      `Тикет №${second} «Second» принят.`,
      `Тикет №${first} «First» взят в работу.`,
    ]);
  });

  it("retries after a 5xx, a proxy's error page and a dead endpoint; ticket actions succeed meanwhile", async () => {
    const t = await start();
    const answers = [{ kind: 'error', status: 502, description: 'Bad Gateway' }, { kind: 'html', status: 502 }] as const;
    let call = 0;
    bot.answerWith(() => answers[call++] ?? { kind: 'ok' });
    const id = await t.file('alpha.user', 'Flaky network');
    await t.telegram.idle();
    expect((await t.outbox())[0]).toMatchObject({ state: 'queued', attempts: 1, last_error: '502: Bad Gateway' });
    t.clock.advance(10 * MIN);
    await t.telegram.runDue();
    expect((await t.outbox())[0]).toMatchObject({ state: 'queued', attempts: 2, last_error: 'not a Bot API answer (the response was not JSON)' });
    t.clock.advance(10 * MIN);
    await t.telegram.runDue();
    expect((await t.outbox())[0]).toMatchObject({ state: 'sent', attempts: 3 });

    // The endpoint is gone: the ticket is taken all the same, and its message waits.
    await bot.stop();
    await t.act('anna', id, 'take');
    await t.telegram.idle();
    const waiting = (await t.outbox())[1];
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, last_error: 'network error (ECONNREFUSED)' });
    expect(JSON.stringify(await t.outbox())).not.toContain(TEST_BOT_TOKEN);
    await bot.start();
    t.clock.advance(10 * MIN);
    await t.telegram.runDue();
    expect((await t.texts(ALPHA_CHAT)).map((x) => x.split('\n')[0])).toEqual([
      ...Array(3).fill(`Тикет №${id} «Flaky network» принят.`),
      `Тикет №${id} «Flaky network» взят в работу.`,
    ]);
  });

  it("waits exactly the 429's retry_after before trying again", async () => {
    const t = await start();
    let limited = true;
    bot.answerWith(() => (limited ? { kind: 'error', status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 } : { kind: 'ok' }));
    const at = t.clock.now();
    await t.file('alpha.user', 'Rate limited');
    await t.telegram.idle();
    expect((await t.outbox())[0]).toMatchObject({ state: 'queued', next_attempt_at: at + 7000, last_error: '429: Too Many Requests: retry after 7' });
    limited = false;
    t.clock.set(at + 6999);
    await t.telegram.runDue();
    expect(bot.calls).toHaveLength(1);
    t.clock.set(at + 7000);
    await t.telegram.runDue();
    expect(bot.calls).toHaveLength(2);
    expect((await t.outbox())[0]?.state).toBe('sent');
  });

  it('answers ticket actions without waiting for Telegram, even when the Bot API never answers a chat; other chats are served meanwhile', async () => {
    const t = await start();
    bot.answerWith((c) => (c.chatId === ALPHA_CHAT ? { kind: 'hang' } : { kind: 'ok' }));
    const id = await t.file('alpha.user', 'Telegram hangs');
    const r = await t.request('POST', `/api/v1/tickets/${id}/take`, { token: await t.login('anna') });
    expect([r.status, r.body.ticket.status]).toEqual([200, 'in_work']);
    const beta = await t.file('beta.user', 'Beta is served');
    // Alpha's call is still hanging (30 s timeout): Beta's message arrives without it.
    const arrived = await until(() => bot.calls.some((c) => c.chatId === BETA_CHAT));
    expect(arrived).toBe(true);
    expect(bot.calls.filter((c) => c.chatId === BETA_CHAT).map((c) => c.text)).toEqual([`Тікет №${beta} «Beta is served» прийнято.\nПортал: ${link(beta)}`]);
    expect(bot.calls.filter((c) => c.chatId === ALPHA_CHAT)).toHaveLength(1);
  });

  it('a message unsent a day after it was queued fails and the chat moves on; admins see it and Retry sends it', async () => {
    const t = await start();
    let kicked = true;
    bot.answerWith((c) => (kicked && c.text.includes('Kicked') ? { kind: 'error', status: 403, description: 'Forbidden: bot was kicked from the supergroup chat' } : { kind: 'ok' }));
    const queuedAt = t.clock.now();
    const stuck = await t.file('alpha.user', 'Kicked');
    await t.telegram.idle();
    t.clock.advance(HOUR);
    const behind = await t.file('alpha.user', 'Behind it');
    for (let hours = 1; hours < 24; hours += 6) {
      t.clock.set(queuedAt + hours * HOUR);
      await t.telegram.runDue();
    }
    expect((await t.texts(ALPHA_CHAT)).every((x) => x.includes('Kicked'))).toBe(true);
    t.clock.set(queuedAt + 24 * HOUR);
    await t.telegram.runDue();
    // Failed with its last error; the message behind it went out in the same pass.
    expect((await t.texts(ALPHA_CHAT)).at(-1)).toBe(`Тикет №${behind} «Behind it» принят.\nПортал: ${link(behind)}`);

    const admin = await t.login('admin');
    const status = await t.request('GET', '/api/v1/admin/telegram', { token: admin });
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).not.toContain(TEST_BOT_TOKEN);
    const [failed] = status.body.failedMessages;
    expect({ ...status.body, failedMessages: status.body.failedMessages.length }).toEqual({ configured: true, queued: 0, failed: 1, failedMessages: 1 });
    expect(failed.attempts).toBeGreaterThanOrEqual(4);
    expect(failed).toEqual({
      id: failed.id,
      client: { id: t.people.clients.get('Alpha'), name: 'Alpha' },
      chatId: ALPHA_CHAT,
      ticket: { id: stuck, number: stuck, subject: 'Kicked' },
      text: `Тикет №${stuck} «Kicked» принят.\nПортал: ${link(stuck)}`,
      attempts: bot.calls.filter((c) => c.text.includes('Kicked')).length,
      lastError: '403: Forbidden: bot was kicked from the supergroup chat',
      queuedAt,
      failedAt: queuedAt + 24 * HOUR,
    });

    // The bot is back in the group: Retry sends it.
    kicked = false;
    const sentBefore = bot.calls.length;
    const retried = await t.request('POST', `/api/v1/admin/telegram/${failed.id}/retry`, { token: admin });
    expect([retried.status, retried.body]).toEqual([200, { id: failed.id, state: 'queued', chatId: ALPHA_CHAT }]);
    await t.telegram.idle();
    expect(bot.calls.slice(sentBefore).map((c) => c.text)).toEqual([failed.text]);
    const after = await t.request('GET', '/api/v1/admin/telegram', { token: admin });
    expect([after.body.queued, after.body.failed]).toEqual([0, 0]);
    const again = await t.request('POST', `/api/v1/admin/telegram/${failed.id}/retry`, { token: admin });
    expect([again.status, again.body.message]).toEqual([409, `Telegram message ${failed.id} is sent; only failed messages are retried`]);
    const audit = await t.request('GET', '/api/v1/admin/audit?action=telegram_retried', { token: admin });
    expect(audit.body.entries.map((e: { targetName: string; detail: unknown }) => [e.targetName, e.detail])).toEqual([['Alpha', { messageId: failed.id, ticketId: stuck, chatId: ALPHA_CHAT }]]);
  });

  it('a restart sends what was queued before it', async () => {
    const t = await start();
    await bot.stop();
    const id = await t.file('alpha.user', 'Before the restart');
    await t.telegram.idle();
    expect((await t.outbox()).map((r) => r.state)).toEqual(['queued']);
    const location = engine === 'sqlite' ? t.db.description : (t.db.url ?? '');
    await t.close();
    await bot.start();
    t.clock.advance(10 * MIN);
    const again = await startTelegramService(engine, bot, { clock: t.clock, location });
    started.push({ close: closeOnce(again), drop: async () => {} });
    await again.telegram.idle();
    expect(await again.texts(ALPHA_CHAT)).toEqual([`Тикет №${id} «Before the restart» принят.\nПортал: ${link(id)}`]);
  });

  it('of several senders claiming one message at once, exactly one gets it', async () => {
    const t = await start();
    await bot.stop();
    await t.file('alpha.user', 'Claimed once');
    await t.telegram.idle();
    const [row] = await t.outbox();
    const now = t.clock.now() + 10 * MIN;
    const owners = Array.from({ length: 20 }, (_, i) => `sender-${i}`);
    const won = await Promise.all(owners.map((owner) => claimMessage(t.db.kysely, row?.id ?? 0, owner, now, now + MIN)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = await t.db.kysely.selectFrom('telegram_outbox').select('lease_owner').where('id', '=', row?.id ?? 0).executeTakeFirstOrThrow();
    expect(holder.lease_owner).toBe(owners[won.indexOf(true)]);
  });

  it('without a bot token nothing is queued or posted, chat or not', async () => {
    const t = await startTestService(engine);
    started.push(t);
    expect(t.service.telegram).toBeNull();
    const alpha = t.people.clients.get('Alpha');
    const set = await t.request('PATCH', `/api/v1/admin/clients/${alpha}`, { token: await t.login('admin'), body: { telegramChatId: ALPHA_CHAT } });
    expect(set.status).toBe(200);
    const r = await t.request('POST', '/api/v1/tickets', { token: await t.login('alpha.user'), body: { kind: 'bug', subject: 'No token', body: 'x' } });
    expect(r.status).toBe(201);
    await t.request('POST', `/api/v1/tickets/${r.body.ticket.id}/take`, { token: await t.login('anna') });
    expect(await t.db.kysely.selectFrom('telegram_outbox').selectAll().execute()).toEqual([]);
    expect(bot.calls).toEqual([]);
    const status = await t.request('GET', '/api/v1/admin/telegram', { token: await t.login('admin') });
    expect(status.body).toEqual({ configured: false, queued: 0, failed: 0, failedMessages: [] });
  });
});

describe.skipIf(!engines().includes('postgres'))('two instances on one PostgreSQL', () => {
  const bot = useFakeTelegram();

  it('send each message once, each chat in order', async () => {
    // Both schedulers tick every 5 ms, so each instance looks for due messages while the other sends.
    const options = { service: { schedulerIntervalMs: 5 } };
    const a = await startTelegramService('postgres', bot, options);
    const b = await startTelegramService('postgres', bot, { ...options, clock: a.clock, location: a.db.url ?? '' });
    try {
      await a.setChat('Alpha', ALPHA_CHAT);
      await a.setChat('Beta', BETA_CHAT);
      await a.setChat('Gamma', '123456789');
      // Nothing goes out while the endpoint is down; then both instances send at once.
      await bot.stop();
      const subjects: string[] = [];
      for (let i = 0; i < 8; i++) {
        for (const customer of ['alpha.user', 'beta.user', 'gamma.user']) {
          const subject = `${customer} ${i}`;
          await (i % 2 === 0 ? a : b).file(customer, subject);
          subjects.push(subject);
        }
      }
      await Promise.all([a.telegram.idle(), b.telegram.idle()]);
      bot.calls.length = 0;
      await bot.start();
      bot.answerWith(() => new Promise((resolve) => setTimeout(() => resolve({ kind: 'ok' }), 2)));
      a.clock.advance(10 * MIN);
      const unsent = async () => (await a.outbox()).filter((r) => r.state !== 'sent').length;
      for (let i = 0; i < 500 && (await unsent()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      await Promise.all([a.telegram.idle(), b.telegram.idle()]);
      expect(await unsent()).toBe(0);
      const sent = bot.calls.map((c) => /[«“](.*)[»”]/.exec(c.text)?.[1] ?? '');
      expect([...sent].sort()).toEqual([...subjects].sort());
      for (const customer of ['alpha.user', 'beta.user', 'gamma.user']) {
        expect(sent.filter((s) => s.startsWith(customer))).toEqual(subjects.filter((s) => s.startsWith(customer)));
      }
    } finally {
      await b.close();
      await a.close();
      await a.drop();
    }
  }, 30_000); // two services on PostgreSQL and 24 tickets: over 5 s on a loaded machine
});
