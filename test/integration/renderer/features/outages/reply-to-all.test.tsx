// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { openTicket } from '../../../../../renderer/features/ticket/store.ts';
import { renderConsole, useDesk, type Desk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();
// Whole consoles against a real service, each step a real round trip: room for a busy machine (no speed is asserted).
const HEAVY = { timeout: 20_000 };

/** Writes a text into a field as an agent pasting it: one input event, not one re-render of the console per key. */
async function write(field: HTMLElement, text: string): Promise<void> {
  await userEvent.click(field);
  await userEvent.paste(text);
}

const monday = at('2026-11-30 10:00');

/** Anna declares from the first ticket, links the rest and restores: the outage's id. */
async function restoredOutage(desk: Desk, tickets: readonly number[]): Promise<number> {
  const token = await desk.ts.login('anna');
  const [first, ...rest] = tickets;
  const r = await desk.ts.request('POST', '/api/v1/outages', { token, body: { groups: ['autodialer', 'inbound'], summary: 'Carrier trunk down', ticketId: first } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.outage.id as number;
  for (const ticketId of rest) await desk.act('anna', `/api/v1/outages/${id}/tickets`, { ticketId });
  await desk.act('anna', `/api/v1/outages/${id}/restore`);
  return id;
}

/** The agents' replies on a ticket, as the service holds them. */
async function replies(desk: Desk, id: number): Promise<string[]> {
  const r = await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login('sofia') });
  return (r.body.messages as { type: string; body: string; author: { name: string } | null }[]).filter((m) => m.type === 'reply').map((m) => `${m.author?.name}: ${m.body}`);
}

/** Boris opens the restored outage from one of its tickets; its "Reply to all" section. */
async function replySection(desk: Desk, ticketId: number, id: number): Promise<HTMLElement> {
  renderConsole(await desk.signedIn('boris'));
  act(() => openTicket(ticketId));
  const ws = await screen.findByRole('region', { name: `Ticket #${ticketId}` });
  await userEvent.click(await within(ws).findByRole('button', { name: `Part of outage #${id}` }));
  const view = await screen.findByRole('dialog', { name: `Outage #${id}` });
  return within(view).findByRole('region', { name: 'Reply to all linked tickets' });
}

describe('reply to all linked tickets, after restore', HEAVY, () => {
  const desk = useDesk({ start: monday });

  it('sends each open ticket the text in its customer\'s language (R10), and lists what was sent, refused and why, and left out', async () => {
    vi.useFakeTimers({ now: monday, toFake: ['Date'] });
    const ru = await desk.file({ subject: 'Автообзвон не звонит', at: monday - minutes(10) });
    const uk = await desk.file({ customer: 'beta.user', subject: 'Вхідні не проходять', at: monday - minutes(9) });
    const en = await desk.file({ customer: 'gamma.user', subject: 'No inbound calls', at: monday - minutes(8) });
    // At L2 now: boris (L1) may not reply there, and the service says so.
    const l2 = await desk.file({ subject: 'Кампания остановилась', at: monday - minutes(7) });
    await desk.act('anna', `/api/v1/tickets/${l2}/route`, { tier: 'l2-analysts', reason: 'needs the dialer logs' });
    // Resolved already: it takes no reply.
    const done = await desk.file({ customer: 'gamma.user', subject: 'Calls drop', at: monday - minutes(6) });
    await desk.act('anna', `/api/v1/tickets/${done}/resolve`, { withoutReply: true });
    const id = await restoredOutage(desk, [ru, uk, en, l2, done]);

    const section = await replySection(desk, ru, id);
    await userEvent.click(within(section).getByRole('radio', { name: /One text per language/ }));
    expect(within(section).getByText(`Not open, no reply: #${done}`)).toBeTruthy();
    const send = within(section).getByRole('button', { name: 'Send 4 replies' }) as HTMLButtonElement;
    await write(within(section).getByRole('textbox', { name: 'Reply in Русский (2 tickets)' }), 'Связь восстановлена.');
    await write(within(section).getByRole('textbox', { name: 'Reply in Українська (1 ticket)' }), 'Зв\'язок відновлено.');
    // Nothing goes out while a language of an open ticket has no text.
    expect(send.disabled).toBe(true);
    await write(within(section).getByRole('textbox', { name: 'Reply in English (1 ticket)' }), 'Service is restored.');
    expect(send.disabled).toBe(false);
    await userEvent.click(send);

    const results = await within(section).findByRole('list', { name: 'Replies' }, { timeout: 5000 });
    expect(within(results).getAllByRole('listitem').map((li) => li.textContent).sort()).toEqual([
      `#${en}: sent (English)`,
      `#${l2}: refused: only agents of tier l2-analysts (or a manager) may do this on ticket #${l2}`,
      `#${ru}: sent (Русский)`,
      `#${uk}: sent (Українська)`,
    ].sort());
    expect(await replies(desk, ru)).toEqual(['Boris Ivanov: Связь восстановлена.']);
    expect(await replies(desk, uk)).toEqual(['Boris Ivanov: Зв\'язок відновлено.']);
    expect(await replies(desk, en)).toEqual(['Boris Ivanov: Service is restored.']);
    expect(await replies(desk, l2)).toEqual([]);
    expect(await replies(desk, done)).toEqual([]);
    // The texts are cleared: a second click cannot send the same replies again.
    await waitFor(() => expect(send.disabled).toBe(true));
  });

  it('or one text for every open ticket, whatever its language', async () => {
    const now = monday + minutes(60);
    vi.useFakeTimers({ now, toFake: ['Date'] });
    desk.clock.set(now);
    const uk = await desk.file({ customer: 'beta.user', subject: 'Дзвінки обриваються', at: now - minutes(15) });
    const en = await desk.file({ customer: 'gamma.user', subject: 'Calls cut off', at: now - minutes(14) });
    const id = await restoredOutage(desk, [uk, en]);

    const section = await replySection(desk, en, id);
    expect((within(section).getByRole('radio', { name: 'One text for all' }) as HTMLInputElement).checked).toBe(true);
    await write(within(section).getByRole('textbox', { name: 'Reply' }), 'Restored at 10:55 / Відновлено о 10:55');
    await userEvent.click(within(section).getByRole('button', { name: 'Send 2 replies' }));
    const results = await within(section).findByRole('list', { name: 'Replies' });
    expect(within(results).getAllByRole('listitem').map((li) => li.textContent).sort()).toEqual([`#${en}: sent (English)`, `#${uk}: sent (Українська)`].sort());
    expect(await replies(desk, uk)).toEqual(['Boris Ivanov: Restored at 10:55 / Відновлено о 10:55']);
    expect(await replies(desk, en)).toEqual(['Boris Ivanov: Restored at 10:55 / Відновлено о 10:55']);
  });
});
