// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AGENTS, createFakeBridge, renderConsole } from '../../../../support/fake-bridge.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

describe('connection state', () => {
  it('shows a banner while a lost connection recovers, clears it, and refetches what changed', async () => {
    const bridge = createFakeBridge([{ id: 1, subject: 'Calls drop', createdAt: Date.now() }]);
    bridge.signIn(AGENTS.anna);
    renderConsole(bridge);
    await screen.findByText('#1');
    act(() => bridge.emit('connection:changed', { status: 'online', lastSeq: 0, retryAt: null }));
    expect(screen.getByLabelText('Connection: Online')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    act(() => bridge.emit('connection:changed', { status: 'offline', lastSeq: 4, retryAt: Date.now() + 500 }));
    expect(screen.getByRole('alert').textContent).toMatch(/connection to the ticket service is lost/);
    expect(screen.getByLabelText('Connection: Offline')).toBeTruthy();

    const before = bridge.calls.filter((c) => c.channel === 'tickets:list').length;
    act(() => bridge.emit('connection:changed', { status: 'online', lastSeq: 9, retryAt: null }));
    expect(screen.queryByRole('alert')).toBeNull();
    await screen.findByText('#1');
    expect(bridge.calls.filter((c) => c.channel === 'tickets:list').length).toBeGreaterThan(before);
  });

  it('opens the ticket a notification was clicked for', async () => {
    const bridge = createFakeBridge([{ id: 7, subject: 'Calls drop', createdAt: Date.now() }]);
    bridge.signIn(AGENTS.anna);
    renderConsole(bridge);
    await screen.findByText('#7');
    act(() => bridge.emit('ticket:open', { id: 7 }));
    expect(await screen.findByRole('region', { name: 'Ticket #7' })).toBeTruthy();
  });
});
