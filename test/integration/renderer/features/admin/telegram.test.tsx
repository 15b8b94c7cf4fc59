// @vitest-environment jsdom
/**
 * The Telegram status channel in the administration screen, against the real service whose bot
 * posts to a local endpoint playing the Bot API: a client's chat set in the client form, and the
 * panel of queued and failed messages with Retry; on a service without a token, the panel says so.
 */
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFakeTelegram } from '../../../../support/fake-telegram.ts';
import { useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { TEST_BOT_TOKEN } from '../../../../support/telegram-service.ts';
import { openAdministration, rowsOf } from './admin-setup.ts';

setUpRendererTests();

const DAY = 24 * 3600_000;

describe('the Telegram status channel in the administration screen', () => {
  const bot = useFakeTelegram();
  const desk = useDesk({ service: () => ({ telegram: { token: TEST_BOT_TOKEN, apiRoot: bot.url, random: () => 0.5 } }) });

  it("sets a client's chat in the client form, refusing what is not a chat id in words; the client's tickets are posted there", async () => {
    const { user, dialog } = await openAdministration(await desk.signedIn('admin'), 'Clients');
    const table = await within(dialog).findByRole('table', { name: 'Clients' });
    await waitFor(() => expect(rowsOf(table).find((r) => r[0] === 'Gamma')?.[4]).toBe('none'));
    await user.click(within(within(table).getByRole('row', { name: 'Gamma' })).getByRole('button', { name: 'Edit' }));
    const form = within(dialog).getByRole('form', { name: 'Edit Gamma' });
    const chat = within(form).getByRole('textbox', { name: 'Telegram chat' });
    expect(chat.getAttribute('aria-describedby')).toBeTruthy();
    expect(form.textContent).toContain('or @channelusername');

    await user.type(chat, 'our support group');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Not a Telegram chat id: a number such as -1001234567890, or @channelusername.');
    expect(chat.getAttribute('aria-invalid')).toBe('true');
    const gamma = desk.ts.people.clients.get('Gamma');
    const stored = async () => (await desk.ts.db.kysely.selectFrom('clients').select('telegram_chat_id').where('id', '=', gamma ?? 0).executeTakeFirstOrThrow()).telegram_chat_id;
    expect(await stored()).toBeNull();

    await user.clear(chat);
    await user.type(chat, ' -1001234567890 ');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(rowsOf(table).find((r) => r[0] === 'Gamma')?.[4]).toBe('-1001234567890'));
    expect(await stored()).toBe('-1001234567890');

    const id = await desk.file({ customer: 'gamma.user', subject: 'Queue frozen' });
    await desk.ts.service.telegram?.idle();
    expect(bot.calls.filter((c) => c.chatId === '-1001234567890').map((c) => c.text)).toEqual([`Ticket #${id} “Queue frozen” is received.`]);
  });

  it('lists a message that failed for a day with its error, and Retry sends it', async () => {
    const alpha = desk.ts.people.clients.get('Alpha') ?? 0;
    const admin = await desk.ts.login('admin');
    expect((await desk.ts.request('PATCH', `/api/v1/admin/clients/${alpha}`, { token: admin, body: { telegramChatId: '@alpha_status' } })).status).toBe(200);
    let blocked = true;
    bot.answerWith((c) => (blocked && c.chatId === '@alpha_status' ? { kind: 'error', status: 403, description: 'Forbidden: bot is not a member of the channel chat' } : { kind: 'ok' }));
    const start = desk.clock.now();
    const id = await desk.file({ customer: 'alpha.user', subject: 'Never posted' });
    await desk.ts.service.telegram?.idle();
    desk.clock.set(start + DAY);
    await desk.ts.service.telegram?.runDue();

    const { user, dialog } = await openAdministration(await desk.signedIn('admin'), 'Telegram');
    const panel = await within(dialog).findByRole('region', { name: 'Telegram status channel' });
    expect(await within(panel).findByText('Failed: 1')).toBeTruthy();
    expect(within(panel).getByText('Waiting to be sent: 0')).toBeTruthy();
    const list = within(panel).getByRole('table', { name: 'Failed messages' });
    const [row] = rowsOf(list);
    expect(row?.slice(0, 5)).toEqual([
      'Alpha @alpha_status',
      `#${id} Never posted`,
      `Тикет №${id} «Never posted» принят.`,
      '1',
      '403: Forbidden: bot is not a member of the channel chat',
    ]);

    blocked = false;
    const before = bot.calls.length;
    await user.click(within(list).getByRole('button', { name: 'Retry' }));
    expect((await within(panel).findByRole('status')).textContent).toMatch(/^Message \d+ is queued again for chat @alpha_status\.$/);
    await desk.ts.service.telegram?.idle();
    expect(bot.calls.slice(before).map((c) => c.text)).toEqual([`Тикет №${id} «Never posted» принят.`]);
    await user.click(within(panel).getByRole('button', { name: 'Refresh' }));
    expect(await within(panel).findByText('No failed messages.')).toBeTruthy();
    expect(within(panel).getByText('Failed: 0')).toBeTruthy();
  });

  it('is for admins: managers see no Telegram tab', async () => {
    const { dialog } = await openAdministration(await desk.signedIn('sofia'), 'Clients');
    expect(within(dialog).queryByRole('tab', { name: 'Telegram' })).toBeNull();
  });
});

describe('a service without a bot token', () => {
  useFakeTelegram();
  const desk = useDesk();

  it('says Telegram is not configured on it', async () => {
    const { dialog } = await openAdministration(await desk.signedIn('admin'), 'Telegram');
    const panel = await within(dialog).findByRole('region', { name: 'Telegram status channel' });
    expect((await within(panel).findByText(/^Telegram is not configured on this service/)).textContent).toContain('DUTYDESK_TELEGRAM_TOKEN');
    expect(within(panel).queryByRole('table')).toBeNull();
  });
});
