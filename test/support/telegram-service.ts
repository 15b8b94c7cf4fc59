/** A test service with the Telegram status channel pointed at a local Bot API endpoint, and the calls the tests make on it. */
import type { ServiceOptions } from '../../server/service.ts';
import type { TelegramSender } from '../../server/telegram/sender.ts';
import type { FakeClock } from './clock.ts';
import type { FakeTelegram } from './fake-telegram.ts';
import { startTestService, type TestService } from './service.ts';

/** A bot token of the form @BotFather issues (never a real one). */
export const TEST_BOT_TOKEN = '123456789:TEST-token_abcdefghijklmnopqrstuvw';
/** The public URL the test services announce. */
export const TEST_PUBLIC_URL = 'https://support.example.com';

/** A service with Telegram, and helpers. */
export interface TelegramDesk extends Omit<TestService, 'close'> {
  close: () => Promise<void>;
  readonly telegram: TelegramSender;
  readonly drop: () => Promise<void>;
  /** Sets a client's chat (by demo client name) through the admin API. */
  setChat(client: 'Alpha' | 'Beta' | 'Gamma', chatId: string | null): Promise<void>;
  /** Files a ticket as `customer`; its id. */
  file(customer: string, subject: string): Promise<number>;
  /** A ticket command as `login` that must succeed. */
  act(login: string, id: number, action: string, body?: unknown): Promise<void>;
  /** Waits until the sender has nothing running, then answers the texts sent so far to `chatId` (answered or not). */
  texts(chatId: string): Promise<string[]>;
  /** The outbox rows, in id order. */
  outbox(): Promise<{ id: number; chat_id: string; ticket_id: number | null; state: string; attempts: number; next_attempt_at: number; last_error: string | null; text: string }[]>;
}

/** Starts a service on `engine` whose Telegram channel posts to `bot` (jitter fixed at half the ceiling). */
export async function startTelegramService(
  engine: 'sqlite' | 'postgres',
  bot: FakeTelegram,
  options: { clock?: FakeClock; location?: string; service?: Partial<ServiceOptions> } = {},
): Promise<TelegramDesk> {
  const t = await startTestService(engine, {
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.location === undefined ? {} : { location: options.location }),
    service: { telegram: { token: TEST_BOT_TOKEN, apiRoot: bot.url, random: () => 0.5 }, publicUrl: TEST_PUBLIC_URL, ...options.service },
  });
  const telegram = t.service.telegram;
  if (telegram === null) throw new Error('the service has no Telegram sender');
  const desk: TelegramDesk = {
    ...t,
    telegram,
    async setChat(client, chatId) {
      const id = t.people.clients.get(client);
      const r = await t.request('PATCH', `/api/v1/admin/clients/${id}`, { token: await t.login('admin'), body: { telegramChatId: chatId } });
      if (r.status !== 200) throw new Error(`set chat of ${client}: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async file(customer, subject) {
      const r = await t.request('POST', '/api/v1/tickets', { token: await t.login(customer), body: { kind: 'problem', subject, body: `${subject}: details.` } });
      if (r.status !== 201) throw new Error(`file: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.ticket.id as number;
    },
    async act(login, id, action, body) {
      const r = await t.request('POST', `/api/v1/tickets/${id}/${action}`, { token: await t.login(login), ...(body === undefined ? {} : { body }) });
      if (r.status >= 300) throw new Error(`${login} ${action} #${id}: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async texts(chatId) {
      await telegram.idle();
      return bot.calls.filter((c) => c.chatId === chatId).map((c) => c.text);
    },
    outbox: () =>
      t.db.kysely.selectFrom('telegram_outbox').select(['id', 'chat_id', 'ticket_id', 'state', 'attempts', 'next_attempt_at', 'last_error', 'text']).orderBy('id').execute(),
  };
  return desk;
}
