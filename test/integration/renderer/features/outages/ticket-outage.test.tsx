// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { openTicket } from '../../../../../renderer/features/ticket/store.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
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

async function open(id: number): Promise<HTMLElement> {
  act(() => openTicket(id));
  const ws = await screen.findByRole('region', { name: `Ticket #${id}` });
  await within(ws).findByRole('toolbar', { name: 'Actions' });
  return ws;
}

describe('outages from the ticket workspace', HEAVY, () => {
  const desk = useDesk({ start: monday });

  it('declares an outage from a ticket (its client\'s group checked), links another to it from the open outages offered; each says which outage it is part of', async () => {
    vi.useFakeTimers({ now: monday, toFake: ['Date'] });
    const beta = await desk.file({ customer: 'beta.user', subject: 'Вхідні дзвінки не проходять', at: monday - minutes(4) });
    const gamma = await desk.file({ customer: 'gamma.user', subject: 'Inbound calls fail', at: monday - minutes(7) });
    renderConsole(await desk.signedIn('anna'));

    let ws = await open(beta);
    await userEvent.click(within(ws).getByRole('button', { name: 'Declare outage' }));
    const declare = await screen.findByRole('dialog', { name: `Declare an outage from ticket #${beta}` });
    // Beta's primary group is inbound call processing (R1).
    expect((within(declare).getByRole('checkbox', { name: 'Inbound call processing' }) as HTMLInputElement).checked).toBe(true);
    expect((within(declare).getByRole('checkbox', { name: 'Autodialer' }) as HTMLInputElement).checked).toBe(false);
    const summary = within(declare).getByRole('textbox', { name: 'Summary' });
    expect((summary as HTMLTextAreaElement).value).toBe('Вхідні дзвінки не проходять');
    await userEvent.click(within(declare).getByRole('checkbox', { name: 'Autodialer' }));
    await userEvent.clear(summary);
    await write(summary, 'SIP carrier down');
    await userEvent.click(within(declare).getByRole('button', { name: 'Declare' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const part = await within(ws).findByRole('button', { name: /^Part of outage #\d+$/ });
    const id = Number(/#(\d+)/.exec(part.textContent ?? '')?.[1]);
    expect(within(ws).queryByRole('button', { name: 'Declare outage' })).toBeNull();
    expect(within(ws).getByRole('region', { name: 'Audit trail' }).textContent).toContain('linked to an outage');
    const bar = await screen.findByRole('region', { name: 'Open outages' });
    expect(within(bar).getByRole('button').textContent).toBe(`Outage #${id}: Autodialer, Inbound call processing`);
    expect(bar.textContent).toContain('1 ticket');

    ws = await open(gamma);
    await userEvent.click(within(ws).getByRole('button', { name: 'Link to outage' }));
    const link = await screen.findByRole('dialog', { name: `Link ticket #${gamma} to an outage` });
    expect(link.textContent).toContain('SIP carrier down');
    await userEvent.click(within(link).getByRole('button', { name: `Link to outage #${id}` }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await within(ws).findByRole('button', { name: `Part of outage #${id}` });
    await within(bar).findByText('2 tickets');
    // Gamma's ticket came earlier: downtime now starts at its receipt (R19).
    expect(bar.textContent).toContain('down 7 minutes');

    const r = await desk.ts.request('GET', `/api/v1/outages/${id}`, { token: await desk.ts.login('sofia') });
    expect(r.body.outage).toMatchObject({ groups: ['autodialer', 'inbound'], summary: 'SIP carrier down', declaredFrom: beta, startedAt: monday - minutes(7) });
    expect(r.body.tickets.map((t: { id: number }) => t.id).sort()).toEqual([beta, gamma].sort());

    await userEvent.click(within(ws).getByRole('button', { name: `Part of outage #${id}` }));
    expect(await screen.findByRole('dialog', { name: `Outage #${id}` })).toBeTruthy();
  });

  it('offers no outage to link to when none is open; a declaration by another agent shows live in the ticket', async () => {
    const now = monday + minutes(90);
    vi.useFakeTimers({ now, toFake: ['Date'] });
    desk.clock.set(now);
    const bars = await desk.ts.request('GET', '/api/v1/outages?state=open', { token: await desk.ts.login('anna') });
    for (const o of bars.body.outages as { id: number }[]) await desk.act('anna', `/api/v1/outages/${o.id}/restore`);
    const ticket = await desk.file({ subject: 'Autodialer slow', at: now - minutes(3) });
    renderConsole(await desk.signedIn('boris'));
    const ws = await open(ticket);
    await userEvent.click(within(ws).getByRole('button', { name: 'Link to outage' }));
    const link = await screen.findByRole('dialog', { name: `Link ticket #${ticket} to an outage` });
    expect(await within(link).findByText('No outage is open.')).toBeTruthy();
    await userEvent.click(within(link).getByRole('button', { name: 'Cancel' }));

    // While boris writes a declaration, anna declares from this very ticket: his workspace follows live.
    await userEvent.click(within(ws).getByRole('button', { name: 'Declare outage' }));
    await screen.findByRole('dialog', { name: `Declare an outage from ticket #${ticket}` });
    await desk.act('anna', '/api/v1/outages', { groups: ['autodialer'], summary: 'Dialer slow', ticketId: ticket });
    await within(ws).findByRole('button', { name: /^Part of outage #\d+$/ });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(ws).queryByRole('button', { name: 'Declare outage' })).toBeNull();
  });
});
