// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AGENTS, createFakeBridge, renderConsole } from '../../../../support/fake-bridge.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

describe('live updates', () => {
  it('refetches the lists when the service resets the stream, though the connection stays online', async () => {
    const bridge = createFakeBridge([{ id: 1, subject: 'Calls drop', createdAt: Date.now() }]);
    bridge.signIn(AGENTS.anna);
    renderConsole(bridge);
    await screen.findByText('#1');
    act(() => bridge.emit('connection:changed', { status: 'online', lastSeq: 120, retryAt: null }));
    await screen.findByText('#1');
    const lists = () => bridge.calls.filter((c) => c.channel === 'tickets:list').length;
    const before = lists();
    act(() => bridge.emit('connection:changed', { status: 'online', lastSeq: 70, retryAt: null, resets: 1 }));
    await screen.findByText('#1');
    await act(async () => {});
    expect(lists()).toBeGreaterThan(before);
  });
});
