// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openTicket } from '../../../../../renderer/features/ticket/store.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();
// A Monday morning, inside working hours (R7), on the service's clock and this one; timers stay real.
const monday = at('2026-11-30 10:00');
beforeEach(() => void vi.useFakeTimers({ now: monday, toFake: ['Date'] }));

describe('TicketWorkspace', () => {
  const desk = useDesk({ start: monday });

  /** A new problem from Alpha, filed two minutes ago, with markup in its text. */
  const fileProblem = (subject = 'Autodialer does not start') =>
    desk.file({ subject, body: `<b>${subject}</b>`, at: monday - minutes(2) });

  /** A problem the customer escalated (R12) four minutes ago. */
  const fileEscalated = async () => {
    const id = await desk.file({ subject: 'Live broadcast cannot take calls', at: monday - minutes(9) });
    await desk.act('alpha.user', `/api/v1/tickets/${id}/escalate`, { justification: 'Our broadcast is live and calls fail right now.' }, monday - minutes(4));
    return id;
  };

  async function open(id: number) {
    act(() => openTicket(id));
    const region = await screen.findByRole('region', { name: `Ticket #${id}` });
    await within(region).findByRole('toolbar', { name: 'Actions' });
    return region;
  }

  it('shows the conversation as text, the SLA clocks, the client card and the audit trail', async () => {
    const id = await fileProblem();
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    const customer = within(ws).getByRole('listitem', { name: 'Customer · Алексей Смирнов' });
    // Customer-written markup stays text.
    expect(within(customer).getByText('<b>Autodialer does not start</b>')).toBeTruthy();
    expect(customer.querySelector('b')).toBeNull();
    const sla = within(ws).getByRole('region', { name: 'SLA' });
    expect(within(sla).getByText('Reaction (R21)')).toBeTruthy();
    expect(within(ws).getByRole('region', { name: 'Client' }).textContent).toContain('Primary group: Autodialer');
    expect(within(ws).getByRole('region', { name: 'Audit trail' }).textContent).toContain('created the ticket');
  });

  it('takes the ticket, asks a question (paused, R13), and restarts when the customer answers (R21)', async () => {
    const id = await fileProblem();
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    await userEvent.click(within(ws).getByRole('button', { name: /^Take/ }));
    expect(await within(ws).findByText('Assignee: Anna Kovalenko')).toBeTruthy();
    expect(within(ws).queryByRole('button', { name: /^Take/ })).toBeNull();

    await userEvent.click(within(ws).getByRole('button', { name: /^Ask a question/ }));
    await userEvent.type(within(ws).getByRole('textbox', { name: 'Clarifying question to the customer' }), 'Which campaign?');
    await userEvent.click(within(ws).getByRole('button', { name: 'Send' }));
    const slaPanel = within(ws).getByRole('region', { name: 'SLA' });
    expect(await within(slaPanel).findByRole('timer', { name: 'waiting for customer' })).toBeTruthy();
    expect(within(ws).getByRole('listitem', { name: 'Question · Anna Kovalenko' }).textContent).toContain('Which campaign?');

    // The customer answers through the API; the console learns it from the event stream.
    await desk.act('alpha.user', `/api/v1/tickets/${id}/messages`, { type: 'reply', body: 'Campaign "Autumn"' });
    expect(await within(slaPanel).findByRole('timer', { name: 'due in 20 minutes' })).toBeTruthy();
    expect(within(ws).getByText('Campaign "Autumn"')).toBeTruthy();
  });

  it('offers only the routing moves the service allows, with a reason', async () => {
    const id = await desk.file({ kind: 'question', subject: 'How to set up IVR?', at: monday - minutes(3) });
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    fireEvent.keyDown(document.body, { key: 'o' });
    const dialog = await screen.findByRole('dialog', { name: `Route ticket #${id}` });
    const tier = within(dialog).getByRole('combobox', { name: 'To tier' });
    expect(within(tier).getAllByRole('option').map((o) => o.textContent)).toEqual(['L2 methodologists']);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Needs a methodologist');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Route' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(ws).findByText('L2 methodologists', { selector: '.workspace-meta span' })).toBeTruthy();
    const stored = await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login('anna') });
    expect(stored.body.ticket.tier).toBe('l2-methodologists');
    expect(stored.body.audit.at(-1)).toMatchObject({ action: 'routed', fromTier: 'l1', toTier: 'l2-methodologists', detail: 'Needs a methodologist' });
  });

  it('shows the service\'s error next to the form that caused it, and changes nothing', async () => {
    const id = await fileProblem();
    const otherClients = await desk.file({ customer: 'beta.user', subject: 'Queue is stuck' });
    renderConsole(await desk.signedIn('anna'));
    await open(id);
    fireEvent.keyDown(document.body, { key: 'm' });
    const dialog = await screen.findByRole('dialog', { name: `Merge ticket #${id} into another ticket` });
    const into = within(dialog).getByRole('textbox', { name: 'Number of the original ticket' });
    await userEvent.type(into, '999');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('no such ticket');
    // A rule only the service knows: a duplicate is merged into its own client's ticket.
    await userEvent.clear(into);
    await userEvent.type(into, String(otherClients));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe(`#${otherClients} belongs to another client`));
    const stored = await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login('anna') });
    expect(stored.body.ticket.status).toBe('new');
  });

  it('lets managers move out of turn to any tier and assignee, and record compensation (R6)', async () => {
    const id = await fileEscalated();
    renderConsole(await desk.signedIn('sofia'));
    const ws = await open(id);
    expect(within(ws).getByText(/^Escalated by the customer:/)).toBeTruthy();
    await userEvent.click(within(ws).getByRole('button', { name: 'Move out of turn' }));
    const dialog = await screen.findByRole('dialog', { name: `Move ticket #${id} out of turn` });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'To tier' }), 'l2-analysts');
    await within(dialog).findByRole('option', { name: 'Olga Shevchenko' });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Assignee' }), 'Olga Shevchenko');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Analysts now');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(await within(ws).findByText('Assignee: Olga Shevchenko')).toBeTruthy();

    await userEvent.click(within(ws).getByRole('button', { name: 'Compensation' }));
    const comp = await screen.findByRole('dialog', { name: `Compensation decision for ticket #${id}` });
    await userEvent.type(within(comp).getByRole('textbox', { name: 'Decision' }), 'One month free');
    await userEvent.click(within(comp).getByRole('button', { name: 'Record decision' }));
    expect(await within(ws).findByText('Compensation decision: One month free')).toBeTruthy();
  });

  it('closes with Escape, and says so when a ticket cannot be found', async () => {
    const id = await fileProblem();
    renderConsole(await desk.signedIn('anna'));
    await open(id);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: `Ticket #${id}` })).toBeNull();
    act(() => openTicket(404));
    const ws = await screen.findByRole('region', { name: 'Ticket #404' });
    expect((await within(ws).findByRole('alert')).textContent).toContain('ticket #404 not found');
    await userEvent.click(within(ws).getByRole('button', { name: 'Close ticket' }));
    expect(screen.queryByRole('region', { name: 'Ticket #404' })).toBeNull();
  });

  it('escalates on the customer\'s request with their justification (R12), and not twice', async () => {
    const id = await fileProblem();
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    fireEvent.keyDown(document.body, { key: 'e' });
    const dialog = await screen.findByRole('dialog', { name: 'Escalate ticket #' + id + ' on the customer\'s request' });
    const reason = within(dialog).getByRole('textbox', { name: 'The customer\'s justification: why it cannot wait (R12)' });
    await userEvent.type(reason, 'urgent');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^justification: must be at least a sentence/);
    await userEvent.clear(reason);
    await userEvent.type(reason, 'Their live TV broadcast cannot take any calls right now.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    expect(await within(ws).findByText('Escalated by the customer: Their live TV broadcast cannot take any calls right now.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(ws).queryByRole('button', { name: /^Escalate for the customer/ })).toBeNull();
    expect(within(ws).getByRole('region', { name: 'Audit trail' }).textContent).toContain('on the customer\'s request');
  });

  it('does not offer manager actions to agents', async () => {
    const id = await fileEscalated();
    renderConsole(await desk.signedIn('anna'));
    const ws = await open(id);
    expect(within(ws).queryByRole('button', { name: 'Move out of turn' })).toBeNull();
    expect(within(ws).queryByRole('button', { name: 'Compensation' })).toBeNull();
    expect(within(ws).queryByRole('button', { name: /^Take/ })).toBeNull(); // not anna's tier
  });
});
