// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agent } from '../../../../../shared/model/index.ts';
import { openTicket } from '../../../../../renderer/features/ticket/store.ts';
import { AGENTS, createFakeBridge, renderConsole } from '../../../../support/fake-bridge.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();
// A Monday morning, inside working hours (R7); only the date is fixed, timers stay real.
beforeEach(() => void vi.useFakeTimers({ now: at('2026-11-30 10:00'), toFake: ['Date'] }));

function desk(agent: Agent = AGENTS.anna) {
  const now = Date.now();
  const bridge = createFakeBridge([
    { id: 21, subject: 'Autodialer does not start', createdAt: now - minutes(2) },
    { id: 22, kind: 'question', subject: 'How to set up IVR?', createdAt: now - minutes(3) },
    { id: 23, subject: 'Live broadcast cannot take calls', createdAt: now - minutes(9), escalatedAt: now - minutes(4) },
  ]);
  bridge.signIn(agent);
  return bridge;
}

async function open(id: number) {
  await screen.findByText(`#${id}`);
  act(() => openTicket(id));
  const region = await screen.findByRole('region', { name: `Ticket #${id}` });
  await within(region).findByRole('toolbar', { name: 'Actions' });
  return region;
}

describe('TicketWorkspace', () => {
  it('shows the conversation as text, the SLA clocks, the client card and the audit trail', async () => {
    renderConsole(desk());
    const ws = await open(21);
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
    const bridge = desk();
    renderConsole(bridge);
    const ws = await open(21);
    await userEvent.click(within(ws).getByRole('button', { name: /^Take/ }));
    expect(await within(ws).findByText('Assignee: Anna Kovalenko')).toBeTruthy();
    expect(within(ws).queryByRole('button', { name: /^Take/ })).toBeNull();

    await userEvent.click(within(ws).getByRole('button', { name: /^Ask a question/ }));
    await userEvent.type(within(ws).getByRole('textbox', { name: 'Clarifying question to the customer' }), 'Which campaign?');
    await userEvent.click(within(ws).getByRole('button', { name: 'Send' }));
    const slaPanel = within(ws).getByRole('region', { name: 'SLA' });
    expect(await within(slaPanel).findByRole('timer', { name: 'waiting for customer' })).toBeTruthy();
    expect(within(ws).getByRole('listitem', { name: 'Question · Anna Kovalenko' }).textContent).toContain('Which campaign?');

    act(() => bridge.customerReplies(21, 'Campaign "Autumn"'));
    expect(await within(slaPanel).findByRole('timer', { name: 'due in 20 minutes' })).toBeTruthy();
    expect(within(ws).getByText('Campaign "Autumn"')).toBeTruthy();
  });

  it('offers only the routing moves the service allows, with a reason', async () => {
    const bridge = desk();
    renderConsole(bridge);
    const ws = await open(22);
    fireEvent.keyDown(document.body, { key: 'o' });
    const dialog = await screen.findByRole('dialog', { name: 'Route ticket #22' });
    const tier = within(dialog).getByRole('combobox', { name: 'To tier' });
    expect(within(tier).getAllByRole('option').map((o) => o.textContent)).toEqual(['L2 methodologists']);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Needs a methodologist');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Route' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await within(ws).findByText('L2 methodologists', { selector: '.workspace-meta span' })).toBeTruthy();
    expect(bridge.calls.find((c) => c.channel === 'tickets:command')?.arg).toEqual({ command: 'route', id: 22, tier: 'l2-methodologists', reason: 'Needs a methodologist' });
  });

  it('shows the service\'s error next to the form that caused it', async () => {
    renderConsole(desk());
    await open(21);
    fireEvent.keyDown(document.body, { key: 'm' });
    const dialog = await screen.findByRole('dialog', { name: 'Merge ticket #21 into another ticket' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Number of the original ticket' }), '999');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('into: no such ticket');
  });

  it('lets managers move out of turn to any tier and assignee, and record compensation (R6)', async () => {
    const bridge = desk(AGENTS.sofia);
    renderConsole(bridge);
    const ws = await open(23);
    expect(within(ws).getByText(/^Escalated by the customer:/)).toBeTruthy();
    await userEvent.click(within(ws).getByRole('button', { name: 'Move out of turn' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move ticket #23 out of turn' });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'To tier' }), 'l2-analysts');
    await within(dialog).findByRole('option', { name: 'Olga Shevchenko' });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Assignee' }), 'Olga Shevchenko');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Analysts now');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(await within(ws).findByText('Assignee: Olga Shevchenko')).toBeTruthy();

    await userEvent.click(within(ws).getByRole('button', { name: 'Compensation' }));
    const comp = await screen.findByRole('dialog', { name: 'Compensation decision for ticket #23' });
    await userEvent.type(within(comp).getByRole('textbox', { name: 'Decision' }), 'One month free');
    await userEvent.click(within(comp).getByRole('button', { name: 'Record decision' }));
    expect(await within(ws).findByText('Compensation decision: One month free')).toBeTruthy();
  });

  it('closes with Escape, and says so when a ticket cannot be found', async () => {
    renderConsole(desk());
    await open(21);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Ticket #21' })).toBeNull();
    act(() => openTicket(404));
    const ws = await screen.findByRole('region', { name: 'Ticket #404' });
    expect((await within(ws).findByRole('alert')).textContent).toContain('ticket #404 not found');
    await userEvent.click(within(ws).getByRole('button', { name: 'Close ticket' }));
    expect(screen.queryByRole('region', { name: 'Ticket #404' })).toBeNull();
  });

  it('escalates on the customer\'s request with their justification (R12), and not twice', async () => {
    renderConsole(desk());
    const ws = await open(21);
    fireEvent.keyDown(document.body, { key: 'e' });
    const dialog = await screen.findByRole('dialog', { name: 'Escalate ticket #21 on the customer\'s request' });
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
    renderConsole(desk());
    const ws = await open(23);
    expect(within(ws).queryByRole('button', { name: 'Move out of turn' })).toBeNull();
    expect(within(ws).queryByRole('button', { name: 'Compensation' })).toBeNull();
    expect(within(ws).queryByRole('button', { name: /^Take/ })).toBeNull(); // not anna's tier
  });
});
