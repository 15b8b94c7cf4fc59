// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
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

// A Monday morning in working hours, on the service's clock and this one (timers stay real).
const monday = at('2026-11-30 10:00');

/** Declares an outage as anna through the API; its id. */
async function declare(desk: Desk, ticketId: number, summary: string, groups = ['autodialer']): Promise<number> {
  const r = await desk.ts.request('POST', '/api/v1/outages', { token: await desk.ts.login('anna'), body: { groups, summary, ticketId } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.outage.id as number;
}

/** Opens the outage from the bar; the dialog. */
async function openFromBar(id: number): Promise<HTMLElement> {
  const bar = await screen.findByRole('region', { name: 'Open outages' });
  await userEvent.click(await within(bar).findByRole('button', { name: new RegExp(`^Outage #${id}:`) }));
  return screen.findByRole('dialog', { name: `Outage #${id}` });
}

/** Opens the outage from one of its tickets ("Part of outage #N"); the dialog. */
async function openFromTicket(ticketId: number, id: number): Promise<HTMLElement> {
  act(() => openTicket(ticketId));
  const ws = await screen.findByRole('region', { name: `Ticket #${ticketId}` });
  await userEvent.click(await within(ws).findByRole('button', { name: `Part of outage #${id}` }));
  return screen.findByRole('dialog', { name: `Outage #${id}` });
}

describe('the outage view', HEAVY, () => {
  const desk = useDesk({ start: monday });

  it('shows what is down since the earliest ticket (R19), who declared it, its tickets and timeline; link by number and unlink; a ticket opens from it', async () => {
    vi.useFakeTimers({ now: monday, toFake: ['Date'] });
    const a = await desk.file({ subject: 'Autodialer makes no calls', at: monday - minutes(5) });
    const b = await desk.file({ customer: 'beta.user', subject: 'Campaign halted', at: monday - minutes(12) });
    const id = await declare(desk, a, 'Trunk provider down');
    renderConsole(await desk.signedIn('boris'));
    const view = await openFromBar(id);

    const facts = await within(view).findByRole('region', { name: 'Outage' });
    expect(facts.textContent).toContain('Trunk provider down');
    expect(facts.textContent).toContain('Function groupsAutodialer');
    expect(facts.textContent).toContain('Down since (the first ticket, R19)Mon 30 Nov, 09:55');
    expect(facts.textContent).toContain(`Anna Kovalenko, from ticket #${a}, Mon 30 Nov, 10:00`);
    expect(facts.textContent).toContain('Restore by (R18)Mon 30 Nov, 10:25');
    expect(within(facts).getByRole('timer').textContent).toBe('25:00');
    const tickets = within(view).getByRole('region', { name: 'Linked tickets' });
    expect(within(tickets).getByRole('heading').textContent).toBe('Linked tickets (1 ticket)');
    expect(within(tickets).getByRole('button', { name: `#${a} Autodialer makes no calls` })).toBeTruthy();
    expect(within(view).getByRole('region', { name: 'Timeline' }).textContent).toContain(`Anna Kovalenko declared the outage · from ticket #${a}`);

    // Link by number: the earlier ticket moves the start back (R19).
    const link = within(view).getByRole('form', { name: 'Link a ticket' });
    await userEvent.type(within(link).getByRole('textbox', { name: 'Ticket number' }), `#${b}`);
    await userEvent.click(within(link).getByRole('button', { name: 'Link' }));
    await within(tickets).findByRole('button', { name: `#${b} Campaign halted` });
    expect(within(tickets).getByRole('heading').textContent).toBe('Linked tickets (2 tickets)');
    expect(facts.textContent).toContain('Down since (the first ticket, R19)Mon 30 Nov, 09:48');
    expect(within(view).getByRole('region', { name: 'Timeline' }).textContent).toContain(`Boris Ivanov linked a ticket · ticket #${b}`);
    // The bar behind counts it too.
    expect(await within(screen.getByRole('region', { name: 'Open outages' })).findByText('2 tickets')).toBeTruthy();

    // A number that is no ticket: the service's words.
    await userEvent.type(within(link).getByRole('textbox', { name: 'Ticket number' }), '99999');
    await userEvent.click(within(link).getByRole('button', { name: 'Link' }));
    expect((await within(view).findByRole('alert')).textContent).toBe('ticket #99999 not found');

    await userEvent.click(within(tickets).getByRole('button', { name: `Unlink #${b}` }));
    await waitFor(() => expect(within(tickets).queryByRole('button', { name: `#${b} Campaign halted` })).toBeNull());
    expect(facts.textContent).toContain('Down since (the first ticket, R19)Mon 30 Nov, 09:55');
    const r = await desk.ts.request('GET', `/api/v1/outages/${id}`, { token: await desk.ts.login('sofia') });
    expect(r.body.tickets.map((t: { id: number }) => t.id)).toEqual([a]);

    // A linked ticket opens in the workspace, which says which outage it is part of.
    await userEvent.click(within(tickets).getByRole('button', { name: `#${a} Autodialer makes no calls` }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const ws = await screen.findByRole('region', { name: `Ticket #${a}` });
    expect(await within(ws).findByRole('button', { name: `Part of outage #${id}` })).toBeTruthy();
  });

  it('restore: a bad time is refused in the service\'s words; a good one restores and hides the bar; exclude with a reason (R27); no compensation for agents', async () => {
    const now = monday + minutes(60);
    vi.useFakeTimers({ now, toFake: ['Date'] });
    desk.clock.set(now);
    const a = await desk.file({ subject: 'Dialer queue frozen', at: now - minutes(20) });
    const id = await declare(desk, a, 'Dialer queue service crashed');
    renderConsole(await desk.signedIn('boris'));
    const view = await openFromBar(id);
    const restore = await within(view).findByRole('form', { name: 'Restore' });
    const time = within(restore).getByLabelText('End of downtime (Europe/Kyiv)') as HTMLInputElement;
    expect(time.value).toBe('2026-11-30T11:00');

    fireEvent.change(time, { target: { value: '2026-11-30T10:30' } });
    await userEvent.click(within(restore).getByRole('button', { name: 'Record restoration' }));
    expect((await within(restore).findByRole('alert')).textContent).toBe('at: must not be before the start of downtime (2026-11-30T08:40:00.000Z)');
    fireEvent.change(time, { target: { value: '2026-11-30T11:05' } });
    await userEvent.click(within(restore).getByRole('button', { name: 'Record restoration' }));
    await within(restore).findByText('at: must not be in the future (now is 2026-11-30T09:00:00.000Z)');

    fireEvent.change(time, { target: { value: '2026-11-30T10:52' } });
    await userEvent.click(within(restore).getByRole('button', { name: 'Record restoration' }));
    const facts = within(view).getByRole('region', { name: 'Outage' });
    await within(facts).findByText('Restored', { selector: 'dd' });
    expect(facts.textContent).toContain('RestoredMon 30 Nov, 10:52');
    expect(facts.textContent).toContain('Downtimedown 12 minutes');
    expect(within(view).queryByRole('form', { name: 'Restore' })).toBeNull();
    expect(within(view).getByRole('region', { name: 'Reply to all linked tickets' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: new RegExp(`^Outage #${id}:`) })).toBeNull());

    const exclude = within(view).getByRole('form', { name: 'Exclude from downtime (R27)' });
    await write(within(exclude).getByRole('textbox'), 'The customer\'s carrier cut the line');
    await userEvent.click(within(exclude).getByRole('button', { name: 'Exclude' }));
    await within(facts).findByText('Excluded (R27)');
    expect(facts.textContent).toContain('Excluded becauseThe customer\'s carrier cut the line');
    expect(within(view).queryByRole('form', { name: 'Exclude from downtime (R27)' })).toBeNull();
    expect(within(view).getByRole('region', { name: 'Timeline' }).textContent).toContain('Boris Ivanov excluded it from downtime · The customer\'s carrier cut the line');
    const r = await desk.ts.request('GET', `/api/v1/outages/${id}`, { token: await desk.ts.login('sofia') });
    expect(r.body.outage).toMatchObject({ state: 'restored', restoredAt: at('2026-11-30 10:52'), excluded: true, exclusionReason: 'The customer\'s carrier cut the line' });

    // Compensation is for managers (R6c): an agent gets no form and, with no decision yet, no section.
    expect(within(view).queryByRole('region', { name: 'Compensation decisions (R6c)' })).toBeNull();
  });

  it('a manager records compensation decisions against the outage (R6c); agents see them listed but get no form', async () => {
    const now = monday + minutes(120);
    vi.useFakeTimers({ now, toFake: ['Date'] });
    desk.clock.set(now);
    const a = await desk.file({ subject: 'No calls since 11:50', at: now - minutes(10) });
    const id = await declare(desk, a, 'Provider outage');
    const sofia = renderConsole(await desk.signedIn('sofia'));
    let view = await openFromBar(id);
    let section = await within(view).findByRole('region', { name: 'Compensation decisions (R6c)' });
    expect(within(section).getByText('No decision recorded yet.')).toBeTruthy();
    const form = within(section).getByRole('form', { name: 'Record a compensation decision' });
    await write(within(form).getByRole('textbox', { name: 'Decision' }), 'Credit one day of service to Alpha');
    await userEvent.click(within(form).getByRole('button', { name: 'Record decision' }));
    await waitFor(() => expect(within(section).queryAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^Credit one day of service to Alpha · Sofia Tkachenko, Mon 30 Nov, 12:00/)]));
    expect(within(section).queryByText('No decision recorded yet.')).toBeNull();
    await waitFor(() => expect((within(form).getByRole('textbox', { name: 'Decision' }) as HTMLTextAreaElement).value).toBe(''));
    const r = await desk.ts.request('GET', `/api/v1/outages/${id}`, { token: await desk.ts.login('anna') });
    expect(r.body.compensations).toEqual([expect.objectContaining({ decision: 'Credit one day of service to Alpha', by: expect.objectContaining({ name: 'Sofia Tkachenko' }) })]);
    sofia.unmount();

    renderConsole(await desk.signedIn('boris'));
    view = await openFromTicket(a, id);
    section = await within(view).findByRole('region', { name: 'Compensation decisions (R6c)' });
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^Credit one day of service to Alpha · Sofia Tkachenko, Mon 30 Nov, 12:00/)]);
    expect(within(section).queryByRole('form')).toBeNull();
    expect(within(view).queryByRole('button', { name: 'Record decision' })).toBeNull();
  });
});
