/**
 * `npm run serve` with the Telegram status channel: the real CLI as a child process takes the bot
 * token from DUTYDESK_TELEGRAM_TOKEN, the API root and the public URL from its flags, posts to the
 * local Bot API endpoint, and never prints the token; a malformed token stops it, unrepeated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPeopleAt, startChildService } from '../../support/child-service.ts';
import { useFakeTelegram } from '../../support/fake-telegram.ts';
import { TEST_BOT_TOKEN } from '../../support/telegram-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'dd-telegram-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call = async (url: string, method: string, path: string, token: string | null, body?: unknown): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return r.json();
};
const signIn = async (url: string, login: string): Promise<string> => (await call(url, 'POST', '/api/v1/session', null, { login, password: 'demo' })).token as string;

describe('the Telegram flags of npm run serve', () => {
  const bot = useFakeTelegram();

  it('posts through the configured API root with the token from the environment, links the public URL, and never prints the token', async () => {
    const location = join(dir, 'on.sqlite');
    await seedPeopleAt(location);
    const service = await startChildService(location, { args: ['--telegram-api-root', `${bot.url}/`, '--public-url', 'https://desk.example.com/'], env: { DUTYDESK_TELEGRAM_TOKEN: TEST_BOT_TOKEN } });
    try {
      const admin = await signIn(service.url, 'admin');
      const status = await call(service.url, 'GET', '/api/v1/admin/telegram', admin);
      expect(status.configured).toBe(true);
      const clients = (await call(service.url, 'GET', '/api/v1/admin/clients', admin)).clients as { id: number; name: string }[];
      const gamma = clients.find((c) => c.name === 'Gamma')?.id;
      await call(service.url, 'PATCH', `/api/v1/admin/clients/${gamma}`, admin, { telegramChatId: '@gamma_status' });
      const filed = await call(service.url, 'POST', '/api/v1/tickets', await signIn(service.url, 'gamma.user'), { kind: 'question', subject: 'Reports', body: 'Where is the daily report?' });
      const id = filed.ticket.id as number;
      // Sent after the commit, by the child's own sender: wait for it to arrive.
      for (let i = 0; i < 200 && bot.calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(bot.calls.map((c) => [c.token, c.chatId, c.text])).toEqual([[TEST_BOT_TOKEN, '@gamma_status', `Ticket #${id} “Reports” is received.\nPortal: https://desk.example.com/portal#/tickets/${id}`]]);
      expect(service.stderr()).toContain(`telegram status channel: on, through ${bot.url}`);
      expect(service.stdout() + service.stderr()).not.toContain(TEST_BOT_TOKEN);
    } finally {
      await service.stop();
    }
  });

  it('refuses to start with a token not of the form @BotFather issues, without printing it', async () => {
    const location = join(dir, 'bad.sqlite');
    await seedPeopleAt(location);
    const secret = 'not-a-real-token-but-secret';
    await expect(startChildService(location, { args: ['--telegram-token', secret] })).rejects.toThrow(/not of the form 123456789:AA/);
    await expect(startChildService(location, { args: ['--telegram-token', secret] })).rejects.not.toThrow(secret);
  });
});
