// @vitest-environment jsdom
/**
 * Canned replies in the ticket composer, against the real service: Ctrl+/ opens a searchable
 * picker of the ticket's team's replies (and the every-team ones), the ticket's language first;
 * choosing one by keyboard inserts it at the cursor, filled for this ticket, and it is sent as is.
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

describe('canned replies in the composer', () => {
  const desk = useDesk({ start: monday });

  async function open(id: number) {
    act(() => openTicket(id));
    const region = await screen.findByRole('region', { name: `Ticket #${id}` });
    await within(region).findByRole('toolbar', { name: 'Actions' });
    return region;
  }

  const create = (body: Record<string, unknown>) => desk.act('sofia', '/api/v1/canned-replies', body);

  it("Ctrl+/ inserts the chosen reply at the cursor, filled with this ticket's customer, number, support hours and agent", async () => {
    await create({ title: 'Greeting', body: 'Здравствуйте, {customer}! Заявка №{ticket} у нас. Мы работаем {supportHours}. {agent}', language: 'ru', tier: 'l1' });
    await create({ title: 'Thanks', body: 'Thank you, {customer}.', language: 'en', tier: null });
    await create({ title: 'Logs (L2)', body: 'Send logs, {customer}.', language: 'ru', tier: 'l2-analysts' });
    await create({ title: 'Спасибо', body: 'Спасибо, {customer}.', language: 'ru', tier: null });
    const id = await desk.file({ subject: 'Autodialer does not start', at: monday - minutes(2) });
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    await userEvent.click(within(ws).getByRole('button', { name: /^Take/ }));
    await within(ws).findByText('Assignee: Anna Kovalenko');
    await userEvent.click(within(ws).getByRole('button', { name: /^Reply/ }));
    const box = within(ws).getByRole('textbox', { name: 'Reply to the customer' }) as HTMLTextAreaElement;
    expect(box.getAttribute('aria-keyshortcuts')).toBe('Control+/');
    await userEvent.type(box, 'Начало. Конец.');
    box.setSelectionRange('Начало. '.length, 'Начало. '.length);

    await userEvent.keyboard('{Control>}/{/Control}');
    const picker = await screen.findByRole('dialog', { name: 'Insert a canned reply' });
    const search = within(picker).getByRole('combobox', { name: 'Search canned replies' });
    expect(document.activeElement).toBe(search);
    const listbox = within(picker).getByRole('listbox', { name: 'Canned replies' });
    // This tier's and the every-team ones, the ticket's language (ru) first; not L2's.
    await waitFor(() => expect(within(listbox).getAllByRole('option').map((o) => o.querySelector('.canned-option-title')?.textContent)).toEqual(['Спасибо', 'Greeting', 'Thanks']));
    expect(within(picker).getByRole('status').textContent).toBe('3 canned replies');

    await userEvent.type(search, 'заявка');
    await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(1));
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Insert a canned reply' })).toBeNull());
    const filled = `Здравствуйте, Алексей Смирнов! Заявка №${id} у нас. Мы работаем пн–пт 09:00–18:00 (Europe/Kyiv). Anna Kovalenko`;
    expect(box.value).toBe(`Начало. ${filled}Конец.`);
    expect(document.activeElement).toBe(box);
    expect(box.selectionStart).toBe(`Начало. ${filled}`.length);

    await userEvent.click(within(ws).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(within(ws).getByRole('listitem', { name: 'Reply · Anna Kovalenko' }).textContent).toContain(filled));
  });

  it('arrow keys move the choice; Escape closes the picker and leaves the text as it was', async () => {
    const id = await desk.file({ subject: 'Cannot hear callers', at: monday - minutes(1) });
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    await userEvent.click(within(ws).getByRole('button', { name: /^Internal note/ }));
    const box = within(ws).getByRole('textbox', { name: 'Internal note (never shown to customers)' }) as HTMLTextAreaElement;
    await userEvent.type(box, 'Note: ');
    await userEvent.click(within(ws).getByRole('button', { name: /^Canned reply/ }));
    const picker = await screen.findByRole('dialog', { name: 'Insert a canned reply' });
    const search = within(picker).getByRole('combobox', { name: 'Search canned replies' });
    await waitFor(() => expect(within(picker).getAllByRole('option').length).toBeGreaterThan(1));
    const [first, second] = within(picker).getAllByRole('option');
    expect(search.getAttribute('aria-activedescendant')).toBe(first?.id);
    await userEvent.keyboard('{ArrowDown}');
    expect(search.getAttribute('aria-activedescendant')).toBe(second?.id);
    expect(second?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Insert a canned reply' })).toBeNull());
    expect(box.value).toBe('Note: ');
    expect(within(ws).getByRole('textbox', { name: 'Internal note (never shown to customers)' })).toBeTruthy();
  });
});
