// @vitest-environment jsdom
/**
 * The canned replies screen against the real service: a manager creates, edits and deletes
 * replies, with the placeholders listed and an unknown one refused in words; an agent reads them
 * there without a way to change them, and inserts the manager's new reply into a ticket.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openTicket } from '../../../../../renderer/features/ticket/store.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();
const monday = at('2026-11-30 10:00');
beforeEach(() => void vi.useFakeTimers({ now: monday, toFake: ['Date'] }));

describe('the canned replies screen', () => {
  const desk = useDesk({ start: monday });
  const stored = () => desk.ts.db.kysely.selectFrom('canned_replies').select(['title', 'body', 'language', 'tier']).orderBy('id').execute();

  async function openScreen(login: string) {
    const view = renderConsole(await desk.signedIn(login));
    await userEvent.click(await screen.findByRole('button', { name: 'Canned replies' }));
    const dialog = await screen.findByRole('dialog', { name: 'Canned replies' });
    return { view, dialog };
  }

  it('a manager creates a reply for L1 in Russian; an agent then inserts it into a ticket with Ctrl+/', async () => {
    const { view, dialog } = await openScreen('sofia');
    const form = within(dialog).getByRole('form', { name: 'New canned reply' });
    expect(form.textContent).toContain("{customer} — the customer's name");
    expect(form.textContent).toContain('{supportHours} — the support hours, in the language of the reply');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Мы разбираемся');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Language' }), 'Русский');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Team' }), 'L1 support');
    // user-event reads { as the start of a key name: {{ types one.
    await userEvent.type(within(form).getByRole('textbox', { name: 'Text' }), '{{customer}, мы разбираемся с заявкой №{{ticket}.');
    await userEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Canned reply “Мы разбираемся” created.')).toBeTruthy();
    const row = await within(dialog).findByRole('row', { name: 'Мы разбираемся' });
    expect(row.textContent).toContain('L1 support');
    expect(await stored()).toEqual([{ title: 'Мы разбираемся', body: '{customer}, мы разбираемся с заявкой №{ticket}.', language: 'ru', tier: 'l1' }]);
    view.unmount();

    const id = await desk.file({ subject: 'Operators cannot log in', at: monday - minutes(1) });
    renderConsole(await desk.signedIn('anna'));
    act(() => openTicket(id));
    const ws = await screen.findByRole('region', { name: `Ticket #${id}` });
    await userEvent.click(await within(ws).findByRole('button', { name: /^Internal note/ }));
    const box = within(ws).getByRole('textbox', { name: 'Internal note (never shown to customers)' }) as HTMLTextAreaElement;
    box.focus();
    await userEvent.keyboard('{Control>}/{/Control}');
    const picker = await screen.findByRole('dialog', { name: 'Insert a canned reply' });
    await within(picker).findByRole('option', { name: /Мы разбираемся/ });
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(box.value).toBe(`Алексей Смирнов, мы разбираемся с заявкой №${id}.`));
  });

  it('refuses an unknown placeholder in words and stores nothing; the placeholder list says what may be used', async () => {
    const before = await stored();
    const { dialog } = await openScreen('admin');
    const form = within(dialog).getByRole('form', { name: 'New canned reply' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Order');
    const text = within(form).getByRole('textbox', { name: 'Text' });
    await userEvent.type(text, 'Dear {{name}, your order {{order_id} is {{ticket}.');
    await userEvent.click(within(form).getByRole('button', { name: 'Create' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('2 unknown placeholders: {name}, {order_id}. A canned reply may use only the placeholders listed.');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toEqual(before);
  });

  it('a manager edits and deletes a reply, asked once more before it goes', async () => {
    await desk.act('sofia', '/api/v1/canned-replies', { title: 'Hours', body: 'We work {supportHours}.', language: 'en', tier: null });
    const { dialog } = await openScreen('sofia');
    const row = await within(dialog).findByRole('row', { name: 'Hours' });
    await userEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const form = within(dialog).getByRole('form', { name: 'Edit “Hours”' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await userEvent.clear(title);
    await userEvent.type(title, 'Support hours');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Canned reply “Support hours” saved.')).toBeTruthy();
    const renamed = await within(dialog).findByRole('row', { name: 'Support hours' });
    await userEvent.click(within(renamed).getByRole('button', { name: 'Delete' }));
    const ask = within(renamed).getByRole('group', { name: 'Delete “Support hours” for everyone?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('Canned reply “Support hours” deleted.')).toBeTruthy();
    await waitFor(() => expect(within(dialog).queryByRole('row', { name: 'Support hours' })).toBeNull());
    expect((await stored()).some((r) => r.title === 'Support hours' || r.title === 'Hours')).toBe(false);
  });

  it('an agent reads the replies but has no way to change them', async () => {
    const { dialog } = await openScreen('anna');
    expect(within(dialog).getByText('Managers and admins change canned replies; you may read them and insert them into replies.')).toBeTruthy();
    const row = await within(dialog).findByRole('row', { name: 'Мы разбираемся' });
    expect(within(row).queryByRole('button')).toBeNull();
    expect(within(dialog).queryByRole('form')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: /Create|Edit|Delete/ })).toBeNull();
  });
});
