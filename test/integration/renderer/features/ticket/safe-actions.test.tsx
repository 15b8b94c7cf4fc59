// @vitest-environment jsdom
/** Safe actions in the workspace (issue 12): resolve with a closing reply and Undo, reopen with a reason, merge suggestions. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openTicket } from '../../../../../renderer/features/ticket/store.ts';
import { RESOLVE_UNDO_MS } from '../../../../../renderer/features/ticket/resolve-undo.tsx';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();
const monday = at('2026-11-30 10:00');
beforeEach(() => void vi.useFakeTimers({ now: monday, toFake: ['Date'] }));
// The held resolve is sent once the undo window runs out (real time): wait a little longer for it.
const AFTER_UNDO_WINDOW = { timeout: RESOLVE_UNDO_MS + 10_000 };

describe('safe actions', () => {
  const desk = useDesk({ start: monday });

  const stored = async (id: number, login = 'anna') => (await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login(login) })).body;

  async function open(id: number) {
    act(() => openTicket(id));
    const region = await screen.findByRole('region', { name: `Ticket #${id}` });
    await within(region).findByRole('toolbar', { name: 'Actions' });
    return region;
  }

  it('the resolve key opens a dialog that asks for a closing reply; Undo within the window sends nothing', async () => {
    const id = await desk.file({ subject: 'Autodialer does not start', at: monday - minutes(2) });
    renderConsole(await desk.signedIn('anna'));
    await open(id);
    fireEvent.keyDown(document.body, { key: 's' });
    const dialog = await screen.findByRole('dialog', { name: `Resolve ticket #${id}` });
    const resolve = within(dialog).getByRole('button', { name: 'Resolve' });
    expect(resolve.hasAttribute('disabled')).toBe(true);
    expect(within(dialog).getByText('Write a closing reply, or choose to resolve without one.')).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Closing reply to the customer' }), 'Restarted the dialer; it runs again.');
    await userEvent.click(resolve);
    const toast = (await screen.findByText(`Resolved #${id}.`)).closest('[role="status"]') as HTMLElement;
    await userEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(`Resolving #${id} undone; nothing was sent.`)).toBeTruthy();
    const after = await stored(id);
    expect(after.ticket.status).toBe('new');
    expect(after.messages.map((m: { type: string }) => m.type)).toEqual(['customer']);
    expect(after.audit.map((a: { action: string }) => a.action)).toEqual(['created']);
  }, 30_000);

  it('once the window runs out the resolve is sent, with the closing reply the customer reads', async () => {
    const id = await desk.file({ subject: 'Calls drop after 30 s', at: monday - minutes(2) });
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    await userEvent.click(within(ws).getByRole('button', { name: /^Resolve/ }));
    const dialog = await screen.findByRole('dialog', { name: `Resolve ticket #${id}` });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Closing reply to the customer' }), 'The trunk is back.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText(`Resolved #${id}.`)).toBeTruthy();
    // While it is held the ticket offers no second resolve.
    expect(within(ws).queryByRole('button', { name: /^Resolve/ })).toBeNull();
    await waitFor(() => expect(within(ws).getByText('Resolved', { selector: '.status' })).toBeTruthy(), AFTER_UNDO_WINDOW);
    expect(within(ws).getByRole('listitem', { name: 'Reply · Anna Kovalenko' }).textContent).toContain('The trunk is back.');
    const customer = await stored(id, 'alpha.user');
    expect(customer.messages.at(-1)).toMatchObject({ type: 'reply', body: 'The trunk is back.' });
  }, 30_000);

  it('"without reply" is a choice of its own: the customer gets the system message', async () => {
    const id = await desk.file({ subject: 'Password reset', at: monday - minutes(2) });
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    fireEvent.keyDown(document.body, { key: 's' });
    const dialog = await screen.findByRole('dialog', { name: `Resolve ticket #${id}` });
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /^Resolve without a reply/ }));
    expect(within(dialog).getByRole('textbox', { name: 'Closing reply to the customer' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(within(ws).getByText('Resolved', { selector: '.status' })).toBeTruthy(), AFTER_UNDO_WINDOW);
    const customer = await stored(id, 'alpha.user');
    expect(customer.messages.at(-1)).toMatchObject({ type: 'system', body: 'This ticket was resolved. If the problem is still there, reopen it and we will continue.' });
  }, 30_000);

  it('an agent of the tier reopens a resolved ticket with a reason, which the audit trail shows; another tier is not offered it', async () => {
    const id = await desk.file({ subject: 'Queue is stuck', at: monday - minutes(5) });
    await desk.act('anna', `/api/v1/tickets/${id}/take`);
    await desk.act('anna', `/api/v1/tickets/${id}/resolve`, { reply: 'Cleared the queue.' });
    const olga = renderConsole(await desk.signedIn('olga'));
    const olgaWs = await open(id);
    expect(within(olgaWs).queryByRole('button', { name: 'Reopen' })).toBeNull();
    olga.unmount();

    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    await userEvent.click(within(ws).getByRole('button', { name: 'Reopen' }));
    const dialog = await screen.findByRole('dialog', { name: `Reopen ticket #${id}` });
    expect(within(dialog).getByRole('button', { name: 'Reopen' }).hasAttribute('disabled')).toBe(true);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'The customer called: stuck again.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(within(ws).getByText('In work', { selector: '.status' })).toBeTruthy());
    expect(within(ws).getByRole('region', { name: 'Audit trail' }).textContent).toContain('The customer called: stuck again.');
    expect((await stored(id, 'alpha.user')).messages.at(-1)).toMatchObject({ type: 'system', body: 'Support reopened this ticket and continues working on it.' });
  });

  it("the merge dialog suggests the same client's similar open ticket, not another client's nor an unrelated one; a number can still be typed", async () => {
    const original = await desk.file({ subject: 'IVR plays the wrong greeting', body: 'The IVR menu plays the holiday greeting on a working day.', at: monday - minutes(30) });
    const unrelated = await desk.file({ subject: 'Invoice for October', body: 'Please send the October invoice again.', at: monday - minutes(25) });
    const othersTwin = await desk.file({ customer: 'beta.user', subject: 'IVR plays the wrong greeting', body: 'The IVR menu plays the holiday greeting on a working day.', at: monday - minutes(20) });
    const duplicate = await desk.file({ subject: 'Wrong IVR greeting', body: 'Our IVR menu plays the holiday greeting today, a working day.', at: monday - minutes(2) });
    renderConsole(await desk.signedIn('anna'));
    await open(duplicate);
    fireEvent.keyDown(document.body, { key: 'm' });
    const dialog = await screen.findByRole('dialog', { name: `Merge ticket #${duplicate} into another ticket` });
    const list = await within(dialog).findByRole('list', { name: 'Likely originals: open tickets of the same client' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([`Choose #${original}: IVR plays the wrong greeting`]);
    expect(list.textContent).not.toContain(`#${othersTwin}`);
    expect(list.textContent).not.toContain(`#${unrelated}`);
    await userEvent.click(within(list).getByRole('button', { name: `Choose #${original}: IVR plays the wrong greeting` }));
    const into = within(dialog).getByRole('textbox', { name: 'Number of the original ticket' }) as HTMLInputElement;
    expect(into.value).toBe(String(original));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await stored(duplicate)).ticket).toMatchObject({ status: 'merged', duplicateOf: original });
  });
});
