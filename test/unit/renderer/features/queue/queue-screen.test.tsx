// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AGENTS, CLIENTS, createFakeBridge, renderConsole } from '../../../../support/fake-bridge.tsx';
import { nth } from '../../../../support/nth.ts';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();

const monday = at('2026-11-30 10:00');

function desk() {
  const bridge = createFakeBridge([
    { id: 11, subject: 'Autodialer does not start', createdAt: monday - minutes(8) },
    { id: 12, kind: 'question', subject: 'How to set up IVR?', client: CLIENTS.beta, createdAt: monday - minutes(30) },
    { id: 13, subject: 'Calls drop', createdAt: monday - minutes(25) },
  ]);
  bridge.signIn(AGENTS.anna);
  return bridge;
}

const rows = () => screen.getAllByRole('row').slice(1);

describe('QueueScreen', () => {
  it('lists tickets soonest due first, with a live countdown named for screen readers', async () => {
    // Only the clock and the 1 s tick are faked; Testing Library's waits keep real timeouts.
    vi.useFakeTimers({ now: monday, toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderConsole(desk());
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    await within(grid).findByText('#13');
    expect(rows().map((r) => within(r).getAllByRole('gridcell')[1]?.textContent)).toEqual(['#13', '#11', '#12']);
    const first = within(nth(rows(), 0));
    expect(first.getByRole('timer', { name: 'overdue by 5 minutes' }).textContent).toBe('−05:00');
    expect(within(nth(rows(), 1)).getByRole('timer', { name: 'due in 12 minutes' }).textContent).toBe('12:00');
    expect(within(nth(rows(), 2)).getByRole('timer').textContent).toBe('30:00'); // consultation: 1 hour (R24)
    expect(within(nth(rows(), 2)).getByText('Beta')).toBeTruthy();
    expect(within(nth(rows(), 2)).getByText('Question')).toBeTruthy();

    act(() => vi.advanceTimersByTime(61_000));
    expect(within(nth(rows(), 1)).getByRole('timer', { name: 'due in 10 minutes' }).textContent).toBe('10:59');
    expect(screen.getByText('3 tickets')).toBeTruthy();
  });

  it('moves with j/k and opens with Enter', async () => {
    renderConsole(desk());
    await screen.findByText('#13');
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(nth(rows(), 0).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(nth(rows(), 1).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(await screen.findByRole('region', { name: 'Ticket #11' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '#11 Autodialer does not start' })).toBeTruthy();
  });

  it('searches by number, subject or client, and switches views', async () => {
    const bridge = desk();
    renderConsole(bridge);
    await screen.findByText('#13');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by number, subject or client' }), 'beta');
    expect(await screen.findByText('1 ticket')).toBeTruthy();
    expect(rows()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Mine' }));
    expect(await screen.findByText('No tickets in this view.')).toBeTruthy();
    expect(bridge.calls.at(-1)).toMatchObject({ channel: 'tickets:list', arg: { view: 'mine', q: 'beta' } });
  });

  it('stays small with 10,000 tickets: only the visible rows are in the DOM', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, subject: `Ticket ${i + 1}`, createdAt: monday - i * 1000 }));
    const bridge = createFakeBridge(many, () => monday);
    bridge.signIn(AGENTS.anna);
    renderConsole(bridge);
    expect(await screen.findByText('10,000 tickets')).toBeTruthy();
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');
    expect(rows().length).toBeLessThan(60);
  });
});
